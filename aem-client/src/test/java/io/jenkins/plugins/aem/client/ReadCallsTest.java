package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadCallsTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder()
            .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Orders")).task(SimTaskSpec.named("Bad").initialState("ERROR", "FATAL_ERROR", "boom")))
            .server(SimServer.compose("Comp").task(SimTaskSpec.named("Load", "DWH"))));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void serversServerDetailsAndTaskLists() {
        List<ServerInfo> servers = SimFixture.join(fx.client().servers(Duration.ofSeconds(5)));
        assertThat(servers).extracting(ServerInfo::name, ServerInfo::kind)
                .containsExactly(org.assertj.core.api.Assertions.tuple("Rep", ServerKind.REPLICATE),
                        org.assertj.core.api.Assertions.tuple("Comp", ServerKind.COMPOSE));
        assertThat(servers).allMatch(ServerInfo::monitored);

        ServerDetails details = SimFixture.join(fx.client().serverDetails("Rep", Duration.ofSeconds(5)));
        assertThat(details.kind()).isEqualTo(ServerKind.REPLICATE);
        assertThat(details.state()).isEqualTo("MONITORED");
        assertThat(details.tasksInError()).isEqualTo(1);
        assertThat(details.tasksStopped()).isEqualTo(1);

        List<TaskStatus> tasks = SimFixture.join(fx.client().tasks("Rep", Duration.ofSeconds(5)));
        assertThat(tasks).extracting(t -> t.task().task(), TaskStatus::state)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("Orders", TaskState.STOPPED),
                        org.assertj.core.api.Assertions.tuple("Bad", TaskState.ERROR));
        assertThat(SimFixture.join(fx.client().tasks("Comp", Duration.ofSeconds(5))))
                .extracting(t -> t.task().task()).containsExactly("Load__DWH");
    }
}
