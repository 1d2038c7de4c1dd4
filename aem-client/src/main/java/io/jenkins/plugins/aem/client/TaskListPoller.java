package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Answers the status polls of every wait on one server with one GetTaskList, so that a crowd of waits costs AEM one
 * request per poll tick instead of one per wait.
 *
 * <p>Each poll says when it is due; it is also content to be read up to half its interval early. A tick fires at the
 * earliest due time and serves every poll whose early bound has passed. Reading early never delays detection, and
 * after one shared read the waits fall into step, so later ticks serve them together.
 */
final class TaskListPoller {

    private record Poll(TaskRef task, long earliestNanos, long dueNanos, ProgressListener listener,
                        CompletableFuture<TaskStatus> result) {
    }

    private final String server;
    private final ScheduledExecutorService scheduler;
    private final BiFunction<Duration, ProgressListener, CompletableFuture<JsonNode>> readList;
    private final ResponseReader reader;
    private final List<Poll> waiting = new ArrayList<>();
    private ScheduledFuture<?> tick;
    private long tickAt;

    TaskListPoller(String server, ScheduledExecutorService scheduler,
                   BiFunction<Duration, ProgressListener, CompletableFuture<JsonNode>> readList, ResponseReader reader) {
        this.server = server;
        this.scheduler = scheduler;
        this.readList = readList;
        this.reader = reader;
    }

    /**
     * The task's status, read in about {@code delay} (between half of it and all of it). A re-login during the shared
     * read is told to {@code listener}, as to every wait it served.
     */
    CompletableFuture<TaskStatus> read(TaskRef task, Duration delay, ProgressListener listener) {
        long now = System.nanoTime();
        Poll poll = new Poll(task, now + delay.toNanos() / 2, now + delay.toNanos(), listener, new CompletableFuture<>());
        synchronized (this) {
            waiting.add(poll);
            if (tick == null || poll.dueNanos() < tickAt) {
                schedule(poll.dueNanos());
            }
        }
        return poll.result();
    }

    private void schedule(long at) {
        if (tick != null) {
            tick.cancel(false);
        }
        tickAt = at;
        tick = scheduler.schedule(this::fire, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        List<Poll> now = new ArrayList<>();
        synchronized (this) {
            tick = null;
            long t = System.nanoTime();
            waiting.removeIf(p -> p.result().isDone());
            waiting.removeIf(p -> p.earliestNanos() <= t && now.add(p));
            if (!waiting.isEmpty()) {
                schedule(waiting.stream().mapToLong(Poll::dueNanos).min().orElseThrow());
            }
        }
        if (now.isEmpty()) {
            return;
        }
        ProgressListener all = event -> now.forEach(p -> p.listener().onProgress(event));
        readList.apply(Timeouts.STATUS_READ, all).whenComplete((list, e) -> {
            if (e != null) {
                now.forEach(p -> p.result().completeExceptionally(e));
                return;
            }
            Map<String, JsonNode> byName = new HashMap<>();
            for (JsonNode t : list.path("taskList")) {
                byName.put(t.path("name").asText(), t);
            }
            for (Poll p : now) {
                JsonNode t = byName.get(p.task().task());
                if (t == null || !t.hasNonNull("state")) {
                    p.result().completeExceptionally(AemException.of(FailureKind.AEM_ERROR, "AEM lists no task named '"
                                    + p.task().task() + "' on server '" + server + "'.")
                            .errorCode(AemErrorCode.AEM_TASK_NOT_FOUND.name()).remedy(AemErrorCode.AEM_TASK_NOT_FOUND.remedy()).build());
                } else {
                    p.result().complete(TaskDetailsParser.parse(t, p.task(), reader));
                }
            }
        });
    }
}
