package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A process that is killed at a chosen checkpoint of its deploys: from then on AEM answers it nothing more (every
 * request hangs and none is carried out, as none leaves a dead process), and it keeps no further checkpoint. The
 * process runs on a pool of its own ({@link #pool()}), as a process of its own would.
 */
final class ProcessKill {

    private final SimFixture fx;
    private final Predicate<DeployCheckpoint> at;
    private final boolean keepIt;
    private final Runnable faults;
    private boolean dead;
    /** Completes when the kill came. */
    final CompletableFuture<Void> killed = new CompletableFuture<>();

    /**
     * @param at     the checkpoint the kill comes at: the first this accepts
     * @param keepIt whether that checkpoint was kept (the process died right after keeping it) or not (just before)
     * @param faults what else AEM does at the kill (say, carry out the change in flight and lose its answer)
     */
    ProcessKill(SimFixture fx, Predicate<DeployCheckpoint> at, boolean keepIt, Runnable faults) {
        this.fx = fx;
        this.at = at;
        this.keepIt = keepIt;
        this.faults = faults;
    }

    /** A pool for the process that dies, as the test's own pool is built. */
    static AemClientPool pool() {
        return AemClientPool.builder().pollSchedule(SimFixture.FAST).healthSchedule(SimFixture.FAST_HEALTH)
                .statusLagGrace(Duration.ofSeconds(2)).build();
    }

    /**
     * Whether the process keeps {@code checkpoint}; the kill comes at the chosen one.
     *
     * @throws IllegalStateException once the process is dead: it keeps nothing
     */
    synchronized boolean keeps(DeployCheckpoint checkpoint) {
        if (dead) {
            throw new IllegalStateException("the process is gone");
        }
        if (!at.test(checkpoint)) {
            return true;
        }
        dead = true;
        faults.run();
        fx.sim.faults().hang(1.0);
        killed.complete(null);
        return keepIt;
    }

    synchronized boolean dead() {
        return dead;
    }

    /** After the dead process ended: AEM answers again, to the process that resumes. */
    void over() {
        if (!dead()) {
            throw new AssertionError("the kill's checkpoint never came");
        }
        fx.sim.faults().clear();
    }
}
