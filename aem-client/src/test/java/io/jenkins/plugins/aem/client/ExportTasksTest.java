package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.aem.client.release.FileNames;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of a set's export into a release folder. */
class ExportTasksTest {

    private final ReleaseFixture f = new ReleaseFixture(b -> b
            .server(SimServer.replicate("Slow").generatedTasks(20, 4).exportDelay(Duration.ofMillis(150)))
            .server(SimServer.replicate("Odd").task(SimTaskSpec.named("a/b:c*?")).task(SimTaskSpec.named("CON"))
                    .task(SimTaskSpec.named("Orders")).task(SimTaskSpec.named("ORDERS")).task(SimTaskSpec.named(".hidden."))
                    .task(SimTaskSpec.named("Ventes été")).task(SimTaskSpec.named("x".repeat(150))))
            .server(SimServer.replicate("Busy").fillerTasks(800, 1500).task(SimTaskSpec.named("Orders"))));

    @AfterEach
    void close() {
        f.close();
    }

    private ExportTasksRequest request(String server, boolean endpoints, Map<String, String> values, boolean prune) {
        return new ExportTasksRequest(server, TaskPatterns.all(), endpoints, values, prune, 0, Duration.ofSeconds(30));
    }

    @Test
    void eachTaskIsOneFileAndEachEndpointOneFileWrittenOnce() {
        ExportTasksOutcome outcome = f.exportDev();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.tasks()).extracting(ExportedTask::status).containsOnly(ExportedTask.Status.WRITTEN);
        assertThat(f.folder.files.keySet()).containsExactly("endpoints/Source-01.json", "endpoints/Source-02.json",
                "endpoints/Target-01.json", "endpoints/Target-02.json", "tasks/Task-0001.json", "tasks/Task-0002.json",
                "tasks/Task-0003.json", "tasks/Task-0004.json", "tasks/Task-0005.json", "tasks/Task-0006.json");
        assertThat(f.folder.writes).hasValue(10);
        assertThat(f.folder.files.get("tasks/Task-0001.json")).doesNotContain("databases")
                .contains("\"source_name\": \"Source-01\"").endsWith("}\n");
        assertThat(f.folder.files.get("endpoints/Source-01.json")).contains("\"password\": \"${secret:Source-01/password}\"")
                .doesNotContain("{Z");
        assertThat(outcome.tasks().get(0).placeholders()).containsExactly("${secret:Source-01/password}",
                "${secret:Target-01/password}");
        assertThat(f.fx.count(e -> e.isExport())).isEqualTo(6);
        assertThat(f.fx.count(e -> e.isLogin())).isEqualTo(1);
    }

    @Test
    void anUnchangedServerExportedIntoATemplatedFolderChangesNoByte() {
        f.exportDev();
        f.folder.edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"${SALES_DB}\"");
        f.folder.edit("endpoints/Target-02.json", "\"server\": \"acme.snowflakecomputing.com\"",
                "\"server\": \"${ACCOUNT}.snowflakecomputing.com\"");
        Map<String, String> templated = new TreeMap<>(f.folder.files);
        int writes = f.folder.writes.get();
        ExportTasksOutcome again = f.export(request("Dev", true, Map.of("SALES_DB", "Sales", "ACCOUNT", "acme"), false));
        assertThat(again.tasks()).extracting(ExportedTask::status).containsOnly(ExportedTask.Status.UNCHANGED);
        assertThat(f.folder.files).isEqualTo(templated);
        assertThat(f.folder.writes).hasValue(writes);
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void aValueThatDiffersFromTheServersIsWrittenAsTheLiteralAndNamed() {
        f.exportDev();
        f.folder.edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"${SALES_DB}\"");
        ExportTasksOutcome again = f.export(request("Dev", true, Map.of("SALES_DB", "Sales_TEST"), false));
        assertThat(f.folder.files.get("endpoints/Source-01.json")).contains("\"database\": \"Sales\"");
        assertThat(again.warnings()).containsExactly("endpoints/Source-01.json: '${SALES_DB}' at db_settings.database is "
                + "replaced by the server's value (it gives \"Sales_TEST\" with these values, and the server has \"Sales\").");
        f.folder.edit("endpoints/Source-01.json", "\"database\": \"Sales\"", "\"database\": \"${SALES_DB}\"");
        assertThat(f.export(request("Dev", true, Map.of(), false)).warnings()).containsExactly("endpoints/Source-01.json: "
                + "'${SALES_DB}' at db_settings.database is replaced by the server's value (no value for ${SALES_DB}).");
    }

    @Test
    void filesOfTasksNoLongerOnTheServerAreListedAndDeletedOnlyWithPrune() {
        f.exportDev();
        f.copy("Task-0001", "Retired");
        f.folder.files.put("endpoints/Gone-DB.json", "{\"name\": \"Gone-DB\", \"db_settings\": {}}\n");
        f.folder.files.put("tasks/README.md", "not a task");
        ExportTasksOutcome listed = f.export(request("Dev", true, Map.of(), false));
        assertThat(listed.stale()).containsExactly("tasks/Retired.json", "endpoints/Gone-DB.json");
        assertThat(listed.pruned()).isFalse();
        assertThat(f.folder.files).containsKeys("tasks/Retired.json", "endpoints/Gone-DB.json");
        assertThat(f.folder.deletes).hasValue(0);
        ExportTasksOutcome pruned = f.export(request("Dev", true, Map.of(), true));
        assertThat(pruned.stale()).containsExactly("tasks/Retired.json", "endpoints/Gone-DB.json");
        assertThat(f.folder.files).doesNotContainKeys("tasks/Retired.json", "endpoints/Gone-DB.json")
                .containsKey("tasks/README.md");
        assertThat(f.export(request("Dev", true, Map.of(), true)).stale()).isEmpty();
    }

    @Test
    void aTaskTheExportDoesNotTakeKeepsItsFile() {
        f.exportDev();
        f.copy("Task-0001", "Other");
        ExportTasksOutcome some = f.export(new ExportTasksRequest("Dev", TaskPatterns.of(List.of("Task-0002")),
                false, Map.of(), true, 0, Duration.ofSeconds(30)));
        assertThat(some.tasks()).extracting(t -> t.task().task()).containsExactly("Task-0002");
        assertThat(f.folder.files).containsKey("tasks/Other.json");
        assertThatThrownBy(() -> f.export(new ExportTasksRequest("Dev", TaskPatterns.of(List.of("Nope*")), false, Map.of(),
                false, 0, Duration.ofSeconds(30)))).isInstanceOfSatisfying(AemException.class, e -> assertThat(e.getMessage())
                .isEqualTo("task: 'Nope*' matches no task on server 'Dev'. Check the name (names and patterns are matched "
                        + "with case). Nothing was written."));
    }

    /** Twenty exports that take AEM 150 ms each: never more than the parallel number at once, one login, one read each. */
    @Test
    void neverMoreExportsAtOnceThanAskedAndOneLogin() {
        f.fx.sim.inFlight().resetPeaks();
        ExportTasksOutcome outcome = f.export(new ExportTasksRequest("Slow", TaskPatterns.all(), true, Map.of(), false, 3,
                Duration.ofSeconds(30)));
        assertThat(outcome.count(ExportedTask.Status.WRITTEN)).isEqualTo(20);
        assertThat(f.fx.sim.inFlight().peak(RequestKind.ALL)).isBetween(2, 3);
        assertThat(f.fx.count(e -> e.isExport())).isEqualTo(20);
        assertThat(f.fx.count(e -> e.isLogin())).isEqualTo(1);
        assertThat(f.events()).contains("exported 10 of 20 tasks").contains("exported 20 of 20 tasks");
    }

    @Test
    void namesAFileSystemCannotHoldMapToFilesAndTheFolderDeploysBackAsItIs() {
        ExportTasksOutcome outcome = f.export(request("Odd", false, Map.of(), false));
        assertThat(outcome.exitCode()).isZero();
        Map<String, String> files = new TreeMap<>();
        outcome.tasks().forEach(t -> files.put(t.task().task(), t.file()));
        assertThat(files).containsEntry("a/b:c*?", "tasks/a%2Fb%3Ac%2A%3F.json").containsEntry("CON", "tasks/%43ON.json")
                .containsEntry(".hidden.", "tasks/%2Ehidden%2E.json")
                .containsEntry("Ventes été", "tasks/Ventes %C3%A9t%C3%A9.json")
                .containsEntry("ORDERS", "tasks/ORDERS.json");
        assertThat(files.get("Orders")).matches("tasks/Orders~[0-9a-f]{8}\\.json");
        assertThat(files.get("x".repeat(150))).hasSizeLessThan(140);
        files.forEach((task, file) -> {
            assertThat(f.folder.files.get(file)).contains("\"name\": \"" + task + "\"");
            String fileName = file.substring("tasks/".length());
            assertThat(FileNames.fits(fileName, task)).isTrue();
            if (task.length() < 100) {
                assertThat(FileNames.nameOf(fileName)).hasValue(task);
            }
        });
        DeployTasksOutcome back = SimFixture.join(f.client().deployTasks(DeployTasksRequest.builder("Odd").build(), f.folder,
                f.io, f.fx.listener()));
        assertThat(back.tasks()).hasSize(7).extracting(ReleasedTask::result).containsOnly(ReleasedTask.Result.NO_CHANGE);
    }

    /**
     * A server whose tasks are in error with long messages has a task list of megabytes: a release reads it whole (a
     * status read's bound is for lists shared by waits), so a large server can be exported and released.
     */
    @Test
    void aTaskListOfMegabytesIsReadWhole() {
        ExportTasksOutcome outcome = f.export(new ExportTasksRequest("Busy", TaskPatterns.of(java.util.List.of("Orders")),
                false, Map.of(), false, 0, Duration.ofSeconds(30)));
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.tasks()).extracting(t -> t.task().task()).containsExactly("Orders");
        assertThat(f.folder.files).containsKey("tasks/Orders.json");
    }
}
