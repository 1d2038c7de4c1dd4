package io.jenkins.plugins.aem.builders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the plugin logs to Jenkins' log while it takes up, at startup, the deploys of builds that ended with a restart. */
final class RecoveryLog extends Handler {

    /** Held here: a logger only weakly held by its name would lose the handler. */
    private static final Logger RECOVERY = Logger.getLogger("io.jenkins.plugins.aem.impl.InterruptedDeploys");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    RecoveryLog start() {
        RECOVERY.addHandler(this);
        return this;
    }

    @Override
    public void close() {
        RECOVERY.removeHandler(this);
    }

    /** Every message logged since {@link #start()}. */
    List<String> lines() {
        return lines;
    }

    /** Whether a message starting with {@code start} was logged. */
    boolean has(String start) {
        return lines.stream().anyMatch(l -> l.startsWith(start));
    }

    @Override
    public void publish(LogRecord r) {
        lines.add(r.getMessage());
    }

    @Override
    public void flush() {
    }
}
