package io.jenkins.plugins.aem.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A PatchEndpoint call that reached the server's patch logic (ground truth for tests): every call past the checks of
 * framing, server, version and role. Calls stopped earlier are only in the journal.
 *
 * @param at           when the call was received
 * @param endpoint     the endpoint name of the URL
 * @param user         the logged-in user
 * @param sessionAlias the non-secret alias of the session
 * @param accepted     whether the patch was applied (all of it; a refused patch changes nothing)
 * @param errorCode    the error code answered, or null when accepted
 * @param paths        each operation as {@code op path} (never a value: a value may be a secret)
 */
public record PatchRecord(Instant at, String endpoint, String user, String sessionAlias, boolean accepted,
                          String errorCode, List<String> paths) {

    /** Copies the list. */
    public PatchRecord {
        paths = List.copyOf(paths);
    }
}
