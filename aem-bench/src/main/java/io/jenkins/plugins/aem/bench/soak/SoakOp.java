package io.jenkins.plugins.aem.bench.soak;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.client.TaskRef;

import java.time.Duration;
import java.time.Instant;

/**
 * One soak operation as the client reported it.
 *
 * @param id       sequence number
 * @param task     the task
 * @param action   {@code run} or {@code stop}
 * @param timeout  the operation's timeout
 * @param started  when it was handed to the client
 * @param ended    when the client's future completed
 * @param outcome  the outcome on success, else {@code null}
 * @param failure  the failure, else {@code null}; an {@link AemException} unless the client broke its contract
 * @param injected what the soak injected for this operation on purpose (for the report), or empty
 */
record SoakOp(int id, TaskRef task, String action, Duration timeout, Instant started, Instant ended,
              TaskOutcome outcome, Throwable failure, String injected) {

    Instant deadline() {
        return started.plus(timeout);
    }

    String goal() {
        return "run".equals(action) ? "RUNNING" : "STOPPED";
    }

    /** The client's failure as an {@link AemException}, or {@code null} on success or a foreign exception. */
    AemException aemFailure() {
        return failure instanceof AemException e ? e : null;
    }

    /** How the operation ended, for the report: {@code success}, a failure kind, or the exception's class. */
    String resultClass() {
        if (failure == null) {
            return "success";
        }
        AemException e = aemFailure();
        return e == null ? failure.getClass().getSimpleName() : e.kind().name();
    }
}
