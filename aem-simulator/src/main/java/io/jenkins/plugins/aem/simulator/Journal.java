package io.jenkins.plugins.aem.simulator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the simulator received, in order of completion (answered, reset or left hanging). Thread-safe.
 * Holds at most a fixed number of entries, dropping the oldest, so a long benchmark cannot exhaust memory.
 */
public final class Journal {
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final int capacity;

    Journal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** A snapshot of the entries, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** How many entries match. */
    public synchronized long count(Predicate<JournalEntry> filter) {
        return entries.stream().filter(filter).count();
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
    }
}
