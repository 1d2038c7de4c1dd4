package io.jenkins.plugins.aem.impl;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.time.Duration;

/**
 * What a step needs to talk to AEM once its input is checked: the connection it resolved (said in the console), a
 * client of the controller's shared pool, and the console that prints the client's progress.
 *
 * @param connection where and as whom
 * @param client     the client, sharing sessions and threads with every other build
 * @param console    prints progress lines with the {@code [AEM]} prefix
 * @param timeout    the step's whole time: its own timeout, else the connection's default
 */
public record StepClient(ResolvedConnection connection, AemClient client, ConsoleProgress console, Duration timeout) {

    /**
     * Resolves the connection, says which one is used (in the console and on the build's page), and hands out a client.
     *
     * @param recorder the step's record on the build's page, told of every event and fact after it is printed
     * @param also     told of every progress event after that
     * @throws io.jenkins.plugins.aem.client.AemException ({@code INVALID_INPUT}) for an unusable connection or timeout
     */
    public static StepClient open(TaskTarget target, StepEnvironment env, ConnectionResolver.Purpose purpose,
                                  StepRecorder recorder, ProgressListener also) {
        ResolvedConnection connection = ConnectionResolver.forBuild(target, env.run(), purpose);
        Duration timeout = target.timeout(connection.defaultTimeout());
        ConsoleProgress console = new ConsoleProgress(env.listener().getLogger(), recorder.and(also));
        AemClient client = ClientPoolHolder.get().client(connection.settings());
        console.say("Using " + connection.label());
        recorder.connection(connection.label());
        return new StepClient(connection, client, console, timeout);
    }
}
