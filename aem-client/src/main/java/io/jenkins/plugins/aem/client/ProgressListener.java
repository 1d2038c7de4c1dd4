package io.jenkins.plugins.aem.client;

/**
 * Receives progress while an operation runs. Called from the client's threads: implementations must be quick and
 * thread-safe, and must not block.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = event -> { };

    void onProgress(ProgressEvent event);

    /**
     * Receives a fact in structured form ({@link ProgressFact}), for a caller that keeps a record of the operation. By
     * default it is ignored: the progress lines already say what a reader needs.
     */
    default void onFact(ProgressFact fact) {
    }
}
