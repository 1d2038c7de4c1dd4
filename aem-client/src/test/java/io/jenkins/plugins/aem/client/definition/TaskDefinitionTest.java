package io.jenkins.plugins.aem.client.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskDefinitionTest {

    @Test
    void readsTheTaskItsVersionAndEndpoints() {
        TaskDefinition d = Exports.orders();
        assertThat(d.taskName()).isEqualTo("Orders");
        assertThat(d.version()).map(ReplicateVersion::text).contains("2024.11.0.357");
        assertThat(d.endpointNames()).containsExactly("Oracle-Dev", "Snowflake-Dev");
        assertThat(d.usedEndpoints()).containsExactly("Oracle-Dev", "Snowflake-Dev");
        assertThat(d.withTaskName("Orders-Prod").taskName()).isEqualTo("Orders-Prod");
        assertThat(d.taskName()).as("immutable").isEqualTo("Orders");
        assertThat(d.withoutEndpoints(Set.of("Oracle-Dev")).endpointNames()).containsExactly("Snowflake-Dev");
    }

    @Test
    void handsOutCopiesAndNeverPrintsValues() {
        TaskDefinition d = Exports.orders();
        d.json().put("cmd.replication_definition", "broken");
        d.endpoint("Oracle-Dev").orElseThrow().put("name", "changed");
        assertThat(d.endpointNames()).containsExactly("Oracle-Dev", "Snowflake-Dev");
        assertThat(d.toString()).isEqualTo("TaskDefinition[task=Orders, endpoints=[Oracle-Dev, Snowflake-Dev]]")
                .doesNotContain("{Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|definition: is empty",
            "{\"a\": |definition: is not valid JSON at line 1, column",
            "[1,2]|definition: is not a JSON object",
            "{\"a\":1,\"a\":2}|definition: has a key given twice at line 1",
            "{\"project\":{}}|has no 'cmd.replication_definition', so it is not a Replicate task export",
            "{\"cmd.replication_definition\":{\"tasks\":[]}}|holds no task",
            "{\"cmd.replication_definition\":{\"tasks\":[{\"task\":{\"name\":\"A\"}},{\"task\":{\"name\":\"B\"}}]}}|holds 2 tasks (A, B), as a whole server's export does",
            "{\"cmd.replication_definition\":{\"tasks\":[{\"task\":{}}]}}|has no task name",
            "{\"cmd.replication_definition\":{\"tasks\":[{\"task\":{\"name\":\"A\"}}],\"databases\":[{\"role\":\"SOURCE\"}]}}|has an endpoint without a name",
            "{\"cmd.replication_definition\":{\"tasks\":[{\"task\":{\"name\":\"A\"}}],\"databases\":[{\"name\":\"E\"},{\"name\":\"E\"}]}}|defines endpoint 'E' twice",
    })
    void refusesWhatIsNotOneTask(String text, String message) {
        AemException e = catchThrowableOfType(AemException.class, () -> TaskDefinition.parse(text));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void aParseErrorNeverQuotesTheText() {
        String broken = "{\"cmd.replication_definition\": {\"password\": hunter2-Secret-77 }}";
        AemException e = catchThrowableOfType(AemException.class, () -> TaskDefinition.parse(broken));
        assertThat(e.getMessage()).contains("line 1, column").doesNotContain("hunter2");
    }

    @Test
    void versionsCompareNumberByNumber() {
        ReplicateVersion old = ReplicateVersion.parse("6.6.0.177").orElseThrow();
        ReplicateVersion year = ReplicateVersion.parse("2023.5.0.516").orElseThrow();
        ReplicateVersion sameShort = ReplicateVersion.parse("2023.5").orElseThrow();
        assertThat(old).isLessThan(year);
        assertThat(ReplicateVersion.parse("2023.5.0.0 build 12").orElseThrow().compareTo(sameShort)).isZero();
        assertThat(ReplicateVersion.parse("2024.11.1").orElseThrow()).isGreaterThan(ReplicateVersion.parse("2024.11.0.999").orElseThrow());
        assertThat(ReplicateVersion.parse("latest")).isEmpty();
        assertThat(ReplicateVersion.parse("6.6").orElseThrow().numbers()).isEqualTo(List.of(6, 6));
    }

    @Test
    void aVersionWithoutTextIsReadFromItsNumbers() {
        TaskDefinition d = Exports.edited(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("_version")).remove("version"));
        assertThat(d.version()).map(ReplicateVersion::numbers).contains(List.of(2024, 11, 357));
        TaskDefinition none = Exports.edited(t -> t.remove("_version"));
        assertThat(none.version()).isEmpty();
        assertThat(none.withVersion(ReplicateVersion.parse("2025.5.0.10").orElseThrow()).version()).map(ReplicateVersion::text)
                .contains("2025.5.0.10");
    }
}
