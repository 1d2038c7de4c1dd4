package io.jenkins.plugins.aem.report;

import com.thoughtworks.xstream.io.xml.CompactWriter;
import hudson.XmlFile;
import hudson.util.AtomicFileWriter;
import hudson.model.Run;
import hudson.util.XStream2;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * The records of every AEM step of one build, in the order the steps started, kept in the build's folder as
 * {@value #FILE_NAME} rather than in {@code build.xml}, so that loading a build does not load its pages. It is also the
 * lock every record of the build changes and is read under. A save happens off the caller's thread (the client's
 * threads must not wait on a disk): at once after what the page must not lose (a step started or ended, a plan, an
 * action) within {@link #SOON_SAVE_SECONDS}, otherwise within {@link #LAZY_SAVE_SECONDS} (the readings of a health
 * wait); a step's start is saved before the step goes on, so that a restart always finds it.
 */
public final class StepRecords {

    /** The file in the build's folder. */
    public static final String FILE_NAME = "aem-steps.xml";

    /** A build keeps the records of its first this-many AEM steps; a build that runs more counts the others. */
    static final int MAX_STEPS = 500;

    static final int LAZY_SAVE_SECONDS = 30;

    /** How long changes that must be kept soon gather before one save: a set of deploys changes many at once. */
    static final int SOON_SAVE_SECONDS = 1;

    private static final Logger LOGGER = Logger.getLogger(StepRecords.class.getName());

    /**
     * The form of the file: short element names, as a long health wait or a set of 300 deploys writes many. (Jenkins'
     * class filter refuses primitives as XML attributes, so values stay elements.)
     */
    private static final XStream2 XSTREAM = new XStream2();

    static {
        XSTREAM.alias("aem-steps", StepRecords.class);
        XSTREAM.alias("command", CommandRecord.class);
        XSTREAM.alias("status", StatusRecord.class);
        XSTREAM.alias("health", HealthRecord.class);
        XSTREAM.alias("export", ExportRecord.class);
        XSTREAM.alias("file", ExportRecord.Row.class);
        XSTREAM.alias("deploy", DeployRecord.class);
        XSTREAM.alias("report", DeployReport.class);
        XSTREAM.alias("change", PlanRow.class);
        XSTREAM.alias("line", TimedLine.class);
        XSTREAM.alias("readings", HealthReadings.class);
        XSTREAM.alias("r", HealthReadings.Reading.class);
    }

    private final List<StepRecord> steps = new ArrayList<>();
    private int notKept;
    private transient Run<?, ?> run;
    private transient XmlFile file;
    private transient boolean soonPending;
    private transient boolean latePending;

    private StepRecords() {
    }

    /** Reads a build's records, or starts them empty. */
    static StepRecords load(Run<?, ?> run) {
        XmlFile file = new XmlFile(XSTREAM, new File(run.getRootDir(), FILE_NAME));
        StepRecords records = null;
        if (file.exists()) {
            try {
                records = (StepRecords) file.read();
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Cannot read " + file + "; the build's AEM page starts afresh", e);
            }
        }
        StepRecords loaded = records == null ? new StepRecords() : records;
        loaded.run = run;
        loaded.file = file;
        loaded.steps.forEach(s -> s.owner = loaded);
        return loaded;
    }

    Run<?, ?> run() {
        return run;
    }

    /** Adds a step's record and numbers it; a step past {@link #MAX_STEPS} is counted, not kept. */
    synchronized StepRecord add(StepRecord record) {
        if (steps.size() >= MAX_STEPS) {
            notKept++;
            return record; // fed and dropped: the step runs as always
        }
        steps.add(record);
        record.number(steps.size());
        record.owner = this;
        save();
        return record;
    }

    synchronized List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    /** The record numbered {@code id}, or {@code null}. */
    synchronized StepRecord step(int id) {
        return id >= 1 && id <= steps.size() ? steps.get(id - 1) : null;
    }

    synchronized int notKept() {
        return notKept;
    }

    /** Has the file written: soon, or within {@link #LAZY_SAVE_SECONDS}. */
    void changed(boolean urgent) {
        synchronized (this) {
            if (soonPending || !urgent && latePending) {
                return;
            }
            if (urgent) {
                soonPending = true;
            } else {
                latePending = true;
            }
        }
        Timer.get().schedule(this::save, urgent ? SOON_SAVE_SECONDS : LAZY_SAVE_SECONDS, TimeUnit.SECONDS);
    }

    /** Writes the file now, without indentation: a set of hundreds of deploys has many short elements. */
    synchronized void save() {
        soonPending = false;
        latePending = false;
        try {
            AtomicFileWriter out = new AtomicFileWriter(file.getFile().toPath(), StandardCharsets.UTF_8);
            try {
                out.write("<?xml version='1.1' encoding='UTF-8'?>\n");
                XSTREAM.marshal(this, new CompactWriter(out));
                out.commit();
            } finally {
                out.abort();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot write " + file + "; the build's AEM page may miss its latest changes", e);
        }
    }

    /** The file's size in bytes, for the tests of its bound. */
    long fileSize() {
        return file.getFile().length();
    }
}
