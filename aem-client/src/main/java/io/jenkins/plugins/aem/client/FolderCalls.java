package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The release folder as the client uses it: every call on the caller's executor, never on the client's own threads
 * (the folder may be a workspace on an agent, and its calls block), one at a time and in order. A folder's failure
 * becomes a message naming the file and the folder.
 */
final class FolderCalls {

    /** One use of the folder. */
    @FunctionalInterface
    interface Use<T> {
        T on(ReleaseFolder folder) throws IOException, InterruptedException;
    }

    private final ReleaseFolder folder;
    private final Executor executor;
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    FolderCalls(ReleaseFolder folder, Executor executor) {
        this.folder = folder;
        this.executor = executor;
    }

    /** Where the folder is, as messages name it. */
    String describe() {
        return folder.describe();
    }

    /** Runs {@code use} after every call made before it; {@code what} names it in a failure ("write tasks/A.json"). */
    synchronized <T> CompletableFuture<T> run(String what, Use<T> use) {
        CompletableFuture<T> next = last.handle((v, e) -> null).thenApplyAsync(v -> {
            try {
                return use.on(folder);
            } catch (IOException e) {
                throw AemException.invalidInput("folder", "cannot " + what + " in " + folder.describe() + " ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "). Check the folder, its permissions and its disk.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AemException.of(FailureKind.CANCELLED, "Interrupted while the release folder was read or "
                        + "written (" + what + ").").build();
            }
        }, executor);
        last = next;
        return next;
    }

    /** The text of a file, failing when it does not exist. */
    static String read(ReleaseFolder folder, String path) throws IOException, InterruptedException {
        return folder.read(path).orElseThrow(() -> new java.nio.file.NoSuchFileException(path));
    }
}
