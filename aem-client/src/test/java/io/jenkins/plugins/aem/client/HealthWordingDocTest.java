package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md quotes every message a health read or wait can end with, word for word. */
class HealthWordingDocTest {

    @Test
    void everyHealthMessageIsQuotedAsTheCodeWritesIt() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "troubleshooting.md"), StandardCharsets.UTF_8);
        assertThat(HealthWording.DOCUMENTED).isNotEmpty().allSatisfy(message -> {
            for (String part : message.split("%s")) {
                assertThat(doc).as(message).contains(part);
            }
        });
        assertThat(doc).contains(TaskWaiter.failure("ERROR", StopReason.FATAL_ERROR, "<AEM's message>") + " Last values:");
        assertThat(doc).contains(HealthWording.retry(AemException.of(FailureKind.UNREACHABLE, "...").build()));
    }
}
