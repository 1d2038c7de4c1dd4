package io.jenkins.plugins.aem.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one side (the client or the naive script) of a set benchmark measured.
 *
 * @param client       {@code client} or {@code baseline}
 * @param tasks        the tasks of the server
 * @param correct      the tasks whose file (export) or verdict (plan) the ground truth confirms
 * @param requests     every request AEM received, logins included
 * @param logins       logins among them
 * @param peakInFlight the most requests AEM held at once
 * @param wall         from the first request to the end
 * @param heapBytes    the most heap the run added (sampled after a full GC)
 * @param threadsAdded the most threads the run added
 * @param byKind       requests by kind (LOGIN, READ, EXPORT, ...)
 * @param failures     one line per task the ground truth disagrees with, and the run's own failure
 */
record SetFigures(String client, int tasks, int correct, long requests, long logins, int peakInFlight, Duration wall,
                  long heapBytes, int threadsAdded, Map<String, Long> byKind, List<String> failures) {

    double requestsPerTask() {
        return (double) requests / tasks;
    }

    double seconds() {
        return wall.toMillis() / 1000.0;
    }

    double heapMib() {
        return HeapProbe.mib(heapBytes);
    }
}
