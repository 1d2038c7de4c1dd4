package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.client.TaskRef;

/**
 * One deploy of the benchmark.
 *
 * @param task    its task
 * @param file    the definition file (secrets as placeholders), as {@code aem export-task} writes it
 * @param running whether the task is RUNNING, so the deploy stops it and runs it again
 * @param changes whether the file changes the task (else it is already in place)
 * @param threads the parallel load threads the file sets
 */
record BenchDeploy(TaskRef task, String file, boolean running, boolean changes, int threads) {
}
