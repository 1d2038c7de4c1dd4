package io.jenkins.plugins.aem.simulator;

import static io.jenkins.plugins.aem.simulator.ExportTaskTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults at each step of a deploy: export, import and delete can each fail, lose their answer, lag or hang. */
class DefinitionFaultsTest {
    private static final String R = "R";
    private AemSimulator sim;
    private RawClient des;
    private String body;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().seed(4L).designer("des", "des-pass-1")
                .server(SimServer.replicate(R).task(SimTaskSpec.named("Orders").tables(2))).start();
        des = new RawClient(sim).loggedIn("des", "des-pass-1");
        ObjectNode doc = (ObjectNode) des.exported(R, "Orders");
        ((ObjectNode) doc.path("cmd.replication_definition").path("tasks").get(0).path("source")
                .path("source_tables").path("explicit_included_tables").get(0)).put("estimated_size", 4242);
        body = doc.toString();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private boolean imported() {
        return sim.repository(R).definition("Orders").orElseThrow().contains("4242");
    }

    @Test
    void failNextAnswersACodePerKindAndCarriesNothingOut() throws Exception {
        sim.faults().failNext(RequestKind.IMPORT, 1, "AEM_IMPORT_INVALID_CONTENT")
                .failNext(RequestKind.EXPORT, 1, "AEM_SERVER_NOT_CONNECTED")
                .failNext(RequestKind.DELETE, 1, "AEM_DELETE_TASK_INNER_ERR");
        assertError(des.importTask(R, "Orders", body), 500, "AEM_IMPORT_INVALID_CONTENT");
        assertThat(imported()).isFalse();
        assertThat(sim.repository(R).imports()).isEmpty();
        assertError(des.export(R, "Orders", "&withendpoints=false"), 500, "AEM_SERVER_NOT_CONNECTED");
        assertError(des.delete(R, "Orders", ""), 500, "AEM_DELETE_TASK_INNER_ERR");
        assertThat(sim.repository(R).taskExists("Orders")).isTrue();
        assertThat(des.get("/servers/" + R + "/tasks/Orders").statusCode()).as("reads are another kind").isEqualTo(200);
        assertThat(des.importTask(R, "Orders", body).statusCode()).isEqualTo(200);
        assertThat(imported()).isTrue();
    }

    @Test
    void anImportWhoseAnswerIsLostAfterItWasApplied() throws Exception {
        sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.RESET_AFTER_APPLY);
        assertThatThrownBy(() -> des.importTask(R, "Orders", body)).isInstanceOf(IOException.class);
        assertThat(imported()).isTrue();
        assertThat(sim.repository(R).imports()).singleElement().satisfies(i -> assertThat(i.accepted()).isTrue());
        assertThat(sim.journal().entries()).filteredOn(JournalEntry::isImport).singleElement()
                .satisfies(e -> assertThat(e.status()).isZero());
    }

    @Test
    void anImportWhoseAnswerIsLostBeforeItWasApplied() throws Exception {
        sim.faults().nextTransport(RequestKind.IMPORT, 1, TransportFault.RESET);
        assertThatThrownBy(() -> des.importTask(R, "Orders", body)).isInstanceOf(IOException.class);
        assertThat(imported()).isFalse();
        assertThat(sim.repository(R).imports()).isEmpty();
        assertThat(des.importTask(R, "Orders", body).statusCode()).as("only the next one").isEqualTo(200);
    }

    @Test
    void aDeleteThatHangsAfterItWasCarriedOut() throws Exception {
        sim.faults().nextTransport(RequestKind.DELETE, 1, TransportFault.HANG_AFTER_APPLY);
        CompletableFuture<HttpResponse<String>> hung = CompletableFuture.supplyAsync(() -> {
            try {
                return des.delete(R, "Orders", "");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> hung.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(sim.repository(R).taskExists("Orders")).isFalse();
        sim.close();
        assertThatThrownBy(() -> hung.get(25, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void probabilisticFaultsCanTargetOneDefinitionCall() throws Exception {
        sim.faults().latency(1.0, Duration.ofMillis(2000), Duration.ofMillis(2000)).onlyFor(RequestKind.EXPORT);
        long t0 = System.nanoTime();
        des.get("/servers/" + R + "/tasks/Orders");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("a read is not delayed").isLessThan(1800);
        t0 = System.nanoTime();
        assertThat(des.export(R, "Orders", "&withendpoints=false").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(1990);
        sim.faults().clear().resetAfterApply(1.0).onlyFor(RequestKind.IMPORT);
        assertThatThrownBy(() -> des.importTask(R, "Orders", body)).isInstanceOf(IOException.class);
        assertThat(imported()).isTrue();
        sim.faults().clear().html503(1.0).onlyFor(RequestKind.READ);
        assertThat(des.export(R, "Orders", "&withendpoints=false").statusCode())
                .as("an export is not a READ").isEqualTo(200);
    }

    @Test
    void theEndpointCallsTakeFaultsOfTheirOwnKinds() throws Exception {
        String patch = "[{\"op\":\"replace\",\"path\":\"/db_settings/server\",\"value\":\"patched-host\"}]";
        sim.faults().failNext(RequestKind.TEST_ENDPOINT, 1, "AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT")
                .failNext(RequestKind.PATCH_ENDPOINT, 1, "AEM_PATCH_ENDPOINT_INNER_ERR");
        assertError(des.testEndpoint(R, "Source-DB", ""), 500, "AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT");
        assertError(des.patch(R, "Source-DB", patch), 500, "AEM_PATCH_ENDPOINT_INNER_ERR");
        assertThat(sim.repository(R).endpoint("Source-DB").orElseThrow()).doesNotContain("patched-host");
        assertThat(sim.repository(R).endpoints().patches()).as("refused before the patch logic").isEmpty();

        sim.faults().nextTransport(RequestKind.PATCH_ENDPOINT, 1, TransportFault.RESET_AFTER_APPLY);
        assertThatThrownBy(() -> des.patch(R, "Source-DB", patch)).isInstanceOf(IOException.class);
        assertThat(sim.repository(R).endpoint("Source-DB").orElseThrow()).contains("patched-host");

        sim.faults().nextTransport(RequestKind.TEST_ENDPOINT, 2, TransportFault.RESET); // the JDK client tries a GET twice
        assertThatThrownBy(() -> des.testEndpoint(R, "Source-DB", "")).isInstanceOf(IOException.class);
        sim.faults().latency(1.0, Duration.ofMillis(1500), Duration.ofMillis(1500)).onlyFor(RequestKind.TEST_ENDPOINT);
        long t0 = System.nanoTime();
        assertThat(des.testEndpoint(R, "Source-DB", "").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(1490);
        t0 = System.nanoTime();
        assertThat(des.patch(R, "Source-DB", patch).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("a patch is another kind").isLessThan(1400);
    }
}
