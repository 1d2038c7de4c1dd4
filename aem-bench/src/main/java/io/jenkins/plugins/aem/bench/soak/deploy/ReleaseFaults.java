package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.Kind;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimTask;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Arms a {@link ReleaseFault} on a lane's simulator for one release. An import or check fault is armed once the
 * simulator has taken a number of the release's imports drawn at random, so that it strikes the first deploy, a middle
 * one or the last; a run fault on one of the running tasks the release changes; an outage or a cancel at a random
 * moment. Afterwards it tells whether the fault struck, from the simulator's journal and records: a release that ended
 * before its fault struck does not count as a faulted one.
 */
final class ReleaseFaults implements AutoCloseable {

    private static final String NOT_CONNECTED = "AEM_SERVER_NOT_CONNECTED";
    private static final String RUN_ERROR = "AEM_RUN_TASK_INNER_ERR";

    private final ReleaseLaneSim lane;
    private final Random random;
    private final ScheduledExecutorService timer;

    ReleaseFaults(ReleaseLaneSim lane, long seed) {
        this.lane = lane;
        this.random = new Random(seed);
        this.timer = FaultWatch.timer("bench-release-faults-" + lane.lane);
    }

    /** Arms the release's fault (nothing when it has none) just before the release starts. */
    Armed arm(ReleaseCase c) {
        Armed armed = new Armed(c);
        if (c.fault() != null) {
            armed.start();
        }
        return armed;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One fault armed for one release. */
    final class Armed {
        private final ReleaseCase release;
        private final List<Predicate<List<JournalEntry>>> struckIf = new CopyOnWriteArrayList<>();
        private final FaultWatch watch = new FaultWatch(timer);
        private volatile boolean outage;
        private volatile boolean cancelled;
        private volatile CompletableFuture<?> future;
        /** The task a run fault was armed on, or null. */
        volatile String task;

        private Armed(ReleaseCase release) {
            this.release = release;
        }

        private void start() {
            long changed = release.changes().values().stream().filter(t -> t.kind() != Kind.NONE).count();
            int nth = random.nextInt((int) Math.max(1, changed));
            switch (release.fault()) {
                case TASK_REFUSED -> struckIf.add(journal -> true); // the folder holds it: it always strikes
                case PLAN_EXPORT_REFUSED -> refuse(RequestKind.EXPORT, NOT_CONNECTED);
                case IMPORT_REFUSED -> afterImports(nth, () -> refuse(RequestKind.IMPORT, "AEM_IMPORT_INVALID_CONTENT"));
                case IMPORT_RESET -> afterImports(nth, () -> transport(RequestKind.IMPORT, TransportFault.RESET));
                case IMPORT_ANSWER_LOST -> afterImports(nth, () -> transport(RequestKind.IMPORT, TransportFault.RESET_AFTER_APPLY));
                case CHECK_REFUSED -> afterImports(nth + 1, () -> refuse(RequestKind.EXPORT, NOT_CONNECTED));
                case CHECK_RESET -> afterImports(nth + 1, () -> transport(RequestKind.EXPORT, TransportFault.RESET));
                case RUN_REFUSED -> runRefused(false);
                case RUN_ALWAYS_REFUSED -> runRefused(true);
                case RUN_TASK_ERROR -> {
                    task = runningChanged();
                    spec().failOnRun(true);
                    when(() -> lane.task(task).map(t -> "ERROR".equals(t.state())).orElse(false), () -> {
                        spec().failOnRun(false);
                        struckIf.add(journal -> true);
                    });
                }
                case AEM_GONE_BRIEFLY -> outage(between(300, 3000));
                case AEM_GONE -> outage(null);
                case CANCELLED -> at(between(50, 4000), () -> {
                    CompletableFuture<?> f = future;
                    cancelled = f != null && f.cancel(true);
                });
                default -> throw new IllegalStateException("no arming for " + release.fault());
            }
        }

        /** The release's future, for a cancel. */
        void started(CompletableFuture<?> release) {
            future = release;
        }

        /** Whether AEM is unreachable now: an outage that lasts to the release's end. */
        boolean outageNow() {
            return outage;
        }

        /** Stops arming anything more; returns whether the fault struck the release. */
        boolean finish() {
            watch.stop();
            if (release.fault() == null) {
                return false;
            }
            if (release.fault() == ReleaseFault.CANCELLED) {
                return cancelled;
            }
            List<JournalEntry> journal = lane.sim.journal().entries();
            return struckIf.stream().anyMatch(p -> p.test(journal));
        }

        /** A running task the release changes, drawn at random. */
        private String runningChanged() {
            List<String> running = release.tasks().stream().filter(t -> release.changes().get(t).kind() == Kind.CHANGE
                    && lane.truth(t).isRunning()).toList();
            synchronized (random) {
                return running.get(random.nextInt(running.size()));
            }
        }

        private SimTaskSpec spec() {
            return lane.task(task).map(SimTask::spec).orElseThrow(() -> new IllegalStateException(task + " is not there"));
        }

        /** Struck when a command was answered with AEM's error: only this task's runs are refused. */
        private void runRefused(boolean always) {
            task = runningChanged();
            int from = lane.sim.journal().entries().size();
            if (always) {
                spec().runError(RUN_ERROR);
            } else {
                spec().runErrorOnce(RUN_ERROR);
            }
            struckIf.add(journal -> FaultWatch.refused(journal, from, RequestKind.COMMAND));
        }

        private void refuse(RequestKind kind, String code) {
            int from = lane.sim.journal().entries().size();
            lane.sim.faults().failNext(kind, 1, code);
            struckIf.add(journal -> FaultWatch.refused(journal, from, kind));
        }

        private void transport(RequestKind kind, TransportFault how) {
            int from = lane.sim.journal().entries().size();
            lane.sim.faults().nextTransport(kind, 1, how);
            struckIf.add(journal -> FaultWatch.answered(journal, from, kind, 0));
        }


        /** Arms {@code then} once the simulator has taken {@code n} more imports (at once when n is 0). */
        private void afterImports(int n, Runnable then) {
            int before = lane.repo().imports().size();
            when(() -> lane.repo().imports().size() >= before + n, then);
        }

        /** Runs {@code then} once {@code condition} holds, watching every 2 ms. */
        private void when(BooleanSupplier condition, Runnable then) {
            watch.when(condition, then);
        }

        /** AEM resetting every connection from a random moment, for {@code length} or to the release's end when null. */
        private void outage(Duration length) {
            at(between(50, 4000), () -> {
                int from = lane.sim.journal().entries().size();
                lane.sim.faults().reset(1.0);
                outage = true;
                struckIf.add(journal -> FaultWatch.answered(journal, from, null, 0));
                if (length != null) {
                    at(length, () -> {
                        lane.sim.faults().reset(0.0);
                        outage = false;
                    });
                }
            });
        }

        private void at(Duration delay, Runnable action) {
            watch.at(delay, action);
        }
    }

    private Duration between(long minMs, long maxMs) {
        return FaultWatch.between(random, minMs, maxMs);
    }
}
