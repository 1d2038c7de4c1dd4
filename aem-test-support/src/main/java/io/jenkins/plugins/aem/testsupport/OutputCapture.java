package io.jenkins.plugins.aem.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Copies everything written to {@code System.out}, {@code System.err} and {@code java.util.logging} (every record a
 * logger lets through, with its stack trace) into one buffer, while still printing it as before. Installed once per JVM by the scan.
 */
final class OutputCapture {

    private static OutputCapture installed;

    private final Object lock = new Object();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long discarded; // bytes dropped from the front of the buffer
    private final TreeMap<Long, Integer> openMarks = new TreeMap<>(); // mark -> how many open scopes started there
    private final Charset charset = Charset.defaultCharset();

    private OutputCapture() {
    }

    /** Installs the capture unless it is installed already. */
    static synchronized OutputCapture install() {
        if (installed == null) {
            OutputCapture capture = new OutputCapture();
            System.setOut(capture.tee(System.out));
            System.setErr(capture.tee(System.err));
            // Whatever the loggers let through is captured; levels stay as configured, so the scan sees what a user
            // would see, and the JDK's HTTP server does not start logging every exchange.
            Logger.getLogger("").addHandler(capture.logHandler());
            installed = capture;
        }
        return installed;
    }

    /** Starts a scope: what is captured from now on is kept until the scope is closed. */
    long open() {
        synchronized (lock) {
            long mark = discarded + buffer.size();
            openMarks.merge(mark, 1, Integer::sum);
            return mark;
        }
    }

    /** Ends a scope and returns what was captured during it; text no open scope needs any more is dropped. */
    String close(long mark) {
        synchronized (lock) {
            byte[] all = buffer.toByteArray();
            int from = (int) Math.max(0, Math.min(all.length, mark - discarded));
            String text = new String(all, from, all.length - from, charset);
            openMarks.computeIfPresent(mark, (m, n) -> n == 1 ? null : n - 1);
            long keepFrom = openMarks.isEmpty() ? discarded + all.length : openMarks.firstKey();
            int drop = (int) Math.max(0, keepFrom - discarded);
            if (drop > 0) {
                buffer.reset();
                buffer.write(all, drop, all.length - drop);
                discarded += drop;
            }
            return text;
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        synchronized (lock) {
            buffer.write(bytes, offset, length);
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
