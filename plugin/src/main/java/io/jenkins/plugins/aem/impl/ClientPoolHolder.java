package io.jenkins.plugins.aem.impl;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.FailureKind;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Owns the controller's one {@link AemClientPool}, so that every build shares AEM sessions and the small set of client
 * threads. Created on first use; closed when Jenkins shuts down, after which waits end and are picked up again on
 * restart ({@link #isShuttingDown()} tells a step not to fail its build for that).
 */
@Extension
@Restricted(NoExternalUse.class)
public final class ClientPoolHolder {

    private AemClientPool pool;
    private boolean shuttingDown;

    /** The holder of this controller. */
    public static ClientPoolHolder get() {
        return ExtensionList.lookupSingleton(ClientPoolHolder.class);
    }

    /** A client for these settings, sharing the pool's sessions and threads. */
    public synchronized AemClient client(ConnectionSettings settings) {
        if (shuttingDown) {
            throw AemException.of(FailureKind.CANCELLED, "Jenkins is shutting down; nothing was sent to AEM.").build();
        }
        if (pool == null) {
            pool = AemClientPool.create();
        }
        return pool.client(settings);
    }

    /** Whether waits are ending because Jenkins is shutting down rather than because a build was aborted. */
    public synchronized boolean isShuttingDown() {
        return shuttingDown;
    }

    /** Whether a call failed because Jenkins is shutting down (the client stopped it, to be taken up after). */
    static boolean stoppedByShutdown(Throwable failure) {
        return FailureReporter.unwrap(failure).kind() == FailureKind.CANCELLED && get().isShuttingDown();
    }

    /** Ends every wait (pipeline steps resume after the restart) and logs out of every AEM. */
    @Terminator
    public void close() {
        AemClientPool toClose;
        synchronized (this) {
            shuttingDown = true;
            toClose = pool;
            pool = null;
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
