package io.jenkins.plugins.aem.client;

import java.time.Duration;

/**
 * Remembers that AEM refused one read ({@code UNAUTHORIZED_REQUEST}) to one connection, so that the read is not sent
 * again on every poll of every wait. A least-privilege account keeps its roles for a long time, but not forever: after
 * {@link #MEMORY} the read is tried once more, so a role granted meanwhile is used without a restart.
 */
final class RefusalMemory {

    /** How long a refusal is taken as still standing. */
    static final Duration MEMORY = Duration.ofMinutes(10);

    private final String call;
    private volatile long refusedAt;
    private volatile boolean refused;

    /** @param call the call refused, as messages name it, for example {@code GetTaskList on server 'R'} */
    RefusalMemory(String call) {
        this.call = call;
    }

    /** {@code true} while a refusal is remembered: the read must not be sent. */
    boolean standing() {
        return refused && System.nanoTime() - refusedAt < MEMORY.toNanos();
    }

    /** Notes a refusal when {@code error} is AEM's {@code UNAUTHORIZED_REQUEST}; returns whether it was one. */
    boolean noteIfRefusal(AemException error) {
        if (!error.refusedForRole()) {
            return false;
        }
        note();
        return true;
    }

    /** Notes that the call is not to be sent for a while, whatever AEM's reason (the caller words it). */
    void note() {
        refusedAt = System.nanoTime();
        refused = true;
    }

    /**
     * The one line that tells a wait what was refused and what is read instead; the same text every time, so that an
     * operation can say it once.
     */
    String notice(String instead) {
        return "AEM refused " + call + " (UNAUTHORIZED_REQUEST): this account may not read it, which is fine for an "
                + "account that only runs its own tasks. " + instead;
    }
}
