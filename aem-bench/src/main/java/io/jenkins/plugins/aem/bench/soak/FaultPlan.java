package io.jenkins.plugins.aem.bench.soak;

import io.jenkins.plugins.aem.simulator.Faults;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * What the soak injects, all drawn from one seeded {@link Random}:
 *
 * <ul>
 *   <li>on every request, at random: latency of 50 ms to 4 s (5 %), a proxy's HTML 502 (1 %) or HTTP.sys's HTML 503
 *       (1 %), a connection reset (1 %), a connection that never answers (0.3 %), the session expiring just before
 *       the request (1 %);</li>
 *   <li>per operation, at random: an {@code AEM_*} error answered to its command (4 %: inner errors refuse it,
 *       {@code *_TIMEOUT} accepts it and stops AEM's wait), or {@value #READ_ERROR_CODE} answered to the next status
 *       read (1.5 %);</li>
 *   <li>per task, by its index: ordinary, slow (2-20 s, beyond many timeouts), going to ERROR on run, recovering
 *       (RECOVERY then RUNNING, or then ERROR), lagging status with a visible STARTING/STOPPING state, full load
 *       only;</li>
 *   <li>per operation: a timeout of 5 to 15 s, and now and then the "wrong" action (run a running task, stop a
 *       stopped one) so that AEM answers {@code AEM_TASK_ALREADY_*}.</li>
 * </ul>
 */
final class FaultPlan {

    /** The code injected on status reads with failNext; used for nothing else, so an answer with it is traceable. */
    static final String READ_ERROR_CODE = "AEM_SERVER_NOT_CONNECTED";

    private static final List<String> RUN_ERRORS = List.of("AEM_RUN_TASK_INNER_ERR", "AEM_RUN_TASK_TIMEOUT",
            "AEM_RUN_TASK_NO_SRC");
    private static final List<String> STOP_ERRORS = List.of("AEM_STOP_TASK_INNER_ERR", "AEM_STOP_TASK_TIMEOUT");

    private final Random random;

    FaultPlan(long seed) {
        this.random = new Random(seed);
    }

    /** Sets the per-request faults. */
    static void configure(Faults faults) {
        faults.latency(0.05, Duration.ofMillis(50), Duration.ofSeconds(4))
                .html502(0.01).html503(0.01).reset(0.01).hang(0.003).sessionExpiry(0.01);
    }

    /** The behaviour of task number {@code i}. */
    static SimTaskSpec task(String name, int i) {
        SimTaskSpec spec = SimTaskSpec.named(name).startDuration(ms(200), ms(2500)).stopDuration(ms(200), ms(2500));
        switch (i % 10) {
            case 5 -> spec.startDuration(ms(2000), ms(20_000)).stopDuration(ms(1000), ms(12_000));
            case 6 -> spec.failOnRun(true);
            case 7 -> spec.recovery(true).recoveryAfter(range(300, 2000)).recoveryDuration(range(1000, 4000))
                    .recoveryEndsInError(i % 20 == 7);
            case 8 -> spec.lag(ms(1500)).startingState("STARTING").stoppingState("STOPPING");
            case 9 -> spec.fullLoadOnly(true).fullLoadDuration(range(500, 3000));
            default -> {
                // ordinary; every other one shows its transition, so the history tells starting from stale
                if (i % 2 == 0) {
                    spec.startingState("STARTING").stoppingState("STOPPING");
                }
            }
        }
        return spec;
    }

    /** Run or stop, given the task's true state: mostly the sensible one, one time in ten the other. */
    synchronized String action(String trueState) {
        boolean up = "RUNNING".equals(trueState) || "RECOVERY".equals(trueState) || "STARTING".equals(trueState);
        boolean sensible = random.nextDouble() >= 0.1;
        return up == sensible ? "stop" : "run";
    }

    /** The operation's timeout: 5 to 15 s. */
    synchronized Duration timeout() {
        return Duration.ofSeconds(5 + random.nextInt(11));
    }

    /** An AEM error to answer to this operation's command, or {@code null} (96 %). */
    synchronized String commandError(String action) {
        if (random.nextDouble() >= 0.04) {
            return null;
        }
        List<String> codes = "run".equals(action) ? RUN_ERRORS : STOP_ERRORS;
        return codes.get(random.nextInt(codes.size()));
    }

    /** Whether to answer the next status read with {@link #READ_ERROR_CODE} (1.5 %). */
    synchronized boolean readError() {
        return random.nextDouble() < 0.015;
    }

    /** Arms the next read error. */
    static void armReadError(Faults faults) {
        faults.failNext(RequestKind.READ, 1, READ_ERROR_CODE);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static io.jenkins.plugins.aem.simulator.DurationRange range(long minMs, long maxMs) {
        return io.jenkins.plugins.aem.simulator.DurationRange.between(ms(minMs), ms(maxMs));
    }
}
