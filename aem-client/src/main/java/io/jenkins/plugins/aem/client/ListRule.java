package io.jenkins.plugins.aem.client;

/**
 * When the waits on one server read their tasks' states from one shared GetTaskList, and when each reads its own
 * task's GetTaskDetails. GetTaskList has no size bound (aem-api.md section 0, "list size"): a server may hold
 * thousands of tasks with kilobytes of message each. One list read pays off only when several waits share it and it
 * costs AEM less than the details reads it replaces; otherwise each wait reads exactly what it needs.
 *
 * <p>The rule: the list is used when at least {@code minWaits} waits are due on the server and the list's last size
 * was at most {@link #budget} bytes, {@code bytesPerWait} (about one GetTaskDetails answer) for each wait, never more
 * than {@code maxBytes}. A list of unknown size is tried with the budget as its cap: a larger one is broken off at the
 * cap, never parsed, and the waits read their details instead.
 *
 * @param minWaits     the fewest waits that share a list (a single wait always reads its details)
 * @param bytesPerWait what one wait's own GetTaskDetails answer costs, in bytes
 * @param maxBytes     the largest list ever read, whatever the number of waits
 */
record ListRule(int minWaits, long bytesPerWait, int maxBytes) {

    /**
     * Two waits or more; 2 KiB per wait, about one GetTaskDetails answer of a Replicate task (its counters and
     * endpoints come to 1.5-2.5 KB); at most 1 MiB, so that a crowd's shared read stays cheap to parse.
     */
    static final ListRule DEFAULT = new ListRule(2, 2048, CappedBodyConsumer.MAX_BODY);

    /** The most bytes a list shared by {@code waits} waits may have to beat their own reads. */
    int budget(int waits) {
        return (int) Math.min(maxBytes, waits * bytesPerWait);
    }

    /**
     * Whether {@code waits} waits should share one list whose last size was {@code lastBytes} ({@code -1}: not known).
     */
    boolean useList(int waits, long lastBytes) {
        return waits >= minWaits && lastBytes <= budget(waits);
    }
}
