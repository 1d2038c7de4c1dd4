package io.jenkins.plugins.aem.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the states of every wait on one server: from one shared GetTaskList when that costs AEM less than a
 * GetTaskDetails per wait ({@link ListRule}), else from each task's own details. A crowd of waits on a small server
 * costs AEM one request per poll tick; a single wait, or waits on a server whose list is too large or refused, read
 * only their own tasks.
 *
 * <p>Each poll says when it is due; it is also content to be read up to half its interval early. A tick fires at the
 * earliest due time and serves every poll whose early bound has passed. Reading early never delays detection, and
 * after one shared read the waits fall into step, so later ticks serve them together.
 *
 * <p>A list AEM refuses ({@code UNAUTHORIZED_REQUEST}: the account has no Viewer role on all tasks) is remembered,
 * not asked again on every poll; each wait whose read it changes is told once.
 *
 * <p>Some waits need a task's own details whatever the list costs (a health wait judges values that only
 * GetTaskDetails carries). Their polls ({@link #readDetails}) are read when due, not early, since an early details
 * read is a request of its own; every other poll of the same task whose early bound has passed then shares that read.
 * Polls that fall back to details reads share them per task in the same way.
 */
final class TaskListPoller {

    /** The two reads a poller may use; both go through the connection's session and host limits. */
    interface Reads {
        /** GetTaskList of the server, broken off past {@code maxBytes}. */
        CompletableFuture<AemApi.ListAnswer> list(int maxBytes, ProgressListener listener);

        /** GetTaskDetails of one task. */
        CompletableFuture<TaskStatus> details(TaskRef task, ProgressListener listener);
    }

    /** A task's status and whether it came from the task's own details (which carry its full message). */
    record StatusRead(TaskStatus status, boolean fromDetails) {
    }

    private record Poll(TaskRef task, long earliestNanos, long dueNanos, ProgressListener listener,
                        CompletableFuture<StatusRead> result, boolean needsDetails) {
    }

    private final ScheduledExecutorService scheduler;
    private final Reads reads;
    private final ResponseReader reader;
    private final ListRule rule;
    private final RefusalMemory listRefusal;
    private final List<Poll> waiting = new ArrayList<>();
    private ScheduledFuture<?> tick;
    private long tickAt;
    private CompletableFuture<AemApi.ListAnswer> listInFlight;
    private volatile long lastListBytes = -1;
    private volatile long lastListAt;

    TaskListPoller(String server, ScheduledExecutorService scheduler, Reads reads, ResponseReader reader, ListRule rule) {
        this.scheduler = scheduler;
        this.reads = reads;
        this.reader = reader;
        this.rule = rule;
        this.listRefusal = new RefusalMemory("GetTaskList on server '" + server + "'");
    }

    /**
     * The task's status, read in about {@code delay} (between half of it and all of it). A re-login during a shared
     * read, and a refused list, are told to {@code listener}, as to every wait the read served.
     */
    CompletableFuture<StatusRead> read(TaskRef task, Duration delay, ProgressListener listener) {
        return add(task, delay, listener, false);
    }

    /**
     * The task's own details (GetTaskDetails), read in {@code delay}, or earlier only when another poll of the same
     * task is read then; never from the list.
     */
    CompletableFuture<StatusRead> readDetails(TaskRef task, Duration delay, ProgressListener listener) {
        return add(task, delay, listener, true);
    }

    private CompletableFuture<StatusRead> add(TaskRef task, Duration delay, ProgressListener listener, boolean needsDetails) {
        long now = System.nanoTime();
        Poll poll = new Poll(task, now + delay.toNanos() / 2, now + delay.toNanos(), listener, new CompletableFuture<>(),
                needsDetails);
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
        List<Poll> ownDetails = new ArrayList<>();
        int waits;
        synchronized (this) {
            tick = null;
            long t = System.nanoTime();
            waiting.removeIf(p -> p.result().isDone());
            // Every wait that polls this server has one poll pending, so the pending polls count the waits that may
            // share a list; waits that need their details never do.
            waits = (int) waiting.stream().filter(p -> !p.needsDetails()).count();
            java.util.Set<TaskRef> readNow = new java.util.HashSet<>();
            waiting.stream().filter(p -> p.needsDetails() && p.dueNanos() <= t).forEach(p -> readNow.add(p.task()));
            waiting.removeIf(p -> p.earliestNanos() <= t && (readNow.contains(p.task()) ? ownDetails.add(p)
                    : !p.needsDetails() && now.add(p)));
            if (!waiting.isEmpty()) {
                schedule(waiting.stream().mapToLong(Poll::dueNanos).min().orElseThrow());
            }
        }
        if (!ownDetails.isEmpty()) {
            details(ownDetails);
        }
        if (now.isEmpty()) {
            return;
        }
        if (!rule.useList(waits, lastListBytes())) {
            details(now);
        } else if (listRefusal.standing()) {
            insteadOfRefusedList(now);
        } else {
            shareList(now, rule.budget(waits));
        }
    }

    private void shareList(List<Poll> now, int maxBytes) {
        ProgressListener all = event -> now.forEach(p -> p.listener().onProgress(event));
        CompletableFuture<AemApi.ListAnswer> read;
        synchronized (this) {
            // A list read still on its way is as fresh as a new one: joining it keeps a crowd at one list per tick,
            // and a refusal at one.
            if (listInFlight == null || listInFlight.isDone()) {
                listInFlight = reads.list(maxBytes, all);
            }
            read = listInFlight;
        }
        read.whenComplete((list, e) -> {
            if (e != null) {
                AemException error = reader.transport(e, "GetTaskList");
                if (listRefusal.noteIfRefusal(error)) {
                    insteadOfRefusedList(now);
                } else if (error.getCause() instanceof CappedBodyConsumer.BodyTooLargeException) {
                    // Larger than the waits' own reads together: they read those, until more waits share the server.
                    noteListSize(maxBytes + 1L);
                    details(now);
                } else {
                    now.forEach(p -> p.result().completeExceptionally(error));
                }
                return;
            }
            noteListSize(list.bytes());
            Map<String, JsonNode> byName = new HashMap<>();
            for (JsonNode t : list.body().path("taskList")) {
                byName.put(t.path("name").asText(), t);
            }
            List<Poll> missing = new ArrayList<>();
            for (Poll p : now) {
                JsonNode t = byName.get(p.task().task());
                if (t == null || !t.hasNonNull("state")) {
                    missing.add(p); // AEM's own answer for this task: its state, or why it has none
                } else {
                    p.result().complete(new StatusRead(TaskDetailsParser.parse(t, p.task(), reader), false));
                }
            }
            details(missing);
        });
    }

    private void insteadOfRefusedList(List<Poll> polls) {
        for (Poll p : polls) {
            p.listener().onProgress(new ProgressEvent(ProgressEvent.Kind.WARNING, Duration.ZERO,
                    listRefusal.notice("Reading the task's own details (GetTaskDetails) instead.")));
        }
        details(polls);
    }

    /** Reads each task's details once for all of {@code polls} that are about it. */
    private void details(List<Poll> polls) {
        Map<TaskRef, List<Poll>> byTask = new LinkedHashMap<>();
        polls.forEach(p -> byTask.computeIfAbsent(p.task(), k -> new ArrayList<>()).add(p));
        byTask.forEach(this::details);
    }

    private void details(TaskRef task, List<Poll> polls) {
        ProgressListener all = event -> polls.forEach(p -> p.listener().onProgress(event));
        CompletableFuture<TaskStatus> read = reads.details(task, all);
        // The read is shared: only when every wait it serves is gone may it be cancelled.
        polls.forEach(p -> p.result().whenComplete((r, e) -> {
            if (polls.stream().allMatch(q -> q.result().isCancelled())) {
                read.cancel(true);
            }
        }));
        read.whenComplete((s, e) -> polls.forEach(p -> {
            if (e != null) {
                p.result().completeExceptionally(e);
            } else {
                p.result().complete(new StatusRead(s, true));
            }
        }));
    }

    private void noteListSize(long bytes) {
        lastListBytes = bytes;
        lastListAt = System.nanoTime();
    }

    /** The last list's size in bytes, or -1 when none was read lately: servers gain and lose tasks. */
    private long lastListBytes() {
        return System.nanoTime() - lastListAt < RefusalMemory.MEMORY.toNanos() ? lastListBytes : -1;
    }
}
