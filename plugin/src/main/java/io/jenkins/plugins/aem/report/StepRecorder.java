package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ProgressEvent;
import io.jenkins.plugins.aem.client.ProgressFact;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.impl.ClientPoolHolder;
import io.jenkins.plugins.aem.impl.FailureReporter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/**
 * Feeds one step's record on the build's AEM page while the step runs: the client's warnings and facts as they come
 * (it is the step's progress listener, after the console), and the end, whichever way the step ends. A step gets one
 * from {@link #open}, or after a restart from {@link #reopen}; {@link #NONE} records nothing.
 *
 * <p>A new kind of step records by giving its call a {@link StepRecord} subclass (with its {@code detail.jelly}); the
 * call's {@code begin} opens it and follows the operation, and the call puts what its result says into it. A step
 * over several tasks (a set of deploys) keeps one row per task in its record and routes each fact by its task.
 */
public final class StepRecorder implements ProgressListener {

    /** Records nothing: a step outside a build. */
    public static final StepRecorder NONE = new StepRecorder(null);

    @CheckForNull
    private final StepRecord record;

    private StepRecorder(@CheckForNull StepRecord record) {
        this.record = record;
    }

    /** Adds {@code record} to the build's AEM page, which the build gets with its first AEM step. */
    public static StepRecorder open(Run<?, ?> run, StepRecord record) {
        return new StepRecorder(AemBuildAction.of(run).records().add(record));
    }

    /**
     * The record of a step that Jenkins' restart interrupted, marked running again; {@code fresh} makes one when the
     * build has none of that number (a step started before the plugin kept pages).
     */
    public static StepRecorder reopen(Run<?, ?> run, int id, Supplier<StepRecord> fresh) {
        StepRecord found = AemBuildAction.of(run).records().step(id);
        if (found == null) {
            return open(run, fresh.get());
        }
        found.resumed();
        return new StepRecorder(found);
    }

    /** The step's number in the build, or 0 when it is not recorded. */
    public int id() {
        return record == null ? 0 : record.getId();
    }

    /** The step's page, as a URL from Jenkins' root ({@code job/x/3/aem/step/2/}), or {@code null}. */
    @CheckForNull
    public String pageUrl() {
        if (record == null || record.getId() == 0) {
            return null;
        }
        String root = Jenkins.get().getRootUrl();
        return (root == null ? "" : root) + record.getRun().getUrl() + "aem/step/" + record.getId() + "/";
    }

    /** Names the connection as the step resolved it. */
    public void connection(String label) {
        if (record != null) {
            record.connection(label);
        }
    }

    /** Changes the record, when it is of this kind. */
    public <T extends StepRecord> void update(Class<T> kind, Consumer<T> change) {
        if (kind.isInstance(record)) {
            change.accept(kind.cast(record));
        }
    }

    /** This recorder, then {@code next}: both hear every event and every fact. */
    public ProgressListener and(ProgressListener next) {
        StepRecorder self = this;
        return new ProgressListener() {
            @Override
            public void onProgress(ProgressEvent event) {
                self.onProgress(event);
                next.onProgress(event);
            }

            @Override
            public void onFact(ProgressFact fact) {
                self.onFact(fact);
                next.onFact(fact);
            }
        };
    }

    @Override
    public void onProgress(ProgressEvent event) {
        if (record != null && event.kind() == ProgressEvent.Kind.WARNING) {
            record.warn(event.message());
        }
    }

    @Override
    public void onFact(ProgressFact fact) {
        if (record != null) {
            record.write(() -> record.accept(fact), record.urgent(fact));
        }
    }

    /**
     * Starts the operation and records how it ends: {@code success} words a result; a failure is recorded as the
     * console says it, an abort as such. The operation returned is the one started, so that cancelling it cancels the
     * client's work. A step that Jenkins' shutdown interrupted stays running: it resumes after the restart.
     */
    public <R> CompletableFuture<R> follow(Starter<R> start, Consumer<R> success) throws AbortException {
        CompletableFuture<R> outcome;
        try {
            outcome = start.start();
        } catch (AbortException e) {
            ended(StepRecord.Status.FAILURE, Messages.StepRecord_Refused(), e.getMessage());
            throw e;
        }
        outcome.whenComplete((result, failure) -> {
            if (failure == null) {
                try {
                    success.accept(result);
                } catch (RuntimeException e) {
                    ended(StepRecord.Status.FAILURE, Messages.StepRecord_Failed(), FailureReporter.toAbort(e).getMessage());
                }
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof CancellationException) {
                ended(StepRecord.Status.ABORTED, Messages.StepRecord_Aborted(), null);
                return;
            }
            AemException error = FailureReporter.unwrap(cause);
            if (error.kind() == FailureKind.CANCELLED && ClientPoolHolder.get().isShuttingDown()) {
                if (record != null) {
                    record.owner.save(); // the step resumes after the restart; keep what it recorded so far
                }
                return;
            }
            ended(error.kind() == FailureKind.CANCELLED ? StepRecord.Status.ABORTED : StepRecord.Status.FAILURE,
                    Messages.StepRecord_Failed(), FailureReporter.describe(error));
        });
        return outcome;
    }

    private void ended(StepRecord.Status how, String line, @CheckForNull String why) {
        if (record != null) {
            record.ended(how, line, why);
        }
    }

    /** Starts a step's operation; throws for input that sends nothing to AEM. */
    @FunctionalInterface
    public interface Starter<R> {
        CompletableFuture<R> start() throws AbortException;
    }
}
