package io.jenkins.plugins.aem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments the command did not understand are named when they are option names, and never repeated otherwise. */
class UnmatchedArgumentsTest {

    @Test
    void anUnknownOptionIsNamedAndItsValueIsNot() {
        assertThat(UnmatchedArguments.describe(List.of("--password", "hunter2")))
                .isEqualTo("Unknown option '--password'; 1 argument not shown, as it may be a secret");
        assertThat(UnmatchedArguments.describe(List.of("--password=hunter2")))
                .isEqualTo("Unknown option '--password'; 1 argument not shown, as it may be a secret");
    }

    @Test
    void strayWordsAreCountedNotShown() {
        assertThat(UnmatchedArguments.describe(List.of("hunter2", "/etc/x")))
                .isEqualTo("Unexpected input: 2 arguments not shown, as one may be a secret");
    }

    @Test
    void optionsAloneAreAllNamed() {
        assertThat(UnmatchedArguments.describe(List.of("--verbose", "-q")))
                .isEqualTo("Unknown options '--verbose', '-q'");
    }
}
