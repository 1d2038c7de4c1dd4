package io.jenkins.plugins.aem.client;

/**
 * How many tasks a release handles at once: each export is one request to AEM at a time, so this bounds the requests
 * a set's export sends at once, and the deploys a release runs at once. AEM serves every user from one server: a
 * small number is kind to it and, with exports that take AEM a while each, already several times faster than one at
 * a time.
 */
public final class Parallelism {

    /** Tasks at once unless told otherwise. */
    public static final int DEFAULT = 4;

    /** The most tasks at once. */
    public static final int MAX = 16;

    private Parallelism() {
    }

    /**
     * Checks a number of tasks at once; 0 means {@link #DEFAULT}.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when it is negative or over {@link #MAX}
     */
    public static int check(int parallel) {
        if (parallel == 0) {
            return DEFAULT;
        }
        if (parallel < 1 || parallel > MAX) {
            throw AemException.invalidInput("parallel", "must be 1 to " + MAX + " (was " + parallel + "). Give how many "
                    + "tasks to handle at once; " + DEFAULT + " is the default, and AEM serves everyone from one server.");
        }
        return parallel;
    }
}
