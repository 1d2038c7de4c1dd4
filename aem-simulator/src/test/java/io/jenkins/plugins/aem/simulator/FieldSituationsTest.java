package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator models AEM as the field meets it: accounts with Operator on their own tasks only, servers with many
 * tasks and long messages, and ERROR answers whose reason is only in the task's details.
 */
class FieldSituationsTest {

    @Test
    void aTaskOperatorIsRefusedListsServersAndOtherTasksWithTheConfiguredStatus(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.json");
        Files.writeString(file, """
                {"users": [{"name": "svc-ci", "password": "ci-pass", "role": "task-operator", "tasks": ["Mine"]}],
                 "unauthorizedStatus": 500,
                 "servers": [{"name": "R", "tasks": [{"name": "Mine", "startDuration": "50ms"}, {"name": "Other"}]}]}
                """);
        try (AemSimulator sim = AemSimulator.fromConfig(file).start()) {
            RawClient ci = new RawClient(sim).loggedIn("svc-ci", "ci-pass");
            for (String path : new String[] {"/servers", "/servers/R", "/servers/R/tasks", "/servers/R/tasks/Other"}) {
                HttpResponse<String> refused = ci.get(path);
                assertThat(refused.statusCode()).as(path).isEqualTo(500);
                assertThat(RawClient.code(refused)).as(path).isEqualTo("UNAUTHORIZED_REQUEST");
            }
            assertThat(RawClient.code(ci.run("R", "Other", ""))).isEqualTo("UNAUTHORIZED_REQUEST");
            assertThat(sim.task("R", "Other").state()).isEqualTo("STOPPED");

            assertThat(RawClient.json(ci.run("R", "Mine", "&timeout=5")).path("state").asText()).isEqualTo("RUNNING");
            assertThat(ci.details("R", "Mine").path("state").asText()).isEqualTo("RUNNING");
            assertThat(RawClient.json(ci.stop("R", "Mine", "&timeout=5")).path("state").asText()).isEqualTo("STOPPED");
        }
    }

    @Test
    void aTaskOperatorConfiguredWithoutThatRoleIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.json");
        Files.writeString(file, "{\"users\": [{\"name\": \"a\", \"password\": \"p\", \"tasks\": [\"T\"]}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AemSimulator.fromConfig(file))
                .hasMessageContaining("user a: tasks are given only with role task-operator");
    }

    @Test
    void fillerTasksMakeAListOfMegabytesAndAQuietErrorIsExplainedOnlyInTheDetails() throws Exception {
        try (AemSimulator sim = AemSimulator.builder().user("admin", "pw")
                .server(SimServer.replicate("Big").fillerTasks(800, 1500)
                        .task(SimTaskSpec.named("Quiet").startDuration(java.time.Duration.ofMillis(50))
                                .failOnRun("ORA-12541: TNS:no listener").errorMessageInAnswer(false)))
                .start()) {
            RawClient admin = new RawClient(sim).loggedIn("admin", "pw");
            HttpResponse<String> list = admin.get("/servers/Big/tasks");
            assertThat(list.body().length()).isGreaterThan(1 << 20);
            JsonNode first = RawClient.json(list).path("taskList").get(0);
            assertThat(first.path("name").asText()).isEqualTo("Filler-00001");
            assertThat(first.path("state").asText()).isEqualTo("ERROR");
            assertThat(first.path("stop_reason").asText()).isEqualTo("FATAL_ERROR");
            assertThat(first.path("message").asText()).hasSize(1500);

            JsonNode answer = RawClient.json(admin.run("Big", "Quiet", "&timeout=5"));
            assertThat(answer.path("state").asText()).isEqualTo("ERROR");
            assertThat(answer.path("error_message").asText()).isEmpty();
            assertThat(admin.details("Big", "Quiet").path("message").asText()).isEqualTo("ORA-12541: TNS:no listener");
        }
    }
}
