package io.jenkins.plugins.aem.client.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tasks a release takes, and the values of one environment read from a file. */
class ReleaseInputsTest {

    @Test
    void patternsAreNamesOrGlobsMatchedWithCase() {
        TaskPatterns p = TaskPatterns.of(List.of("Sales*", "Orders", "Load-?"));
        assertThat(p.matches("Sales DEV")).isTrue();
        assertThat(p.matches("sales DEV")).isFalse();
        assertThat(p.matches("Orders")).isTrue();
        assertThat(p.matches("Orders2")).isFalse();
        assertThat(p.matches("Load-1")).isTrue();
        assertThat(p.matches("Load-12")).isFalse();
        assertThat(TaskPatterns.of(List.of("a.b(c)")).matches("a.b(c)")).isTrue();
        assertThat(TaskPatterns.of(List.of("a.b(c)")).matches("aXb(c)")).isFalse();
        assertThat(p.unmatched(List.of("Sales A", "Load-2"))).containsExactly("Orders");
        assertThat(TaskPatterns.all().matches("anything")).isTrue();
        assertThatThrownBy(() -> TaskPatterns.of(List.of(" "))).isInstanceOf(AemException.class)
                .hasMessage("task: is empty. Give a task's name, or a pattern such as 'Sales*'.");
    }

    @Test
    void aValuesFileHoldsOneNameAndValueALine() {
        Map<String, String> values = ValuesFile.parse("\uFEFF# test environment\nDB_HOST=db-test:1521\r\n\n  SCHEMA = SALES_TEST \n"
                + "EMPTY=\nURL=jdbc:x?a=b\n", "--values test.env");
        assertThat(values).containsExactly(Map.entry("DB_HOST", "db-test:1521"), Map.entry("SCHEMA", " SALES_TEST "),
                Map.entry("EMPTY", ""), Map.entry("URL", "jdbc:x?a=b"));
    }

    @Test
    void aLineThatIsNoValueIsNamedByItsNumberOnly() {
        assertThatThrownBy(() -> ValuesFile.parse("A=1\nsecret-looking line\n", "--values test.env"))
                .isInstanceOfSatisfying(AemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("--values test.env: line 2 is not NAME=VALUE with a placeholder "
                            + "name (letters, digits, _ . - starting with a letter or _). Write one NAME=VALUE a line; # starts a comment.");
                });
        assertThatThrownBy(() -> ValuesFile.parse("A=1\nA=2\n", "--values test.env")).hasMessage(
                "--values test.env: gives 'A' twice (again on line 2). Give each name once.");
    }
}
