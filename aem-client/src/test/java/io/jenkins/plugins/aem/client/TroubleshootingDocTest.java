package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md repeats the error table for readers; it must say exactly what the code prints. */
class TroubleshootingDocTest {

    @Test
    void everyCodeIsDocumentedWithItsRemedy() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "troubleshooting.md"), StandardCharsets.UTF_8);
        for (AemErrorCode code : AemErrorCode.values()) {
            assertThat(doc).contains("### `" + code.name() + "`").contains(code.meaning()).contains("**What to do:** " + code.remedy());
        }
    }
}
