package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One run, stop or resumed wait: its deadline, the command, and the polls until the task is where it was asked to be.
 * Every step is a callback on the shared scheduler or the HTTP client's threads; nothing blocks. Cancelling
 * {@link #result} cancels whatever is in flight or scheduled, and nothing further is sent.
 */
final class Operation {

    /**
     * How much longer than AEM's own wait a run or stop may take to answer: AEM answers when its wait ends, and a
     * slow network or a busy AEM must not turn that answer into a transport failure (the watchdog still ends the
     * operation {@link EndGuard#OVERRUN} after its deadline).
     */
    private static final Duration COMMAND_ANSWER_MARGIN = Duration.ofSeconds(15);

    final CompletableFuture<TaskOutcome> result;

    private final OperationRecord record;
    private final Connection connection;
    private final ScheduledExecutorService scheduler;
    private final PollSchedule schedule;
    private final ProgressListener listener;
    private final TaskRef task;
    private final WaitGoal goal;
    private final Deadline deadline;
    private final TaskWaiter waiter;
    private volatile Future<?> current;
    private volatile long commandNanos;
    private volatile boolean lagWarned;
    private final Set<String> notices = ConcurrentHashMap.newKeySet();

    Operation(Connection connection, ScheduledExecutorService scheduler, PollSchedule schedule, Duration grace,
              ProgressListener listener, TaskRef task, WaitGoal goal, Deadline deadline) {
        this.record = new OperationRecord(listener, task, goal, deadline);
        this.result = record.result;
        this.connection = connection;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.task = task;
        this.goal = goal;
        this.deadline = deadline;
        this.waiter = new TaskWaiter(goal, grace);
        EndGuard.arrange(result, () -> current, scheduler, deadline, record::timeOut);
        if (connection.settings().insecureWarning() != null) {
            event(ProgressEvent.Kind.WARNING, connection.settings().insecureWarning());
        }
    }

    /** Looks the server up (for its kind and whether AEM monitors it), then hands its kind on. */
    void withServer(Consumer<ServerKind> next) {
        event(ProgressEvent.Kind.STEP, "Connecting to AEM at " + connection.settings().baseUrl() + " as "
                + connection.settings().credentials().username());
        RefusalMemory refusal = connection.serverListRefusal();
        if (refusal.standing()) {
            withoutServerList(refusal, next);
            return;
        }
        attempt("GetServerList", () -> connection.servers(readTimeout(), listener, deadline), 0, servers -> {
            ServerKind kind;
            try {
                kind = ServerCheck.kindOf(servers, task);
            } catch (AemException notUsable) {
                fail(notUsable);
                return;
            }
            next.accept(kind);
        }, error -> {
            if (refusal.noteIfRefusal(error)) {
                withoutServerList(refusal, next);
            } else if (error.kind() == FailureKind.AEM_ERROR) {
                // Another AEM answer to the list: AEM then decides the option itself (section 0).
                event(ProgressEvent.Kind.WARNING, "Cannot read AEM's server list (" + error.errorCode() + "); going on without it.");
                next.accept(ServerKind.UNKNOWN);
            } else {
                fail(error);
            }
        });
    }

    /** Goes on without the server list AEM refused: RunTask and StopTask check the server themselves. */
    private void withoutServerList(RefusalMemory refusal, Consumer<ServerKind> next) {
        event(ProgressEvent.Kind.WARNING, refusal.notice("Going on without it: the command itself tells whether the "
                + "server exists and is monitored."));
        next.accept(ServerKind.UNKNOWN);
    }

    /** Sends the run or stop, then waits. */
    void command(String name, String query, String cdcPosition, String description) {
        if (deadline.expired()) {
            record.timeOut();
            return;
        }
        long aemWait = Math.max(1, deadline.remaining().minusSeconds(2).toSeconds());
        record.commandSent(description + " timeout=" + aemWait);
        commandNanos = System.nanoTime();
        String sending = "Sending " + description + " timeout=" + aemWait + " for " + task + " (AEM waits up to " + aemWait + " s)";
        // The grace for AEM's status lag and the poll schedule run from when the request leaves the host's queue:
        // a crowd of commands may wait there a while, and the task cannot move before AEM has the command.
        Runnable onSend = () -> {
            commandNanos = System.nanoTime();
            event(ProgressEvent.Kind.COMMAND_SENT, sending);
        };
        track(connection.api().command(task, query + "&timeout=" + aemWait, cdcPosition, Duration.ofSeconds(aemWait).plus(COMMAND_ANSWER_MARGIN),
                name, listener, deadline, onSend)).whenComplete((answer, e) -> {
            if (result.isDone()) {
                return;
            }
            if (e != null) {
                AemException error = connection.api().reader().transport(e, name);
                AemErrorCode code = AemErrorCode.fromWire(error.errorCode());
                if (code != null && code.isTimeout()) {
                    record.lastError(error);
                    event(ProgressEvent.Kind.WARNING, "AEM's own wait ran out (" + code + "); polling the task's state.");
                    poll();
                } else if (error.errorCode() == null && error.kind() == FailureKind.UNREACHABLE) {
                    fail(AemException.of(deadline.expired() ? FailureKind.TIMED_OUT : FailureKind.UNREACHABLE,
                            error.getMessage() + " AEM may or may not have carried out " + name + ": the task's state is "
                                    + "unknown. Check the task in AEM before trying again.").cause(error.getCause()).build());
                } else {
                    fail(error);
                }
                return;
            }
            record.observe(answer.state(), answer.rawState());
            TaskWaiter.Decision d = waiter.judgeAnswer(answer.state(), answer.errorMessage());
            switch (d.verdict()) {
                case DONE -> record.succeed(answer.state(), answer.rawState(), goal.stopReasonOfAnswer(), answer.errorMessage());
                case FAILED -> failTask(answer.rawState(), StopReason.NONE, answer.errorMessage(), false);
                default -> poll();
            }
        });
    }

    /** Waits by polling alone, for a command sent before (a resumed wait). */
    void resume(long sentNanos, String description) {
        commandNanos = sentNanos;
        record.commandSent(description);
        event(ProgressEvent.Kind.STEP, "Waiting again for " + task + " to be " + goal);
        poll();
    }

    /** Schedules the next status read; AEM's own wait counts as time already watched, as the schedule is laid from the command. */
    private void poll() {
        if (deadline.expired()) {
            record.timeOut();
            return;
        }
        // By time since the command, not by count: shared reads may come early, and counting them would stretch the
        // next interval past what the schedule promises.
        long interval = schedule.intervalAt(Duration.ofNanos(System.nanoTime() - commandNanos)).toMillis();
        double spread = schedule.jitter() * interval;
        long delay = Math.min(deadline.remaining().toMillis(),
                Math.max(1, Math.round(interval + ThreadLocalRandom.current().nextDouble(-spread, spread + 1e-9))));
        if (goal == WaitGoal.LOAD_COMPLETED) {
            // Only GetTaskDetails carries the load counters that completion is judged by.
            current = scheduler.schedule(() -> judge(details()), delay, TimeUnit.MILLISECONDS);
        } else {
            judge(connection.poller(task.server()).read(task, Duration.ofMillis(delay), this::shared));
        }
    }

    private CompletableFuture<TaskListPoller.StatusRead> details() {
        CompletableFuture<TaskStatus> read = connection.api().taskStatus(task, readTimeout(), listener, deadline);
        return InFlight.derived(read, read.thenApply(s -> new TaskListPoller.StatusRead(s, true)));
    }

    /** What a shared read tells every wait it served; a warning (a refused list) is said once per operation. */
    private void shared(ProgressEvent e) {
        if (e.kind() != ProgressEvent.Kind.WARNING || notices.add(e.message())) {
            event(e.kind(), e.message());
        }
    }

    private void judge(CompletableFuture<TaskListPoller.StatusRead> read) {
        if (result.isDone()) {
            read.cancel(true);
            return;
        }
        track(read).whenComplete((r, e) -> {
            if (result.isDone()) {
                return;
            }
            if (e != null) {
                AemException error = connection.api().reader().transport(e, "the task's status");
                if (!error.retryable()) {
                    fail(error);
                    return;
                }
                record.lastError(error);
                event(ProgressEvent.Kind.RETRY, "Reading the task's state failed (" + error.getMessage() + "); trying again.");
                poll();
                return;
            }
            TaskStatus s = r.status();
            record.observe(s.state(), s.rawState());
            TaskWaiter.Decision d = waiter.judge(s, Duration.ofNanos(System.nanoTime() - commandNanos));
            switch (d.verdict()) {
                case DONE -> record.succeed(s.state(), s.rawState(), s.stopReason(), s.message());
                case FAILED -> {
                    if (s.failed()) {
                        failTask(s.rawState(), s.stopReason(), s.message(), r.fromDetails());
                    } else {
                        fail(AemException.of(FailureKind.TASK_FAILED, d.note()).aemMessage(s.message()).build());
                    }
                }
                default -> {
                    if (d.note() != null && !lagWarned) {
                        lagWarned = true;
                        event(ProgressEvent.Kind.WARNING, d.note());
                    }
                    poll();
                }
            }
        });
    }

    /**
     * Fails because the task failed, with AEM's own message for it (aem-api.md section 0, "failure reason"): the one
     * at hand, or, when the answer or list entry had none, {@code message} from the task's details, read first.
     */
    private void failTask(String rawState, StopReason reason, String message, boolean fromDetails) {
        if (!message.isBlank() || fromDetails) {
            fail(AemException.of(FailureKind.TASK_FAILED, TaskWaiter.failure(rawState, reason, message)).aemMessage(message).build());
            return;
        }
        track(connection.api().taskStatus(task, readTimeout(), listener, deadline)).whenComplete((s, e) -> {
            if (result.isDone()) {
                return;
            }
            // AEM's details may lag behind the failure it already reported: only a failed task's reason and message
            // are this failure's.
            boolean same = e == null && s.failed();
            StopReason why = same ? s.stopReason() : reason;
            String text = same ? s.message() : "";
            fail(AemException.of(FailureKind.TASK_FAILED, TaskWaiter.failure(rawState, why, text)).aemMessage(text).build());
        });
    }

    private <T> void attempt(String call, Supplier<CompletableFuture<T>> request, int tries, Consumer<T> next,
                             Consumer<AemException> onError) {
        track(request.get()).whenComplete((value, e) -> {
            if (result.isDone()) {
                return;
            }
            if (e == null) {
                next.accept(value);
                return;
            }
            AemException error = connection.api().reader().transport(e, call);
            if (error.retryable() && !deadline.expired()) {
                record.lastError(error);
                Duration delay = schedule.interval(tries + 1);
                event(ProgressEvent.Kind.RETRY, call + " failed (" + error.getMessage() + "); trying again in "
                        + delay.toMillis() + " ms.");
                current = scheduler.schedule(() -> attempt(call, request, tries + 1, next, onError),
                        Math.min(delay.toMillis(), deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
            } else {
                onError.accept(error);
            }
        });
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> f) {
        current = f;
        if (result.isDone()) {
            f.cancel(true);
        }
        return f;
    }

    private Duration readTimeout() {
        Duration r = deadline.remaining().plusSeconds(1);
        return r.compareTo(Timeouts.STATUS_READ) > 0 ? Timeouts.STATUS_READ : r;
    }

    void fail(AemException error) {
        record.fail(error);
    }

    /** Reports a step of this operation, timed from its start. */
    void step(String message) {
        event(ProgressEvent.Kind.STEP, message);
    }

    private void event(ProgressEvent.Kind kind, String message) {
        record.event(kind, message);
    }
}
