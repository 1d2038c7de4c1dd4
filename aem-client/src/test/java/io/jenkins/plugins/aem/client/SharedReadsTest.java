package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reads asked for while the same read is in flight share it; none is kept once it ended. */
class SharedReadsTest {

    private final SharedReads shared = new SharedReads();
    private final AtomicInteger sent = new AtomicInteger();
    private final CompletableFuture<String> wire = new CompletableFuture<>();

    private CompletableFuture<String> read(String key) {
        return shared.join(key, () -> {
            sent.incrementAndGet();
            return wire;
        });
    }

    @Test
    void callersAskingWhileAReadIsInFlightShareItsAnswer() {
        CompletableFuture<String> first = read("GetServerDetails Prod");
        CompletableFuture<String> second = read("GetServerDetails Prod");
        assertThat(sent).hasValue(1);
        wire.complete("6.6");
        assertThat(first).isCompletedWithValue("6.6");
        assertThat(second).isCompletedWithValue("6.6");
    }

    @Test
    void aCallerAfterTheReadEndedReadsAgain() {
        wire.complete("6.6");
        read("GetServerDetails Prod").join();
        read("GetServerDetails Prod").join();
        assertThat(sent).hasValue(2);
    }

    @Test
    void differentReadsAreNotShared() {
        read("GetServerDetails Prod");
        read("GetServerDetails Dev");
        read("GetEndpointList Prod");
        assertThat(sent).hasValue(3);
    }

    @Test
    void aCallerCancellingItsCopyLeavesTheReadToTheOthers() {
        CompletableFuture<String> first = read("GetEndpointList Prod");
        CompletableFuture<String> second = read("GetEndpointList Prod");
        first.cancel(true);
        assertThat(wire).isNotCancelled();
        wire.complete("Source-DB");
        assertThat(second).isCompletedWithValue("Source-DB");
    }

    @Test
    void aFailureReachesEveryCallerAndTheNextCallerReadsAgain() {
        CompletableFuture<String> first = read("GetServerDetails Prod");
        CompletableFuture<String> second = read("GetServerDetails Prod");
        wire.completeExceptionally(new IllegalStateException("reset"));
        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        read("GetServerDetails Prod");
        assertThat(sent).hasValue(2);
    }
}
