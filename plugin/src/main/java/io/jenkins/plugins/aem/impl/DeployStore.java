package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.XmlFile;
import hudson.model.Run;
import hudson.util.AtomicFileWriter;
import hudson.util.XStream2;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.DeployCheckpoint;
import io.jenkins.plugins.aem.client.FailureKind;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The files of one deploy or release that must outlive the controller: in the build's folder,
 * {@code aem-deploys/ID/deploy.xml} (a {@link KeptDeploy} or {@link KeptRelease}, definitions and backups encrypted)
 * and the client's last checkpoint of each task (names and states, no secret): {@code checkpoint.json} for a deploy,
 * {@code checkpoint-HEX.json} per task for a release (the task's name in hexadecimal, as any name makes a file name);
 * and in {@code JENKINS_HOME/aem-deploys/ID.txt}, which build keeps
 * it, so that Jenkins finds at startup the deploys it was running. Every file is written whole and synced to disk
 * before the call returns ({@link AtomicFileWriter}), so that a {@code kill -9} right after finds it. They exist from
 * the deploy's start to its end, and are deleted then.
 */
final class DeployStore {

    /** The folder, in a build's folder and in Jenkins' home. */
    static final String FOLDER = "aem-deploys";

    private static final Logger LOGGER = Logger.getLogger(DeployStore.class.getName());
    private static final XStream2 XSTREAM = new XStream2();

    static {
        XSTREAM.alias("aem-deploy", KeptDeploy.class);
        XSTREAM.alias("aem-release", KeptRelease.class);
    }

    private final String id;
    private final File dir;
    private final File pointer;

    private DeployStore(String id, File dir, File pointer) {
        this.id = id;
        this.dir = dir;
        this.pointer = pointer;
    }

    /** The files of deploy {@code id} of {@code run}, whether or not they exist. */
    static DeployStore of(Run<?, ?> run, String id) {
        return new DeployStore(id, new File(new File(run.getRootDir(), FOLDER), id), pointerOf(id));
    }

    private static File pointerOf(String id) {
        return new File(new File(Jenkins.get().getRootDir(), FOLDER), id + ".txt");
    }

    /** The IDs of the deploys {@code run} keeps: those it has not ended. */
    static List<String> idsIn(Run<?, ?> run) {
        String[] ids = new File(run.getRootDir(), FOLDER).list();
        return ids == null ? List.of() : List.of(ids);
    }

    /** A deploy some build keeps, as Jenkins' home points at it. */
    record Pointer(String job, int build, String id) {
    }

    /** Every deploy a build keeps, as Jenkins' home points at them; unreadable pointers are logged and skipped. */
    static List<Pointer> all() {
        File[] files = pointerOf("x").getParentFile().listFiles((d, name) -> name.endsWith(".txt"));
        List<Pointer> found = new ArrayList<>();
        for (File f : files == null ? new File[0] : files) {
            try {
                Properties p = new Properties();
                p.load(new StringReader(Files.readString(f.toPath(), StandardCharsets.UTF_8)));
                found.add(new Pointer(p.getProperty("job"), Integer.parseInt(p.getProperty("build")),
                        f.getName().substring(0, f.getName().length() - 4)));
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Cannot read " + f + "; the deploy it points at is not taken up", e);
            }
        }
        return found;
    }

    /** Drops the pointer to a deploy whose build is gone. */
    static void forgetPointer(String id) {
        try {
            Files.deleteIfExists(pointerOf(id).toPath());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot delete " + pointerOf(id), e);
        }
    }

    /** Keeps a deploy that is about to start, and points Jenkins' home at it. */
    private void begin(KeptCall kept, Run<?, ?> run) throws IOException {
        save(kept);
        Properties p = new Properties();
        p.setProperty("job", run.getParent().getFullName());
        p.setProperty("build", Integer.toString(run.getNumber()));
        write(pointer, out -> p.store(out, "A deploy of this build, kept until it ends: " + dir));
    }

    /**
     * Keeps a deploy or release that is about to start, before the client is called, and claims it for this Jenkins.
     *
     * @param what names it in a failure, capitalised: {@code The deploy to task 'T' on server 'S'}
     * @throws AemException ({@link FailureKind#DEPLOY_REFUSED}) when it cannot be kept: nothing was sent
     */
    void keep(KeptCall kept, Run<?, ?> run, String what) {
        try {
            begin(kept, run);
        } catch (IOException e) {
            end();
            throw AemException.of(FailureKind.DEPLOY_REFUSED, what + " could not be kept in the build's folder ("
                    + e.getMessage() + "), so that it could not outlive a restart of Jenkins; nothing was sent to AEM.")
                    .remedy("Check the controller's disk, then build again.").build();
        }
        InterruptedDeploys.get().claim(id);
    }

    /**
     * Follows the client's deploy or release kept here: its end deletes what was kept and frees its claim, unless
     * Jenkins is stopping, which stops it where it is for it to be taken up after the restart ({@code stopping} says
     * so in the console). A request the client refuses before it starts keeps nothing.
     */
    <T> CompletableFuture<T> follow(Supplier<CompletableFuture<T>> sending, Runnable stopping) {
        CompletableFuture<T> started;
        try {
            started = sending.get();
        } catch (RuntimeException refused) {
            finish();
            throw refused;
        }
        started.whenComplete((outcome, failure) -> {
            if (failure != null && ClientPoolHolder.stoppedByShutdown(failure)) {
                stopping.run();
            } else {
                finish();
            }
        });
        return started;
    }

    /** The call ended: its files go, and this Jenkins no longer holds it. */
    private void finish() {
        end();
        InterruptedDeploys.get().release(id);
    }

    /** Writes the deploy's record again (a backup was kept). */
    void save(KeptCall kept) throws IOException {
        new XmlFile(XSTREAM, new File(dir, "deploy.xml")).write(kept);
    }

    /** The deploy's record, or {@code null} when there is none (it ended, or never began). */
    @CheckForNull
    KeptCall read() throws IOException {
        XmlFile file = new XmlFile(XSTREAM, new File(dir, "deploy.xml"));
        return file.exists() ? (KeptCall) file.read() : null;
    }

    /** Keeps the last checkpoint of the deploy (of a task of the release), in place of the one before. */
    void checkpoint(DeployCheckpoint checkpoint) throws IOException {
        String json = checkpoint.toJson();
        String name = checkpoint.release() == null ? "checkpoint.json"
                : "checkpoint-" + HexFormat.of().formatHex(checkpoint.task().getBytes(StandardCharsets.UTF_8)) + ".json";
        write(new File(dir, name), out -> out.write(json));
    }

    /** The last checkpoint of each task of a release that kept one, in no order. */
    List<DeployCheckpoint> releaseCheckpoints() throws IOException {
        File[] files = dir.listFiles((d, name) -> name.startsWith("checkpoint-") && name.endsWith(".json"));
        List<DeployCheckpoint> found = new ArrayList<>();
        for (File f : files == null ? new File[0] : files) {
            found.add(DeployCheckpoint.fromJson(Files.readString(f.toPath(), StandardCharsets.UTF_8)));
        }
        return found;
    }

    /** The last checkpoint kept, or {@code null} when none was (the deploy had sent nothing). */
    @CheckForNull
    DeployCheckpoint checkpoint() throws IOException {
        File f = new File(dir, "checkpoint.json");
        return f.exists() ? DeployCheckpoint.fromJson(Files.readString(f.toPath(), StandardCharsets.UTF_8)) : null;
    }

    /** Whether the deploy is kept: it began, and has not ended. */
    boolean exists() {
        return new File(dir, "deploy.xml").exists();
    }

    /** The deploy ended: its files go, the encrypted backup with them. */
    void end() {
        try {
            Files.deleteIfExists(pointer.toPath());
            Util.deleteRecursive(dir);
            File parent = dir.getParentFile();
            String[] left = parent.list();
            if (left != null && left.length == 0) {
                Files.deleteIfExists(parent.toPath());
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot delete " + dir + " after its deploy ended; delete it by hand", e);
        }
    }

    private interface Writing {
        void to(AtomicFileWriter out) throws IOException;
    }

    /** Writes {@code file} whole, synced to disk, or leaves it as it was. */
    private static void write(File file, Writing writing) throws IOException {
        AtomicFileWriter out = new AtomicFileWriter(file.toPath(), StandardCharsets.UTF_8);
        try {
            writing.to(out);
            out.commit();
        } finally {
            out.abort();
        }
    }
}
