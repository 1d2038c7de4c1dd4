package io.jenkins.plugins.aem.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's only HTTP handler. It reads the request, applies the drawn faults, and hands the request to the
 * {@link Dispatcher}. It never blocks: delays and server-side waits complete the exchange later, after
 * {@link #handle} has returned, from the shared scheduler and the handler pool.
 */
final class ApiHandler implements HttpHandler {
    private final Dispatcher dispatcher;
    private final Faults faults;
    private final Sessions sessions;
    private final Journal journal;
    private final Responder responder;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Clock clock;
    private final SecretReporter secrets;
    private final RequestsInFlight inFlight;

    ApiHandler(Dispatcher dispatcher, Faults faults, Sessions sessions, Journal journal, Responder responder,
               ScheduledExecutorService scheduler, ExecutorService workers, Clock clock, SecretReporter secrets,
               RequestsInFlight inFlight) {
        this.inFlight = inFlight;
        this.dispatcher = dispatcher;
        this.faults = faults;
        this.sessions = sessions;
        this.journal = journal;
        this.responder = responder;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public void handle(HttpExchange ex) {
        responder.opened(ex);
        Call call;
        try {
            call = Call.read(ex, clock.instant());
        } catch (Exception e) {
            responder.reset(ex); // the client broke off the request; nothing to answer
            return;
        }
        call.reportSecrets(secrets);
        inFlight.enter(call.kind);
        FaultDecision fault = faults.decide(call.kind, call.sessionId() != null);
        if (fault.latency().isZero()) {
            proceed(ex, call, fault);
            return;
        }
        try {
            scheduler.schedule(() -> onWorker(() -> proceed(ex, call, fault), ex),
                    fault.latency().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            responder.reset(ex);
        }
    }

    private void proceed(HttpExchange ex, Call call, FaultDecision fault) {
        switch (fault.outcome()) {
            case RESET -> {
                noteSession(call);
                record(call, 0);
                responder.reset(ex);
            }
            case HANG -> {
                noteSession(call);
                journal(call, 0); // left open on purpose, and in flight; close() releases it
            }
            case HTML_502 -> answer(ex, call, ApiResponse.html(502, "Bad Gateway", "simulated-proxy"));
            case HTML_503 -> answer(ex, call, ApiResponse.html(503, "Service Unavailable", ApiResponse.SERVER));
            case EXPIRE_SESSION -> {
                noteSession(call); // the journal names the session that was expired
                sessions.expire(call.sessionId());
                dispatch(ex, call);
            }
            case NORMAL, RESET_AFTER_APPLY, HANG_AFTER_APPLY -> dispatch(ex, call, fault.outcome());
        }
    }

    private void dispatch(HttpExchange ex, Call call) {
        dispatch(ex, call, FaultDecision.Outcome.NORMAL);
    }

    private void dispatch(HttpExchange ex, Call call, FaultDecision.Outcome after) {
        CompletableFuture<ApiResponse> answer;
        try {
            answer = dispatcher.dispatch(call);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        if (answer.isDone()) { // the common case: answer on this thread, no hand-off
            answer.whenComplete((r, t) -> finish(ex, call, r, after));
        } else {
            answer.whenComplete((r, t) -> onWorker(() -> finish(ex, call, r, after), ex));
        }
    }

    private void finish(HttpExchange ex, Call call, ApiResponse r, FaultDecision.Outcome after) {
        switch (after) {
            case RESET_AFTER_APPLY -> {
                noteSession(call);
                record(call, 0);
                responder.reset(ex);
            }
            case HANG_AFTER_APPLY -> {
                noteSession(call);
                journal(call, 0); // left open on purpose, and in flight; close() releases it
            }
            default -> answer(ex, call, r != null ? r : ApiResponse.html(500, "Internal Server Error", ApiResponse.SERVER));
        }
    }

    private void answer(HttpExchange ex, Call call, ApiResponse r) {
        if (call.sessionAlias == null) {
            noteSession(call);
        }
        record(call, r.status());
        responder.send(ex, r);
    }

    private void onWorker(Runnable step, HttpExchange ex) {
        try {
            workers.execute(step);
        } catch (RejectedExecutionException e) {
            responder.reset(ex); // closing
        }
    }

    /** Names the session of a request that was not dispatched, without extending it. */
    private void noteSession(Call call) {
        Session s = sessions.peek(call.sessionId());
        if (s != null) {
            call.sessionAlias = s.alias();
            call.user = s.user();
        }
    }

    /** Journals a request that ended (answered or reset). */
    private void record(Call call, int status) {
        inFlight.leave(call.kind);
        journal(call, status);
    }

    private void journal(Call call, int status) {
        journal.add(new JournalEntry(call.at, call.method, call.rawPath, call.decodedPath(), Map.copyOf(call.query),
                call.redactedHeaders(), call.journalBody(), status, call.sessionAlias, call.user, call.kind));
    }
}
