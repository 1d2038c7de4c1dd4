package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A simulator and a pool with fast polling, closed together. */
final class SimFixture implements AutoCloseable {

    static final String USER = "admin";
    static final String PASSWORD = "s3cret-Pa55";
    static final PollSchedule FAST = new PollSchedule(Duration.ofMillis(50), 1.5, Duration.ofMillis(400), 0.1);
    static final HealthSchedule FAST_HEALTH = new HealthSchedule(Duration.ofMillis(100), Duration.ofMillis(50),
            Duration.ofMillis(400), 0.1);

    final AemSimulator sim;
    final AemClientPool pool;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    SimFixture(AemSimulatorBuilder builder) {
        this(builder, AemClientPool.builder().pollSchedule(FAST).healthSchedule(FAST_HEALTH)
                .statusLagGrace(Duration.ofSeconds(2)));
    }

    SimFixture(AemSimulatorBuilder builder, AemClientPool.Builder poolBuilder) {
        try {
            this.sim = builder.user(USER, PASSWORD).start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.pool = poolBuilder.build();
    }

    ConnectionSettings settings() {
        return ConnectionSettings.builder(sim.baseUrl().toString(), Credentials.of(USER, PASSWORD)).build();
    }

    AemClient client() {
        return pool.client(settings());
    }

    ProgressListener listener() {
        return events::add;
    }

    TaskOutcome run(RunRequest request) {
        return join(client().run(request, listener()));
    }

    TaskOutcome stop(StopRequest request) {
        return join(client().stop(request, listener()));
    }

    long count(Predicate<JournalEntry> p) {
        return sim.journal().count(p);
    }

    static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
        sim.close();
    }
}
