package io.jenkins.plugins.aem.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * AEM's role ladder, Viewer &lt; Operator &lt; Designer (aem-release-api.md section 10), as a user holds it on
 * "All Tasks" or on "All Endpoints". {@link #NONE} is no role at all.
 */
public enum Role {
    /** No role: every call on the object is refused. */
    NONE,
    /** Reads only. */
    VIEWER,
    /** Reads, runs and stops; exports a task when it also holds Operator on All Endpoints. */
    OPERATOR,
    /** Everything an operator does, plus importing and deleting tasks (and endpoints, on All Endpoints). */
    DESIGNER;

    /** Whether this role includes {@code other}. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /**
     * What a logged-in user may do (aem-api.md section 2.5, aem-release-api.md section 10): a role on All Tasks, a role
     * on All Endpoints, and Operator on some tasks by name (a least-privilege CI account holds only these).
     *
     * @param allTasks       the role on All Tasks (inherited by every task)
     * @param operatorTasks  wire names of tasks the user holds Operator on, beyond {@code allTasks}
     * @param allEndpoints   the role on All Endpoints
     */
    record Access(Role allTasks, Set<String> operatorTasks, Role allEndpoints) {
        static final Access OPERATOR_ALL = new Access(OPERATOR, Set.of(), OPERATOR);

        Access {
            Objects.requireNonNull(allTasks, "allTasks");
            Objects.requireNonNull(allEndpoints, "allEndpoints");
            operatorTasks = Set.copyOf(operatorTasks);
        }

        /** GetServerList, GetServerDetails and GetTaskList need Viewer on all servers, the server or all tasks. */
        boolean mayList() {
            return allTasks.includes(VIEWER);
        }

        /** GetTaskDetails needs Viewer on the task; Operator on it includes that. */
        boolean mayRead(String task) {
            return allTasks.includes(VIEWER) || operatorTasks.contains(task);
        }

        /** RunTask and StopTask, and the task half of ExportTask, need Operator on the task. */
        boolean mayCommand(String task) {
            return allTasks.includes(OPERATOR) || operatorTasks.contains(task);
        }

        /** DeleteTask needs Designer on the task; ImportTask needs Designer on All Tasks. */
        boolean mayDesignTasks() {
            return allTasks.includes(DESIGNER);
        }

        /** GetEndpointList needs Viewer on All Endpoints. */
        boolean mayListEndpoints() {
            return allEndpoints.includes(VIEWER);
        }

        /** ExportTask needs Operator on All Endpoints, whether or not it exports them. */
        boolean mayExportEndpoints() {
            return allEndpoints.includes(OPERATOR);
        }

        /** An ImportTask whose JSON carries endpoints needs Designer on All Endpoints. */
        boolean mayDesignEndpoints() {
            return allEndpoints.includes(DESIGNER);
        }
    }
}
