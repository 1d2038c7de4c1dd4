package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.client.Timeouts;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Where a step works, as the user gave it and frozen when the step starts: the connection (or URL and credentials),
 * the server, the task (none for a step over a server's tasks), and the step's timeout. Every step has these; a run's
 * or a deploy's own fields are frozen beside it. Serializable (plain fields) because a pipeline step keeps it across a
 * controller restart.
 */
public final class TaskTarget implements ConnectionFields, Serializable {

    private static final long serialVersionUID = 1L;

    private final String connection;
    private final String url;
    private final String credentialsId;
    private final String server;
    private final String task;
    private final String project;
    private final Integer timeoutSeconds;

    /**
     * @param expand expands build variables in the URL and the names; the identity for a pipeline step, whose Groovy
     *               strings are interpolated already
     */
    public TaskTarget(TaskParameters p, UnaryOperator<String> expand) {
        this(p, p.getTask(), p.getProject(), expand);
    }

    private TaskTarget(ServerParameters p, String task, String project, UnaryOperator<String> expand) {
        UnaryOperator<String> e = value -> value == null ? null : expand.apply(value);
        this.connection = blankToNull(p.getConnection());
        this.url = blankToNull(e.apply(p.getUrl()));
        this.credentialsId = blankToNull(p.getCredentialsId());
        this.server = e.apply(p.getServer());
        this.task = e.apply(task);
        this.project = blankToNull(e.apply(project));
        this.timeoutSeconds = p.getTimeout();
    }

    /** Where a step over a server's tasks works: a target without a task (its {@link #taskRef()} fails). */
    public static TaskTarget ofServer(ServerParameters p, UnaryOperator<String> expand) {
        return new TaskTarget(p, null, null, expand);
    }

    @CheckForNull
    @Override
    public String connection() {
        return connection;
    }

    @CheckForNull
    @Override
    public String url() {
        return url;
    }

    @CheckForNull
    @Override
    public String credentialsId() {
        return credentialsId;
    }

    /** The connection as the step names it: a global connection's name, or the URL; empty when neither is given. */
    public String connectionText() {
        return connection != null ? connection : url == null ? "" : url;
    }

    /** The server as the step names it, for the build's page and the requests (which check it). */
    public String serverText() {
        return server == null ? "" : server;
    }

    /** The task as the step names it, with its Compose project, for the build's page. */
    public String taskText() {
        return (task == null ? "" : task) + (project == null ? "" : " (project " + project + ")");
    }

    /** The task as AEM addresses it. @throws io.jenkins.plugins.aem.client.AemException for a blank name */
    public TaskRef taskRef() {
        return TaskRef.of(server, task, project);
    }

    /** Whether the step gave a timeout of its own. */
    public boolean hasTimeout() {
        return timeoutSeconds != null;
    }

    /** The deadline of the whole operation: this step's timeout, else the connection's default. */
    public Duration timeout(@CheckForNull Duration connectionDefault) {
        if (timeoutSeconds != null) {
            return Timeouts.ofSeconds(timeoutSeconds);
        }
        return Timeouts.check(connectionDefault);
    }

    @CheckForNull
    static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
