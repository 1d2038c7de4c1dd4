package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.simulator.Faults;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimTask;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.simulator.TransportFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;

/**
 * Arms a {@link DeployFault} on a lane's simulator for one deploy. A fault of the first request of its kind (the backup's
 * export, the stop, the import, the delete) is armed before the deploy starts; one of a later request is armed when the
 * simulator's ground truth shows the step before it done (the import stored, the run received), watched every 2 ms;
 * an outage or a cancel goes off at a random moment. Afterwards it tells whether the fault struck at all, from the
 * simulator's journal and records: a deploy that ended before its fault struck does not count as a faulted one.
 */
final class FaultInjector implements AutoCloseable {

    private static final String NOT_CONNECTED = "AEM_SERVER_NOT_CONNECTED";
    private static final String RUN_INNER_ERROR = "AEM_RUN_TASK_INNER_ERR";

    private final LaneSim lane;
    private final Random random;
    private final ScheduledExecutorService timer;

    FaultInjector(LaneSim lane, long seed) {
        this.lane = lane;
        this.random = new Random(seed);
        this.timer = FaultWatch.timer("bench-deploy-faults-" + lane.lane);
    }

    /** Arms {@code fault} (or nothing, when null) for the deploy to {@code task} about to start. */
    Armed arm(DeployFault fault, String task) {
        Armed armed = new Armed(fault, task);
        if (fault != null) {
            armed.start();
        }
        return armed;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One fault armed for one deploy. */
    final class Armed {
        final DeployFault fault;
        private final String task;
        private final Instant start = Instant.now();
        private final List<Predicate<List<JournalEntry>>> struckIf = new CopyOnWriteArrayList<>();
        private final FaultWatch watch = new FaultWatch(timer);
        private volatile boolean outage;
        private volatile boolean cancelled;
        private volatile CompletableFuture<?> deploy;

        private Armed(DeployFault fault, String task) {
            this.fault = fault;
            this.task = task;
        }

        private void start() {
            Faults faults = lane.sim.faults();
            switch (fault) {
                case BACKUP_REFUSED -> refuse(RequestKind.EXPORT, 1, NOT_CONNECTED);
                case BACKUP_RESET -> transport(RequestKind.EXPORT, TransportFault.RESET);
                case BACKUP_HTML_503 -> transport(RequestKind.EXPORT, TransportFault.HTML_503);
                case STOP_REFUSED -> commandRefused(() -> spec().stopErrorOnce("AEM_STOP_TASK_INNER_ERR"));
                case STOP_RESET -> transport(RequestKind.COMMAND, TransportFault.RESET);
                case STOP_ANSWER_LOST -> transport(RequestKind.COMMAND, TransportFault.RESET_AFTER_APPLY);
                case STOP_TOO_SLOW -> {
                    spec().stopDuration(Duration.ofSeconds(20));
                    when(() -> received("stop"), () -> spec().stopDuration(LaneSim.NORMAL_MIN, LaneSim.NORMAL_MAX));
                    struckIf.add(journal -> received("stop"));
                }
                case IMPORT_REFUSED -> refuse(RequestKind.IMPORT, 1, "AEM_IMPORT_INVALID_CONTENT");
                case IMPORT_RESET -> transport(RequestKind.IMPORT, TransportFault.RESET);
                case IMPORT_ANSWER_LOST -> transport(RequestKind.IMPORT, TransportFault.RESET_AFTER_APPLY);
                case IMPORT_HANG -> transport(RequestKind.IMPORT, TransportFault.HANG);
                case IMPORT_HANG_AFTER_APPLY -> transport(RequestKind.IMPORT, TransportFault.HANG_AFTER_APPLY);
                case IMPORT_HTML_502 -> transport(RequestKind.IMPORT, TransportFault.HTML_502);
                case VERIFY_REFUSED -> afterImport(() -> refuse(RequestKind.EXPORT, 1, NOT_CONNECTED));
                case VERIFY_RESET -> afterImport(() -> transport(RequestKind.EXPORT, TransportFault.RESET));
                case VERIFY_HANG -> afterImport(() -> transport(RequestKind.EXPORT, TransportFault.HANG));
                case DELETE_REFUSED -> refuse(RequestKind.DELETE, 1, "AEM_TASK_NOT_STOPPED");
                case DELETE_RESET -> transport(RequestKind.DELETE, TransportFault.RESET);
                case DELETE_ANSWER_LOST -> transport(RequestKind.DELETE, TransportFault.RESET_AFTER_APPLY);
                case DELETE_ANSWER_LOST_THEN_IMPORT_REFUSED -> {
                    transport(RequestKind.DELETE, TransportFault.RESET_AFTER_APPLY);
                    refuse(RequestKind.IMPORT, 1, "AEM_IMPORT_INVALID_CONTENT");
                }
                case RUN_REFUSED -> commandRefused(() -> spec().runErrorOnce(RUN_INNER_ERROR));
                case RUN_ALWAYS_REFUSED -> commandRefused(() -> spec().runError(RUN_INNER_ERROR));
                case RUN_RESET -> afterImport(() -> transport(RequestKind.COMMAND, TransportFault.RESET));
                case RUN_ANSWER_LOST -> afterImport(() -> transport(RequestKind.COMMAND, TransportFault.RESET_AFTER_APPLY));
                case WAIT_READS_REFUSED -> when(() -> received("run"), () -> refuse(RequestKind.READ, 3, NOT_CONNECTED));
                case WAIT_TASK_ERROR -> afterImport(() -> {
                    spec().failOnRun(true);
                    when(() -> lane.task(task).map(t -> "ERROR".equals(t.state())).orElse(false), () -> {
                        spec().failOnRun(false);
                        struckIf.add(journal -> true);
                    });
                });
                case WAIT_TOO_SLOW -> afterImport(() -> {
                    spec().startDuration(Duration.ofSeconds(25));
                    when(() -> received("run"), () -> {
                        spec().startDuration(LaneSim.NORMAL_MIN, LaneSim.NORMAL_MAX);
                        struckIf.add(journal -> true);
                    });
                });
                case AEM_GONE_BRIEFLY -> outage(faults::reset, between(300, 3000));
                case AEM_PAGES_503 -> outage(faults::html503, between(300, 3000));
                case AEM_GONE -> outage(faults::reset, null);
                case CANCELLED -> {
                    // Imports, deletes and commands arrive late, so that a cancel may land while one is in flight.
                    faults.latency(0.5, Duration.ofMillis(100), Duration.ofMillis(1500))
                            .onlyFor(RequestKind.IMPORT, RequestKind.DELETE, RequestKind.COMMAND);
                    at(between(50, 1500), () -> {
                        CompletableFuture<?> f = deploy;
                        cancelled = f != null && f.cancel(true);
                    });
                }
                default -> throw new IllegalStateException("no arming for " + fault);
            }
        }

        /** The deploy's future, for a cancel. */
        void started(CompletableFuture<?> future) {
            deploy = future;
        }

        /** Whether AEM is unreachable now: an outage that lasts to the deploy's end. */
        boolean outageNow() {
            return outage;
        }

        /** Stops arming anything more; returns whether the fault struck the deploy. */
        boolean finish() {
            watch.stop();
            if (fault == null) {
                return false;
            }
            if (fault == DeployFault.CANCELLED) {
                return cancelled;
            }
            List<JournalEntry> journal = lane.sim.journal().entries();
            return struckIf.stream().anyMatch(p -> p.test(journal));
        }

        private SimTaskSpec spec() {
            return lane.task(task).map(SimTask::spec).orElseThrow(() -> new IllegalStateException(task + " is not there"));
        }

        private boolean received(String action) {
            return lane.task(task).map(t -> t.commands().stream()
                    .anyMatch(c -> c.action().equals(action) && !c.at().isBefore(start))).orElse(false);
        }

        private void refuse(RequestKind kind, int n, String code) {
            int from = journalSize();
            lane.sim.faults().failNext(kind, n, code);
            struckIf.add(journal -> FaultWatch.refused(journal, from, kind));
        }

        private void transport(RequestKind kind, TransportFault how) {
            int from = journalSize();
            lane.sim.faults().nextTransport(kind, 1, how);
            int status = how == TransportFault.HTML_502 ? 502 : how == TransportFault.HTML_503 ? 503 : 0;
            struckIf.add(journal -> FaultWatch.answered(journal, from, kind, status));
        }

        /**
         * Where the journal ends now. It lists requests in the order they ended (answered, reset or left hanging), and
         * a request a fault armed now hits ends after now; its arrival may be a moment earlier.
         */
        private int journalSize() {
            return lane.sim.journal().entries().size();
        }

        /**
         * Arms the task's refusal of a command; struck when a command was answered with AEM's error, which only this
         * refusal gives: the journal keeps every answer, even once a restore has deleted the task and imported it afresh.
         */
        private void commandRefused(Runnable arm) {
            int from = journalSize();
            arm.run();
            struckIf.add(journal -> FaultWatch.refused(journal, from, RequestKind.COMMAND));
        }

        /** Arms {@code then} when the deploy's import reached AEM's import logic. */
        private void afterImport(Runnable then) {
            int before = lane.repo().imports().size();
            when(() -> lane.repo().imports().size() > before, then);
        }

        private void when(BooleanSupplier condition, Runnable then) {
            watch.when(condition, then);
        }

        /**
         * AEM unreachable from a random moment: for {@code length}, or to the deploy's end when null. It counts as
         * struck when a request met it.
         */
        private void outage(DoubleFunction<Faults> set, Duration length) {
            at(between(50, 1500), () -> {
                int from = journalSize();
                set.apply(1.0);
                outage = true;
                int status = fault == DeployFault.AEM_PAGES_503 ? 503 : 0;
                struckIf.add(journal -> FaultWatch.answered(journal, from, null, status));
                if (length != null) {
                    at(length, () -> {
                        set.apply(0.0);
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
