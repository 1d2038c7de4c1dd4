package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ExportTask through the client: the file form, against a simulator that orders keys at random and re-encrypts. */
class DefinitionExportTest {

    private final DeployFixture f = new DeployFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void twoExportsOfAnUnchangedTaskAreByteIdenticalAndHoldNoSecret() {
        String first = f.export("Dev", "Orders", true);
        String second = f.export("Dev", "Orders", true);
        assertThat(first).isEqualTo(second);
        assertThat(first).doesNotContain("{Z").doesNotContain("Host name").doesNotContain("task_uuid")
                .contains("\"password\": \"${secret:Source-DB/password}\"")
                .contains("\"password\": \"${secret:Target-DB/password}\"")
                .endsWith("}\n");
        assertThat(f.fx.count(e -> e.kind() == RequestKind.EXPORT && "true".equals(e.query().get("withendpoints")))).isEqualTo(2);
    }

    @Test
    void withoutEndpointsTheExportSaysSoExplicitly() {
        ExportedDefinition d = SimFixture.join(f.deployer().exportTask(ExportRequest.of(new TaskRef("Dev", "Orders")), null));
        assertThat(d.text()).doesNotContain("\"databases\"");
        assertThat(d.placeholders()).isEmpty();
        assertThat(d.fileName()).isEqualTo("Orders.json");
        assertThat(d.version()).isEqualTo("2024.11.0.357");
        JournalEntry export = f.fx.sim.journal().entries().stream().filter(e -> e.kind() == RequestKind.EXPORT).findFirst().orElseThrow();
        assertThat(export.query()).containsEntry("withendpoints", "false");
    }

    @Test
    void composeAndMissingTasksAreRefusedClearly() {
        AemException compose = DeployFixture.fails(f.deployer().exportTask(ExportRequest.of(new TaskRef("Comp", "Load__DWH")), null));
        assertThat(compose.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(compose.getMessage()).startsWith("Server 'Comp' is a Compose server: AEM exports and imports task "
                + "definitions of Replicate servers only.");
        assertThat(f.fx.count(e -> e.kind() == RequestKind.EXPORT)).isZero();
        AemException missing = DeployFixture.fails(f.deployer().exportTask(new ExportRequest(new TaskRef("Dev", "Nope"),
                false, Duration.ofSeconds(10)), null));
        assertThat(missing.errorCode()).isEqualTo("AEM_TASK_NOT_FOUND");
        assertThat(missing.getMessage()).isEqualTo("AEM has no task 'Nope' on server 'Dev' to export.");
    }
}
