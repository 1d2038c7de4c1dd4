package io.jenkins.plugins.aem.bench.soak;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything the soak's client and simulator could show anybody: every {@code java.util.logging} record at
 * any level (formatted with its parameters and stack trace, as a log file would hold it), everything written to
 * {@code System.out} and {@code System.err}, and whatever the soak adds itself (progress events, exception texts).
 * The soak then scans it all for secrets.
 */
public final class OutputCapture implements AutoCloseable {

    private static final String[] LOGGERS = {"", "io.jenkins.plugins.aem", "org.apache.hc"};

    private final List<String> chunks = new ArrayList<>();
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final List<Level> originalLevels = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts capturing: logging at every level, standard output and error (still shown on the console). */
    public OutputCapture() {
        handler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            originalLevels.add(logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        // Only the root gets the handler: records of every logger reach it through their parents.
        Logger.getLogger("").addHandler(handler);
        // The root's console handler keeps its own level, so FINE records are captured here but not printed.
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    }

    /** Adds a text the soak produced itself (a progress line, an exception's message). */
    public synchronized void add(String text) {
        if (text != null) {
            chunks.add(text);
        }
    }

    /**
     * Adds every text a failure shows: its message, the client's remedy and AEM's message, and the same for each
     * cause, as a build log or {@code --verbose} output would print them.
     */
    public void addFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            add(t.toString());
            if (t instanceof io.jenkins.plugins.aem.client.AemException e) {
                add(e.remedy());
                add(e.aemMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
    }

    /** Everything captured so far, as one text. */
    public synchronized String text() {
        StringBuilder all = new StringBuilder();
        chunks.forEach(c -> all.append(c).append('\n'));
        all.append(streams.toString(StandardCharsets.UTF_8));
        return all.toString();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        for (int i = 0; i < LOGGERS.length; i++) {
            Logger.getLogger(LOGGERS[i]).setLevel(originalLevels.get(i));
        }
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Writes to the console and to the capture. */
    private final class Tee extends OutputStream {
        private final OutputStream console;

        Tee(OutputStream console) {
            this.console = console;
        }

        @Override
        public void write(int b) {
            synchronized (OutputCapture.this) {
                streams.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException ignored) {
                // the console is gone; the capture still has it
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (OutputCapture.this) {
                streams.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // as above
            }
        }
    }
}
