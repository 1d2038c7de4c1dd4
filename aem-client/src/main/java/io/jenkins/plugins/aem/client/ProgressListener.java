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
}
