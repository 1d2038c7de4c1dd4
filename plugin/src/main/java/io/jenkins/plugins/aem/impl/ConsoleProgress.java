package io.jenkins.plugins.aem.impl;

import io.jenkins.plugins.aem.client.ProgressEvent;
import io.jenkins.plugins.aem.client.ProgressFact;
import io.jenkins.plugins.aem.client.ProgressListener;
import java.io.PrintStream;

/**
 * Prints the client's progress to the build console, one line per event with the elapsed time, and hands each event on
 * (a pipeline step records when the command was sent), with every fact (for the build's AEM page). The client words
 * the events without secrets.
 */
public final class ConsoleProgress implements ProgressListener {

    /** The prefix of every line this plugin prints, so they are easy to find in a long log. */
    public static final String PREFIX = "[AEM] ";

    private final PrintStream console;
    private final ProgressListener next;

    public ConsoleProgress(PrintStream console, ProgressListener next) {
        this.console = console;
        this.next = next;
    }

    @Override
    public void onProgress(ProgressEvent event) {
        console.println(PREFIX + event.format());
        next.onProgress(event);
    }

    /** Facts are not printed: the events already say them in words. */
    @Override
    public void onFact(ProgressFact fact) {
        next.onFact(fact);
    }

    /** Prints one line of the plugin's own. */
    public void say(String line) {
        console.println(PREFIX + line);
    }
}
