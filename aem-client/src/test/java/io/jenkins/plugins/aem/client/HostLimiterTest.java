package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The limit per host, without a server: requests are futures the test completes by hand. */
class HostLimiterTest {

    private final HostLimiter limiter = new HostLimiter(2);
    private final List<CompletableFuture<String>> sent = new ArrayList<>();

    private CompletableFuture<String> submit() {
        return limiter.submit(() -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            sent.add(f);
            return f;
        });
    }

    @Test
    void queuedRequestsStartAsSlotsFree() {
        CompletableFuture<String> a = submit();
        submit();
        CompletableFuture<String> c = submit();
        assertThat(sent).hasSize(2);
        sent.get(0).complete("a");
        assertThat(a).isCompletedWithValue("a");
        assertThat(sent).hasSize(3);
        sent.get(2).complete("c");
        assertThat(c).isCompletedWithValue("c");
        assertThat(limiter.peak()).isEqualTo(2);
    }

    @Test
    void aCancelledQueuedRequestIsNeverSent() {
        submit();
        submit();
        CompletableFuture<String> queued = submit();
        CompletableFuture<String> next = submit();
        queued.cancel(true);
        sent.get(0).complete("done");
        assertThat(sent).hasSize(3); // the slot went to the request after the cancelled one
        sent.get(2).complete("next");
        assertThat(next).isCompletedWithValue("next");
    }

    @Test
    void cancellingARunningRequestAbortsItAndFreesItsSlot() {
        CompletableFuture<String> running = submit();
        submit();
        CompletableFuture<String> queued = submit();
        running.cancel(true);
        assertThat(sent.get(0)).isCancelled();
        assertThat(sent).hasSize(3);
        assertThat(queued).isNotDone();
    }

    @Test
    void manyCancelledQueuedRequestsAreSkippedWithoutDeepRecursion() {
        submit();
        submit();
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            queued.add(submit());
        }
        CompletableFuture<String> last = submit();
        queued.forEach(q -> q.cancel(true));
        sent.get(0).complete("x");
        assertThat(sent).hasSize(3);
        sent.get(2).complete("last");
        assertThat(last).isCompletedWithValue("last");
    }
}
