package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.client.release.ReleaseFolder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A release folder in memory, as the Jenkins plugin's is on a workspace the client never sees as a disk: the API
 * driver's. Its files are scanned after each release like the command's files on disk.
 */
final class MemoryReleaseFolder implements ReleaseFolder {

    private final String name;
    private final Map<String, String> files = new ConcurrentSkipListMap<>();

    MemoryReleaseFolder(String name) {
        this.name = name;
    }

    @Override
    public List<String> list(String dir) {
        return files.keySet().stream().filter(p -> p.startsWith(dir + "/")).map(p -> p.substring(dir.length() + 1)).toList();
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public void write(String path, String text) {
        files.put(path, text);
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    @Override
    public String describe() {
        return name;
    }
}
