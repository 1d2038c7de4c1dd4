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
 * task suffices), and, where the waits on a server share its task list, GetTaskList to watch the state between
 * them; both through the server's {@link TaskListPoller}, so that waits share their reads. Every
 * step is a callback on the shared scheduler or the HTTP client's threads; nothing blocks. Cancelling {@link #result}
 * cancels the read pending or in flight, and nothing further is sent.
 */
final class HealthWait {


    final CompletableFuture<HealthOutcome> result = new CompletableFuture<>();

    private final Connection connection;
    private final ProgressListener listener;
    private final ScheduledExecutorService scheduler;
    private final HealthSchedule schedule;
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
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.request = request;
        this.task = request.task();
        this.deadline = Deadline.at(request.deadline(), request.startedAt());
        this.judge = new HealthJudge(request.conditions());
        this.planner = new HealthPlanner(schedule, request.conditions());
        EndGuard.arrange(result, () -> current, scheduler, deadline, this::timeOut);
    }

    /** Reads at once, then as planned. */
    void start() {
        if (connection.settings().insecureWarning() != null) {
            event(ProgressEvent.Kind.WARNING, connection.settings().insecureWarning());
        }
        event(ProgressEvent.Kind.STEP, HealthWording.start(task, request.conditions(), request.deadline()));
        TaskListPoller poller = connection.poller(task.server());
        poller.watching(true);
        result.whenComplete((r, e) -> poller.watching(false));
        read(Duration.ZERO);
    }

    private void read(Duration delay) {
        if (result.isDone()) {
            return;
        }
        // A wait resumed past its deadline still reads once, so that it ends with the task's values.
        if (deadline.expired() && (last != null || failedReads > 0)) {
            timeOut();
            return;
        }
        Duration d = delay.compareTo(deadline.remaining()) < 0 ? delay : deadline.remaining();
        follow(connection.poller(task.server()).readDetails(task, d, this::shared), "GetTaskDetails", r -> judge(r.status()));
    }

    /** Hands {@code read}'s answer to {@code next}, or its failure to {@link #failedRead}, unless the wait ended. */
    private void follow(CompletableFuture<TaskListPoller.StatusRead> read, String call,
                        java.util.function.Consumer<TaskListPoller.StatusRead> next) {
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
                failedRead(connection.api().reader().transport(e, call));
            } else {
                next.accept(r);
            }
        });
    }

    /**
     * Reads the details after {@code delay}, and in the meantime, once per watch, looks the task's state up in the
     * server's task list while the waits on the server share it.
     */
    private void plan(Duration delay) {
        Duration d = delay.compareTo(deadline.remaining()) < 0 ? delay : deadline.remaining();
        watch(System.nanoTime() + d.toNanos());
    }

    /**
     * One beat of the watch until the details are due at {@code dueNanos}: the state from the shared list when the
     * waits share it, else nothing (whether they share it is asked again at the next beat, as waits come and go).
     */
    private void watch(long dueNanos) {
        if (result.isDone()) {
            return;
        }
        Duration left = Duration.ofNanos(Math.max(0, dueNanos - System.nanoTime()));
        if (left.compareTo(schedule.watch()) <= 0) {
            read(left);
            return;
        }
        double spread = schedule.jitter() * schedule.watch().toMillis();
        Duration beat = Duration.ofMillis(Math.round(schedule.watch().toMillis()
                + java.util.concurrent.ThreadLocalRandom.current().nextDouble(-spread, spread + 1e-9)));
        TaskListPoller poller = connection.poller(task.server());
        if (!poller.sharesList()) {
            current = scheduler.schedule(() -> watch(dueNanos), beat.toMillis(), TimeUnit.MILLISECONDS);
            if (result.isDone()) {
                current.cancel(false);
            }
            return;
        }
        follow(poller.watch(task, beat, this::shared), "the task's state", r -> {
            if (r.fromDetails()) {
                judge(r.status()); // the poller read the details after all: a full read
            } else if (judge.stateChanged(r.status(), last)) {
                read(Duration.ZERO); // judged on the details, with every value and AEM's full message
            } else {
                watch(dueNanos);
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
        fact(new ProgressFact.HealthRead(s, j.held()));
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
                    plan(planner.next(s, j, now));
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

    private void fact(ProgressFact fact) {
        try {
            listener.onFact(fact);
        } catch (RuntimeException e) {
            // a listener's failure never breaks the wait
        }
    }

    private void event(ProgressEvent.Kind kind, String message) {
        try {
            listener.onProgress(new ProgressEvent(kind, deadline.elapsed(), message));
        } catch (RuntimeException e) {
            // a listener's failure never breaks the wait
        }
    }
}
