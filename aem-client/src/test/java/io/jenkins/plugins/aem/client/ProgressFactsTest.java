package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.client.definition.PlanChange;
import io.jenkins.plugins.aem.simulator.SimHealthSpec;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The facts an operation hands a recording caller ({@link ProgressListener#onFact}), beside its progress lines: what a
 * build's page is drawn from, a failed deploy's plan and steps included.
 */
class ProgressFactsTest {

    private final DeployFixture f = new DeployFixture(b -> b.server(SimServer.replicate("Health")
            .task(SimTaskSpec.named("Catching").initialState("RUNNING", "NONE", "").health(SimHealthSpec.create()
                    .latencyFalling(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(1))))));
    private final List<ProgressFact> facts = new CopyOnWriteArrayList<>();
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final ProgressListener recording = new ProgressListener() {
        @Override
        public void onProgress(ProgressEvent event) {
            events.add(event);
        }

        @Override
        public void onFact(ProgressFact fact) {
            facts.add(fact);
        }
    };

    @AfterEach
    void close() {
        f.close();
    }

    private <T extends ProgressFact> List<T> facts(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aFailedDeployStillTellsItsPlanWithTheMaskedValuesAndEveryStepItTook() {
        TaskRef live = new TaskRef("Prod", "Live");
        f.fx.sim.task("Prod", "Live").spec().runErrorOnce("AEM_RUN_TASK_INNER_ERR");
        String file = f.export("Dev", "Live", true).replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": 8");
        DeployRequest request = DeployRequest.of(live, file).withSecrets(DeployFixture.prodSecrets())
                .withStopIfRunning(true, null, null).withTimeout(Duration.ofSeconds(30)).withBackupSink(b -> "backup.json");

        AemException e = DeployFixture.fails(f.deployer().deploy(request, recording));

        assertThat(e.kind()).isEqualTo(FailureKind.DEPLOY_RESTORED);
        List<ProgressFact.DeployPlanned> planned = facts(ProgressFact.DeployPlanned.class);
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).task()).isEqualTo(live);
        PlanChange change = planned.get(0).plan().changes().stream()
                .filter(c -> c.kind() == PlanChange.Kind.CHANGE_SETTING).findFirst().orElseThrow();
        assertThat(change.difference().path()).isEqualTo("task_settings.target_settings.ftm_settings.parallel_load_threads");
        assertThat(change.before()).isEqualTo("4");
        assertThat(change.after()).isEqualTo("8");
        assertThat(change.difference().beforeText()).isEqualTo("4");
        assertThat(facts(ProgressFact.DeployAction.class)).extracting(ProgressFact.DeployAction::action)
                .startsWith("stopped task 'Live' on server 'Prod'", "imported the definition into task 'Live' on server 'Prod'")
                .contains("restored task 'Live' on server 'Prod'");
        assertThat(facts(ProgressFact.DeployAction.class)).allMatch(a -> a.task().equals(live));
        assertThat(facts.get(facts.size() - 1)).as("the end, its restore included, comes last and once, before the result")
                .isInstanceOfSatisfying(ProgressFact.DeployEnded.class, end -> {
                    assertThat(end.task()).isEqualTo(live);
                    assertThat(end.elapsed()).isPositive();
                });
        assertThat(facts(ProgressFact.DeployEnded.class)).hasSize(1);
        assertThat(facts(ProgressFact.StateSeen.class)).as("the deploy's own run and stop tell their steps, not states")
                .isEmpty();
    }

    @Test
    void aNewTaskAndItsNewEndpointsCarryTheirWholeDefinitionWithSecretsAsPlaceholders() {
        DeployRequest request = DeployRequest.of(new TaskRef("Prod", "Fresh"), f.export("Dev", "Orders", true))
                .withSecrets(DeployFixture.prodSecrets()).withDryRun(true);
        SimFixture.join(f.deployer().deploy(request, recording));
        List<PlanChange> changes = facts(ProgressFact.DeployPlanned.class).get(0).plan().changes();
        PlanChange created = changes.get(0);
        assertThat(created.kind()).isEqualTo(PlanChange.Kind.CREATE_TASK);
        assertThat(created.difference().before()).isNull();
        assertThat(created.difference().afterText()).contains("\"source_tables\"");
        assertThat(changes).filteredOn(c -> c.difference() != null)
                .allSatisfy(c -> assertThat(c.difference().afterText() == null ? "" : c.difference().afterText())
                        .doesNotContain(DeployFixture.SOURCE_SECRET).doesNotContain(DeployFixture.TARGET_SECRET)
                        .doesNotContain("{Z"));
    }

    @Test
    void aRunTellsEachStateItSawAndAHealthWaitEachRead() {
        TaskOutcome run = SimFixture.join(f.fx.client().run(new RunRequest(new TaskRef("Prod", "Orders"), null, null,
                false, Duration.ofSeconds(30)), recording));
        assertThat(run.rawState()).isEqualTo("RUNNING");
        assertThat(facts(ProgressFact.StateSeen.class)).extracting(ProgressFact.StateSeen::rawState).endsWith("RUNNING");

        facts.clear();
        HealthConditions latency = new HealthConditions(null, false, Duration.ofSeconds(5), Duration.ofMillis(300), false);
        HealthOutcome healthy = SimFixture.join(f.fx.client().awaitHealth(HealthWaitRequest.of(new TaskRef("Health",
                "Catching"), latency, Duration.ofSeconds(30)), recording));
        List<ProgressFact.HealthRead> reads = facts(ProgressFact.HealthRead.class);
        assertThat(reads).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reads.get(0).status().totalLatency()).isGreaterThan(Duration.ofSeconds(5));
        assertThat(reads.get(0).held()).isZero();
        assertThat(reads.get(reads.size() - 1).status()).isEqualTo(healthy.status());
        assertThat(reads.get(reads.size() - 1).held()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(events).filteredOn(e -> e.kind() == ProgressEvent.Kind.STATE_CHANGE).hasSizeLessThan(reads.size() + 2);
    }
}
