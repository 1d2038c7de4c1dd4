package io.jenkins.plugins.aem.impl;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.concurrent.CompletableFuture;

/**
 * What a deploy or a release keeps in its build's folder ({@link DeployStore}) so that it outlives the controller:
 * {@link KeptDeploy} for one task, {@link KeptRelease} for a set. Either names the call that began it, which takes it up
 * again.
 */
interface KeptCall {

    /** Whether a pipeline step resumes it; else (a freestyle build) the plugin does at startup. */
    boolean pipeline();

    /** The call that began it. */
    Recoverable call();

    /** A call whose deploys Jenkins can take up at startup, for a build that cannot resume its step itself. */
    interface Recoverable {

        /**
         * Takes the call's deploys up, its lines going to {@code log}, its end recorded on the build's AEM page.
         *
         * @return how it ended, in words, for Jenkins' log
         * @throws AbortException when it cannot be taken up (said in the message), or there is nothing to take up
         */
        CompletableFuture<String> recover(Run<?, ?> run, TaskListener log) throws AbortException;
    }
}
