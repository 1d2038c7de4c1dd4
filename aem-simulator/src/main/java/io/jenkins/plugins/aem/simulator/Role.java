package io.jenkins.plugins.aem.simulator;

import java.util.Set;

/**
 * What a user may do (aem-api.md section 2.5): an operator runs and stops every task and reads everything; a viewer
 * only reads; a task operator holds Operator on named tasks and nothing above them, so AEM refuses it the server list,
 * server details, task lists and every other task, as it refuses a least-privilege CI account.
 */
enum Role {
    OPERATOR, VIEWER, TASK_OPERATOR;

    /** What a logged-in user may do: a role and, for a task operator, the wire names of its tasks. */
    record Access(Role role, Set<String> tasks) {
        static final Access OPERATOR_ALL = new Access(OPERATOR, Set.of());

        Access {
            tasks = Set.copyOf(tasks);
        }

        /** GetServerList, GetServerDetails and GetTaskList need Viewer on all servers, the server or all tasks. */
        boolean mayList() {
            return role != TASK_OPERATOR;
        }

        /** GetTaskDetails needs Viewer on the task; Operator on it includes that. */
        boolean mayRead(String task) {
            return role != TASK_OPERATOR || tasks.contains(task);
        }

        /** RunTask and StopTask need Operator on the task. */
        boolean mayCommand(String task) {
            return role == OPERATOR || role == TASK_OPERATOR && tasks.contains(task);
        }
    }
}
