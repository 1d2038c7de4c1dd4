package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Tests endpoints with TestEndpoint before the task runs again, one after the other, each within the deploy's time:
 * AEM is asked to wait at most {@link #AEM_TIMEOUT} for a connection, and never past the steps' deadline. An endpoint
 * that does not answer CONNECTED (or AEM's timeout) fails the deploy with AEM's words. An AEM without TestEndpoint
 * (404), or one that refuses it to this account, is said once and the deploy goes on untested; the connection
 * remembers it for a while ({@link EndpointTestMemory}), so the next deploys do not ask again.
 */
final class EndpointTests {

    /** The longest AEM is asked to wait for one endpoint: TestEndpoint's own default. */
    static final int AEM_TIMEOUT = 60;
    /** What is kept of the deadline for the answer to arrive after AEM's own wait. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private final DeployContext ctx;

    EndpointTests(DeployContext ctx) {
        this.ctx = ctx;
    }

    /** Tests the endpoints in name order; completes with those that were tested and connected. */
    CompletableFuture<List<String>> test(Set<String> endpoints) {
        if (endpoints.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (ctx.request().skipEndpointTest()) {
            ctx.journal().warn("Endpoint test skipped (skipEndpointTest): " + names(endpoints) + " were not tested; a "
                    + "wrong secret or host will show only when a task that uses them runs.");
            return CompletableFuture.completedFuture(List.of());
        }
        return next(new ArrayList<>(new TreeSet<>(endpoints)), 0, new ArrayList<>());
    }

    private CompletableFuture<List<String>> next(List<String> all, int i, List<String> tested) {
        if (i == all.size()) {
            return CompletableFuture.completedFuture(List.copyOf(tested));
        }
        String standing = ctx.calls().endpointTests().standing();
        if (standing != null) {
            ctx.journal().warn(standing + " Not tested: " + names(all.subList(i, all.size())) + ".");
            return CompletableFuture.completedFuture(List.copyOf(tested));
        }
        String endpoint = all.get(i);
        Deadline deadline = ctx.clock().forward();
        long seconds = Math.min(AEM_TIMEOUT, deadline.remaining().minus(MARGIN).toSeconds());
        if (seconds < 1) {
            return CompletableFuture.failedFuture(AemException.of(FailureKind.TIMED_OUT, "No time was left to test "
                    + "endpoint '" + endpoint + "' of server '" + ctx.task().server() + "'.").build());
        }
        ctx.journal().step("Testing endpoint '" + endpoint + "' (TestEndpoint, AEM waits up to " + seconds + " s)");
        List<String> rest = all.subList(i, all.size());
        return ctx.calls().testEndpoint(endpoint, (int) seconds, deadline, ctx.flight()).handle((answer, e) -> {
            if (e == null && answer.absent()) {
                return unavailable(rest, "AEM answered TestEndpoint with 404 Not Found: this AEM release has no TestEndpoint, "
                        + "so endpoints are not tested before the task runs.");
            }
            if (e == null && answer.connected()) {
                ctx.journal().action("tested endpoint '" + endpoint + "': CONNECTED");
                tested.add(endpoint);
                return true;
            }
            if (e == null) {
                throw DeployFailures.endpointNotConnected(ctx.task(), endpoint, answer.state(), ctx.redact(answer.message()),
                        ctx.redact(answer.detail()));
            }
            AemException error = ctx.calls().reader().transport(e, "TestEndpoint");
            if (error.refusedForRole()) {
                return unavailable(rest, "AEM refused TestEndpoint to account '" + ctx.user() + "' (UNAUTHORIZED_REQUEST), so "
                        + "endpoints are not tested before the task runs. Give the account the role AEM asks for it "
                        + "(Designer on All Endpoints) to have them tested.");
            }
            if (AemErrorCode.AEM_METHOD_NOT_SUPPORTED_VERSION.name().equals(error.errorCode())) {
                return unavailable(rest, "AEM does not support TestEndpoint on server '" + ctx.task().server() + "' ("
                        + error.errorCode() + "), so endpoints are not tested before the task runs.");
            }
            if (AemErrorCode.AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT.name().equals(error.errorCode())) {
                throw DeployFailures.endpointTimedOut(ctx.task(), endpoint, error.redacted(ctx::redact));
            }
            throw error;
        }).thenCompose(goOn -> goOn ? next(all, i + 1, tested) : CompletableFuture.completedFuture(List.copyOf(tested)));
    }

    private boolean unavailable(List<String> untested, String why) {
        ctx.calls().endpointTests().note(why);
        ctx.journal().warn(why + " Not tested: " + names(untested) + ".");
        return false;
    }

    private static String names(Collection<String> endpoints) {
        return "endpoint" + (endpoints.size() == 1 ? " '" : "s '") + String.join("', '", new TreeSet<>(endpoints)) + "'";
    }
}
