package io.jenkins.plugins.aem.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running simulated task: its state machine, ground-truth history and received commands. Thread-safe; every
 * transition happens under this object's lock, and timed transitions run on the simulator's shared scheduler.
 * A generation counter makes transitions scheduled before a later command harmless.
 */
public final class SimTask {
    /** The true state behind the wire: steady state plus an ongoing start or stop. */
    record Phase(String state, String stopReason, Transition transition) {
        boolean settled() {
            return transition == Transition.NONE;
        }
    }

    enum Transition { NONE, STARTING, STOPPING }

    /** What a run takes from the task's definition; a Replicate task is linked to its server's repository. */
    interface RunLink {
        RunLink NONE = () -> null;

        /** Called when a run is accepted, under the task's lock: why the run must end in ERROR, or null. */
        String launch();
    }

    private final String server;
    private final boolean compose;
    private final SimTaskSpec spec;
    private final ScheduledExecutorService scheduler;
    private final Random random;
    private final Clock clock;
    private final TaskWaiters waiters;
    private final List<StateChange> history = new ArrayList<>();
    private final List<CommandRecord> commands = new ArrayList<>();
    private String state;
    private String stopReason;
    private String message;
    private Transition transition = Transition.NONE;
    private boolean fullLoadCompleted;
    private Instant fullLoadStart;
    private Instant fullLoadEnd;
    private Duration fullLoadLength = Duration.ZERO;
    private Instant runningSince;
    private long generation;
    private TaskView lagged;
    private long lagUntilNanos;
    private volatile RunLink runLink = RunLink.NONE;

    SimTask(String server, boolean compose, SimTaskSpec spec, ScheduledExecutorService scheduler, Random random,
            Clock clock) {
        this.server = server;
        this.compose = compose;
        this.spec = spec;
        this.scheduler = scheduler;
        this.random = random;
        this.clock = clock;
        this.waiters = new TaskWaiters(scheduler);
        this.state = spec.initialState();
        this.stopReason = spec.initialStopReason();
        this.message = spec.initialMessage();
        this.fullLoadCompleted = spec.initialFullLoadCompleted();
        this.runningSince = "RUNNING".equals(state) || "RECOVERY".equals(state) ? clock.instant() : null;
        history.add(new StateChange(clock.instant(), state, stopReason));
    }

    /** The server this task belongs to. */
    public String server() { return server; }
    /** Whether this is a Compose task. */
    public boolean isCompose() { return compose; }
    /** The name used in URLs: {@code name} or {@code name__project}. */
    public String wireName() { return spec.wireName(); }
    /** The live spec; changes apply to the next command or transition. */
    public SimTaskSpec spec() { return spec; }
    /** The current true state as the wire would show it without lag. */
    public synchronized String state() { return visibleState(); }
    /** The current task stop reason. */
    public synchronized String stopReason() { return stopReason; }
    /** The current message. */
    public synchronized String message() { return message; }
    /** Every state change since start, oldest first. */
    public synchronized List<StateChange> history() { return List.copyOf(history); }
    /** Every run/stop command that reached the task, oldest first. */
    public synchronized List<CommandRecord> commands() { return List.copyOf(commands); }

    /** Forces a state (cancelling any ongoing start, stop, load or recovery), as if AEM had reported it. */
    public void setState(String newState) {
        setState(newState, "RUNNING".equals(newState) ? "NONE" : "NORMAL", "");
    }

    /** Forces a state, stop reason and message. */
    public synchronized void setState(String newState, String newStopReason, String newMessage) {
        generation++;
        transition = Transition.NONE;
        lagUntilNanos = 0;
        enter(newState, newStopReason, newMessage);
    }

    /** Waits (blocking the caller, for tests) until the wire state without lag equals {@code wanted}. */
    public boolean awaitState(String wanted, Duration limit) {
        CompletableFuture<TaskView> f;
        synchronized (this) {
            f = waiters.add(p -> wanted.equals(visible(p)), limit, phase(), liveView());
        }
        try {
            return f.get(limit.toMillis() + 1000, TimeUnit.MILLISECONDS) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** What reads show now: the pre-command view during a configured lag, else the live view. */
    public synchronized TaskView view() {
        return lagged != null && System.nanoTime() - lagUntilNanos < 0 ? lagged : liveView();
    }

    /** What reads would show without lag. */
    public synchronized TaskView liveView() {
        return TaskCounters.view(phase(), visibleState(), message, fullLoadCompleted, fullLoadStart, fullLoadEnd,
                fullLoadLength, spec, clock.instant(), runningSince);
    }

    synchronized Phase phase() {
        return new Phase(state, stopReason, transition);
    }

    void runLink(RunLink link) {
        runLink = link;
    }

    synchronized void record(CommandRecord command) {
        commands.add(command);
    }

    /** Starts a run that was validated and accepted; returns the wait for its steady state. */
    synchronized CompletableFuture<TaskView> run(String option, Duration wait) {
        beginLag();
        long gen = ++generation;
        transition = Transition.STARTING;
        recordVisible();
        boolean reload = "RELOAD_TARGET".equals(option) || spec.fullLoadOnly() || !fullLoadCompleted;
        String failure = runLink.launch();
        later(spec.startDuration().sample(random), gen, () -> started(gen, reload, failure));
        return waiters.add(p -> p.settled() && ("RUNNING".equals(p.state()) || "ERROR".equals(p.state())
                || "STOPPED".equals(p.state()) && "FULL_LOAD_ONLY_FINISHED".equals(p.stopReason())),
                wait, phase(), liveView());
    }

    /** Starts a stop that was validated and accepted; returns the wait for STOPPED. */
    synchronized CompletableFuture<TaskView> stop(Duration wait) {
        beginLag();
        long gen = ++generation;
        transition = Transition.STOPPING;
        recordVisible();
        later(spec.stopDuration().sample(random), gen, () -> {
            transition = Transition.NONE;
            enter("STOPPED", "NORMAL", "");
        });
        return waiters.add(p -> p.settled() && ("STOPPED".equals(p.state()) || "ERROR".equals(p.state())),
                wait, phase(), liveView());
    }

    private void started(long gen, boolean reload, String failure) {
        transition = Transition.NONE;
        if (spec.failOnRun() || failure != null) {
            generation++;
            enter("ERROR", "FATAL_ERROR", failure != null ? failure : spec.failMessage());
            return;
        }
        if (reload) {
            fullLoadCompleted = false;
            fullLoadStart = clock.instant();
            fullLoadEnd = null;
            fullLoadLength = spec.fullLoadDuration().sample(random);
            later(fullLoadLength, gen, this::fullLoadFinished);
        }
        enter("RUNNING", "NONE", "");
        if (spec.recovery()) {
            later(spec.recoveryAfter().sample(random), gen, () -> recover(gen));
        }
    }

    private void fullLoadFinished() {
        fullLoadCompleted = true;
        fullLoadEnd = clock.instant();
        if (spec.fullLoadOnly() && "RUNNING".equals(state)) {
            generation++;
            enter("STOPPED", "FULL_LOAD_ONLY_FINISHED", "");
        } else {
            notifyWaiters(); // counters changed; nothing visible in the state
        }
    }

    private void recover(long gen) {
        if (!"RUNNING".equals(state)) {
            return;
        }
        enter("RECOVERY", "RECOVERABLE_ERROR", spec.recoveryMessage());
        later(spec.recoveryDuration().sample(random), gen, () -> {
            if (spec.recoveryEndsInError()) {
                generation++;
                enter("ERROR", "FATAL_ERROR", spec.recoveryMessage());
            } else {
                enter("RUNNING", "NONE", "");
            }
        });
    }

    /** Runs {@code step} after {@code delay} under the lock, unless a later command replaced this generation. */
    private void later(Duration delay, long gen, Runnable step) {
        try {
            scheduler.schedule(() -> {
                synchronized (this) {
                    if (generation == gen) {
                        step.run();
                    }
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the simulator is closing: the task keeps its state
        }
    }

    private void beginLag() {
        Duration lag = spec.lag();
        if (!lag.isZero() && !lag.isNegative()) {
            lagged = liveView();
            lagUntilNanos = System.nanoTime() + lag.toNanos();
        }
    }

    private void enter(String newState, String newStopReason, String newMessage) {
        if ("RUNNING".equals(newState) && !"RUNNING".equals(state) && !"RECOVERY".equals(state)) {
            runningSince = clock.instant(); // the health curves start here; a recovery does not restart them
        }
        state = newState;
        stopReason = newStopReason;
        message = newMessage;
        recordVisible();
    }

    private void recordVisible() {
        String shown = visibleState();
        StateChange last = history.get(history.size() - 1);
        if (!last.state().equals(shown) || !last.stopReason().equals(stopReason)) {
            history.add(new StateChange(clock.instant(), shown, stopReason));
        }
        notifyWaiters();
    }

    private void notifyWaiters() {
        waiters.changed(phase(), liveView());
    }

    private String visibleState() {
        return visible(phase());
    }

    private String visible(Phase p) {
        String transitional = switch (p.transition()) {
            case STARTING -> spec.startingState();
            case STOPPING -> spec.stoppingState();
            case NONE -> null;
        };
        return transitional != null ? transitional : p.state();
    }
}
