package io.jenkins.plugins.aem.testsupport.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository checks read what git tracks (and would track), never what a run left in an ignored folder. */
class TrackedFilesTest {

    private final TrackedFiles files = new TrackedFiles();

    @Test
    void aWorkTreeListsWhatGitTracksAndNewFilesButNotIgnoredOnes(@TempDir Path dir) throws Exception {
        write(dir, ".gitignore", "target/\nwork/\n");
        write(dir, "pom.xml", "<project/>");
        write(dir, "gone.txt", "deleted after it was staged");
        RepositoryFiles.gitWorkTree(dir);
        Files.delete(dir.resolve("gone.txt"));
        write(dir, "plugin/work/plugins/credentials/pom.xml", "<project/>");
        write(dir, "plugin/target/classes/pom.xml", "<project/>");
        write(dir, "plugin/pom.xml", "<project/>");

        assertThat(files.list(dir)).containsExactlyInAnyOrder(Path.of(".gitignore"), Path.of("pom.xml"),
                Path.of("plugin", "pom.xml"));
    }

    @Test
    void aFolderWithoutGitIsWalkedLeavingOutWhatGitignoreNames(@TempDir Path dir) throws Exception {
        write(dir, ".gitignore", "# build output\ntarget/\n/work/\n*.iml\n");
        write(dir, "pom.xml", "<project/>");
        write(dir, ".github/dependabot.yml", "version: 2\n");
        write(dir, ".idea/misc.xml", "<project/>");
        write(dir, "plugin/work/plugins/credentials/pom.xml", "<project/>");
        write(dir, "plugin/target/classes/pom.xml", "<project/>");

        assertThat(files.list(dir)).containsExactlyInAnyOrder(Path.of(".gitignore"), Path.of("pom.xml"),
                Path.of(".github", "dependabot.yml"));
    }

    @Test
    void aWorkTreeWithoutGitToRunFailsSayingWhatToDo(@TempDir Path dir) throws Exception {
        write(dir, "pom.xml", "<project/>");
        RepositoryFiles.gitWorkTree(dir);

        assertThatThrownBy(() -> new TrackedFiles("no-such-git-" + ProcessHandle.current().pid()).list(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read the files git tracks")
                .hasMessageContaining("Install git");
    }

    private static void write(Path root, String file, String content) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
