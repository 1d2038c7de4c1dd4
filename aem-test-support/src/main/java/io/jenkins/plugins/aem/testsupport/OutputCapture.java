package io.jenkins.plugins.aem.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Copies everything written to {@code System.out} and {@code System.err}, and every {@code java.util.logging} record,
 * into one buffer, while still printing it as before. Positions in the buffer are absolute byte offsets from the
 * moment of installation, so a test class, a test and the whole session each scan their own stretch of it.
 */
final class OutputCapture {

    /**
     * The most text kept. A whole test JVM of this project prints well under a megabyte; the bound only keeps a
     * runaway test from exhausting the heap. Past it the oldest text is dropped, and scans see what is left.
     */
    static final int MAX_RETAINED = 64 * 1024 * 1024;

    /** The project's loggers, logged at every level: what a user turning on debug logging would see is scanned too. */
    private static final String PROJECT_LOGGER = "io.jenkins.plugins.aem";

    private final Object lock = new Object();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Charset charset = Charset.defaultCharset();
    private final PrintStream originalErr;
    private long dropped; // bytes dropped from the front of the buffer
    // Held so the level set on it is not lost: LogManager keeps loggers only weakly.
    private Logger projectLogger;

    private OutputCapture(PrintStream originalErr) {
        this.originalErr = originalErr;
    }

    /** Starts capturing; called once per JVM, by {@link SuiteScan}. */
    static OutputCapture install() {
        OutputCapture capture = new OutputCapture(System.err);
        System.setOut(capture.tee(System.out));
        System.setErr(capture.tee(System.err));
        // The root logger's own level is left alone: at ALL the JDK's HTTP classes would log request headers,
        // Authorization included, at FINE, and the scan would flag the JDK's debug output instead of ours.
        Logger.getLogger("").addHandler(capture.logHandler());
        capture.projectLogger = Logger.getLogger(PROJECT_LOGGER);
        if (capture.projectLogger.getLevel() == null) {
            capture.projectLogger.setLevel(Level.ALL);
        }
        return capture;
    }

    /** {@code System.err} as it was before the capture: for messages that must not be scanned themselves. */
    PrintStream originalErr() {
        return originalErr;
    }

    /** The offset of the next byte to be captured. */
    long position() {
        synchronized (lock) {
            return dropped + buffer.size();
        }
    }

    /** The text captured from this offset on (or from the oldest text kept, if that is later). */
    String textFrom(long from) {
        synchronized (lock) {
            byte[] all = buffer.toByteArray();
            int start = (int) Math.max(0, Math.min(all.length, from - dropped));
            return new String(all, start, all.length - start, charset);
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        synchronized (lock) {
            buffer.write(bytes, offset, length);
            if (buffer.size() > MAX_RETAINED) {
                byte[] all = buffer.toByteArray();
                int drop = all.length - MAX_RETAINED / 2;
                buffer.reset();
                buffer.write(all, drop, all.length - drop);
                dropped += drop;
            }
        }
    }

    private PrintStream tee(PrintStream original) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                append(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                append(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new PrintStream(both, true, charset);
    }

    private Handler logHandler() {
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter text = new StringWriter();
                text.append(formatter.format(record));
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        text.append(' ').append(String.valueOf(p)); // parameters the format did not use still count
                    }
                }
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                byte[] bytes = text.toString().getBytes(charset);
                append(bytes, 0, bytes.length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        return handler;
    }
}
