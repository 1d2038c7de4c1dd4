package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The versions of one definition (a task's or an endpoint's) that ImportTask wrote, each visible from its own moment
 * on: what AEM shows lags behind what it accepted by the server's import delay. Values are never changed once added
 * (an import adds a merged copy), so a reader may keep one. A null value means "absent". Not thread-safe: the owning
 * {@link ServerRepository} calls it under its lock.
 */
final class Versioned {
    private static final class Version {
        private ObjectNode value;
        private Supplier<ObjectNode> lazy;
        private final long visibleAtNanos;

        Version(ObjectNode value, Supplier<ObjectNode> lazy, long visibleAtNanos) {
            this.value = value;
            this.lazy = lazy;
            this.visibleAtNanos = visibleAtNanos;
        }

        boolean present() {
            return value != null || lazy != null;
        }

        ObjectNode value() {
            if (lazy != null) { // built on first use: a server of thousands of tasks need not build them all
                value = lazy.get();
                lazy = null;
            }
            return value;
        }
    }

    private final ArrayDeque<Version> versions = new ArrayDeque<>();

    /** A definition visible at once, built when first read. */
    static Versioned lazy(Supplier<ObjectNode> initial, long nowNanos) {
        Versioned v = new Versioned();
        v.versions.add(new Version(null, initial, nowNanos));
        return v;
    }

    /** A definition with no version yet (absent until {@link #add}). */
    static Versioned empty() {
        return new Versioned();
    }

    /** Adds a version visible from {@code visibleAtNanos}, never earlier than the version before it. */
    void add(ObjectNode value, long visibleAtNanos) {
        long at = versions.isEmpty() ? visibleAtNanos : Math.max(visibleAtNanos, versions.getLast().visibleAtNanos);
        versions.addLast(new Version(value, null, at));
    }

    /** What reads show at {@code nowNanos}: the newest version already visible, or null. */
    ObjectNode visible(long nowNanos) {
        Version v = visibleVersion(nowNanos);
        return v == null ? null : v.value();
    }

    /** Whether reads show a value at {@code nowNanos}, without building a lazy one. */
    boolean isVisible(long nowNanos) {
        Version v = visibleVersion(nowNanos);
        return v != null && v.present();
    }

    private Version visibleVersion(long nowNanos) {
        while (versions.size() > 1 && due(secondOldest(), nowNanos)) {
            versions.removeFirst(); // superseded by a visible later version
        }
        Version first = versions.peekFirst();
        return first != null && due(first, nowNanos) ? first : null;
    }

    /** What was accepted last, visible or not, or null. */
    ObjectNode latest() {
        Version last = versions.peekLast();
        return last == null ? null : last.value();
    }

    private Version secondOldest() {
        var it = versions.iterator();
        it.next();
        return it.next();
    }

    private static boolean due(Version v, long nowNanos) {
        return nowNanos - v.visibleAtNanos >= 0;
    }
}
