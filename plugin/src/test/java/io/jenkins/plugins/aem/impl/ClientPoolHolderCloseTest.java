package io.jenkins.plugins.aem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemJenkinsTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Closing the controller's client pool, as Jenkins does at every shutdown, must leave nothing in Jenkins' log: the
 * crowd benchmark and the soak showed HttpCore's I/O workers logging a SEVERE {@code ClosedSelectorException} each time.
 */
class ClientPoolHolderCloseTest extends AemJenkinsTest {

    @Test
    void closingAfterUseLogsNoError() throws Exception {
        runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'", Result.SUCCESS);
        Logger httpComponents = Logger.getLogger("org.apache.hc");
        List<LogRecord> severe = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    severe.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        httpComponents.addHandler(capture);
        try {
            ClientPoolHolder.get().close();
            Thread.sleep(1_000); // the I/O workers end on their own threads
        } finally {
            httpComponents.removeHandler(capture);
        }
        assertEquals(List.of(), severe.stream().map(r -> r.getLoggerName() + ": " + r.getThrown()).toList());
    }
}
