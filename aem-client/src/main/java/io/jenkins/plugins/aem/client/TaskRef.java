package io.jenkins.plugins.aem.client;

/**
 * A task on a server managed by AEM, by the display names AEM shows.
 *
 * @param server the server's name in AEM
 * @param task   the task's name as AEM addresses it: for Compose, {@code task__project} (see {@link #compose})
 */
public record TaskRef(String server, String task) {

    /** Separator AEM puts between a Compose task (or workflow) and its project. */
    public static final String COMPOSE_SEPARATOR = "__";

    /**
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when a name is missing or blank
     */
    public TaskRef {
        server = requireName("server", server, "the server's name as AEM shows it");
        task = requireName("task", task, "the task's name as AEM shows it");
    }

    /**
     * A task given by name and optional project. With a project, AEM's Compose form {@code task__project} is used.
     *
     * @param server  the server's name
     * @param task    the task (or Compose workflow) name
     * @param project the Compose project, or {@code null}/blank for a Replicate task
     */
    public static TaskRef of(String server, String task, String project) {
        if (project == null || project.isBlank()) {
            return new TaskRef(server, task);
        }
        String name = requireName("task", task, "the task's name as AEM shows it");
        return new TaskRef(server, name + COMPOSE_SEPARATOR + requireName("project", project, "the Compose project's name"));
    }

    static String requireName(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw AemException.invalidInput(field, "is empty. Give " + what + ".");
        }
        if (!value.equals(value.strip())) {
            throw AemException.invalidInput(field, "'" + value + "' starts or ends with white space. Remove it; AEM "
                    + "names are matched exactly.");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw AemException.invalidInput(field, "contains a control character. Give " + what + ".");
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return "task '" + task + "' on server '" + server + "'";
    }
}
