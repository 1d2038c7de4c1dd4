package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A release folder in memory, counting its writes and deletes, and failing if it is ever called from two threads at once. */
final class MemoryFolder implements ReleaseFolder {

    final Map<String, String> files = new TreeMap<>();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    private final AtomicInteger inCall = new AtomicInteger();

    @Override
    public List<String> list(String dir) {
        return call(() -> {
            List<String> out = new ArrayList<>();
            files.keySet().stream().filter(p -> p.startsWith(dir + "/")).forEach(p -> out.add(p.substring(dir.length() + 1)));
            return out;
        });
    }

    @Override
    public Optional<String> read(String path) {
        return call(() -> Optional.ofNullable(files.get(path)));
    }

    @Override
    public void write(String path, String text) {
        call(() -> {
            writes.incrementAndGet();
            return files.put(path, text);
        });
    }

    @Override
    public void delete(String path) {
        call(() -> {
            deletes.incrementAndGet();
            return files.remove(path);
        });
    }

    @Override
    public String describe() {
        return "release";
    }

    /** Replaces {@code from} by {@code to} in a file, which must hold it. */
    void edit(String path, String from, String to) {
        String text = files.get(path);
        if (text == null || !text.contains(from)) {
            throw new AssertionError(path + " does not hold " + from);
        }
        files.put(path, text.replace(from, to));
    }

    private <T> T call(java.util.function.Supplier<T> body) {
        if (inCall.incrementAndGet() != 1) {
            throw new AssertionError("the folder was called from two threads at once");
        }
        try {
            if (Thread.currentThread().getName().startsWith("aem-client")) {
                throw new AssertionError("the folder was called on a client thread");
            }
            return body.get();
        } finally {
            inCall.decrementAndGet();
        }
    }
}
