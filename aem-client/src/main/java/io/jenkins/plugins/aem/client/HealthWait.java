package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One health wait: reads the task's details when {@link HealthPlanner} says, judges each read with
 * {@link HealthJudge}, and ends met, failed, timed out or cancelled. It sends nothing but GetTaskDetails (Viewer on the
 * task suffices), through the server's {@link TaskListPoller} so that waits on the same task share their reads. Every
 * step is a callback on the shared scheduler or the HTTP client's threads; nothing blocks. Cancelling {@link #result}
 * cancels the read pending or in flight, and nothing further is sent.
 */
final class HealthWait {

    /** How far past the deadline a hung read may run before the wait ends regardless. */
    private static final Duration OVERRUN = Duration.ofSeconds(4);

    final CompletableFuture<HealthOutcome> result = new CompletableFuture<>();

    private final Connection connection;
    private final ProgressListener listener;
    private final HealthWaitRequest request;
    private final TaskRef task;
    private final Deadline deadline;
    private final HealthJudge judge;
    private final HealthPlanner planner;
    private final HealthChanges changes = new HealthChanges();
    private final Set<String> notices = ConcurrentHashMap.newKeySet();
    private volatile Future<?> current;
    private volatile TaskStatus last;
    private volatile String lastUnmet = "";
    private volatile AemException lastError;
    private volatile int failedReads;

    HealthWait(Connection connection, ScheduledExecutorService scheduler, HealthSchedule schedule,
               ProgressListener listener, HealthWaitRequest request) {
        this.connection = connection;
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.request = request;
        this.task = request.task();
        this.deadline = Deadline.at(request.deadline(), request.startedAt());
        this.judge = new HealthJudge(request.conditions());
        this.planner = new HealthPlanner(schedule, request.conditions());
        result.whenComplete((r, e) -> {
            Future<?> f = current;
            if (f != null && !f.isDone()) {
                f.cancel(true);
            }
        });
        Future<?> watchdog = scheduler.schedule(this::timeOut, deadline.remaining().plus(OVERRUN).toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> watchdog.cancel(false));
    }

    /** Reads at once, then as planned. */
    void start() {
        if (connection.settings().tls().mode() == TlsTrust.Mode.INSECURE) {
            event(ProgressEvent.Kind.WARNING, "TLS verification is OFF for " + connection.settings().baseUrl()
                    + ": any certificate is accepted. Use a CA bundle instead outside of tests.");
        }
        event(ProgressEvent.Kind.STEP, HealthWording.start(task, request.conditions(), request.deadline()));
        read(Duration.ZERO);
    }

    private void read(Duration delay) {
        if (result.isDone()) {
            return;
        }
        if (deadline.expired()) {
            timeOut();
            return;
        }
        Duration d = delay.compareTo(deadline.remaining()) < 0 ? delay : deadline.remaining();
        CompletableFuture<TaskListPoller.StatusRead> read = connection.poller(task.server()).readDetails(task, d, this::shared);
        current = read;
        if (result.isDone()) {
            read.cancel(true);
            return;
        }
        read.whenComplete((r, e) -> {
            if (result.isDone()) {
                return;
            }
            if (e != null) {
                failedRead(connection.api().reader().transport(e, "GetTaskDetails"));
            } else {
                judge(r.status());
            }
        });
    }

    private void failedRead(AemException error) {
        if (!error.retryable()) {
            fail(error);
            return;
        }
        lastError = error;
        event(ProgressEvent.Kind.RETRY, HealthWording.retry(error));
        read(planner.afterFailedRead(++failedReads));
    }

    private void judge(TaskStatus s) {
        long now = System.nanoTime();
        failedReads = 0;
        last = s;
        HealthJudge.Judgement j = judge.judge(s, now);
        lastUnmet = HealthWording.unmet(j.unmet(), request.conditions(), s, j.held());
        switch (j.verdict()) {
            case MET -> {
                event(ProgressEvent.Kind.STEP, HealthWording.met(task, s, deadline.elapsed()));
                result.complete(new HealthOutcome(s, request.conditions(), deadline.elapsed()));
            }
            case FAILED -> fail(AemException.of(FailureKind.TASK_FAILED, j.failure()).aemMessage(s.message())
                    .lastStatus(s).build());
            default -> {
                tell(s, j);
                if (deadline.expired()) {
                    timeOut();
                } else {
                    read(planner.next(s, j, now));
                }
            }
        }
    }

    /** At most one line per read, and only when something the user cares about changed; each notice once. */
    private void tell(TaskStatus s, HealthJudge.Judgement j) {
        if (changes.changed(s, j.unmet())) {
            event(ProgressEvent.Kind.STATE_CHANGE, HealthWording.progress(task, s, lastUnmet));
        }
        HealthConditions c = request.conditions();
        if (judge.waitingForStart(s)) {
            notice(HealthWording.waitingForStart(task));
        }
        if (c.maxLatency() != null && s.state() == TaskState.RUNNING && s.totalLatency() == null) {
            notice(s.cdcLatency() == null || s.cdcLatency().totalText() == null ? HealthWording.noLatency()
                    : HealthWording.unreadableLatency(s.cdcLatency().totalText()));
        }
        if ((c.fullLoadCompleted() || c.noTableErrors()) && s.tablesWithError() < 0) {
            notice(HealthWording.noCounters(c));
        }
        if ((c.fullLoadCompleted() || c.noTableErrors()) && s.tablesWithError() > 0) {
            notice(HealthWording.tableInError(s));
        }
    }

    private void notice(String text) {
        if (notices.add(text)) {
            event(ProgressEvent.Kind.WARNING, text);
        }
    }

    /** What a shared read tells every wait it served (a fresh login); said once per wait. */
    private void shared(ProgressEvent e) {
        if (e.kind() != ProgressEvent.Kind.WARNING || notices.add(e.message())) {
            event(e.kind(), e.message());
        }
    }

    private void timeOut() {
        if (result.isDone()) {
            return;
        }
        TaskStatus seen = last;
        AemException error = lastError;
        if (seen == null && error != null) {
            fail(error); // AEM was never read: that, not the deadline, is what the user must fix (as for run and stop)
            return;
        }
        fail(AemException.of(FailureKind.TIMED_OUT, HealthWording.timedOut(task, request.conditions(), deadline.elapsed(),
                        seen, lastUnmet, error))
                .errorCode(error == null ? null : error.errorCode()).lastStatus(seen).build());
    }

    private void fail(AemException error) {
        TaskStatus seen = last;
        result.completeExceptionally(error.withContext(task, seen == null ? null : seen.state(),
                seen == null ? null : seen.rawState(), deadline.elapsed()).withLastStatus(seen));
    }

    private void event(ProgressEvent.Kind kind, String message) {
        try {
            listener.onProgress(new ProgressEvent(kind, deadline.elapsed(), message));
        } catch (RuntimeException e) {
            // a listener's failure never breaks the wait
        }
    }
}
