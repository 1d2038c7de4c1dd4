package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A way of releasing: the {@code aem} command in process, or the client's API as the Jenkins plugin calls it. */
interface ReleaseDriver extends AutoCloseable {

    /** Exports the lane's {@code tasks}, with their endpoints, into a new release folder; returns the folder. */
    ReleaseFolder export(int id, List<String> tasks) throws Exception;

    /**
     * Releases the folder as the case says, with {@code secrets} (endpoint to password; empty for none) given as a
     * release script gives them; {@code started} gets the release's future when there is one to cancel (the
     * client's). Never throws for a failed release: that is a {@link ReleaseEnd} with its exit code.
     */
    ReleaseEnd release(ReleaseCase release, ReleaseFolder folder, Map<String, String> secrets,
                       Consumer<CompletableFuture<?>> started) throws Exception;

    /** Puts {@code task} back from the backup the release named, as an engineer would after exit 6; returns the exit code. */
    int restore(String task, String backupLocation, int id) throws Exception;

    /** The restorable backup text kept at {@code location}, or null when there is none. */
    String backup(String location) throws Exception;

    @Override
    void close();
}
