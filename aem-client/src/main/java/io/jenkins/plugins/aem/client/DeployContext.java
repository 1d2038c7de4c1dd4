package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;

/**
 * What every step of one deploy shares: the request, its clock and journal, its AEM calls and what is in flight, the
 * task's run and stop, what has changed so far, and the record of what was sent.
 *
 * @param request the request
 * @param clock   the deploy's deadlines
 * @param journal what the deploy says
 * @param calls   the AEM calls on the task
 * @param flight  the requests of the steps forward (cancelled with the deploy)
 * @param control the task's run and stop
 * @param changes what may have changed so far
 * @param ledger  what was sent, for the checkpoints
 * @param client  the client, for the run and stop of other tasks
 * @param user    the account deploying, as messages name it
 */
record DeployContext(DeployRequest request, DeployClock clock, DeployJournal journal, DefinitionCalls calls,
                     InFlight flight, TaskControl control, DeployChanges changes, DeployLedger ledger, AemClient client,
                     String user) {

    TaskRef task() {
        return request.task();
    }

    /** AEM's words about a request that carried secrets, with every secret given replaced by {@code ****}. */
    String redact(String text) {
        return EndpointSecret.redact(text, request.secrets().values());
    }

    /**
     * This deploy's shared state with {@code deadline} for everything: a restore made after the deploy ended (an atomic
     * release putting back a task it deployed) has time of its own, not what was left of the deploy's.
     */
    DeployContext restoringWithin(Deadline deadline) {
        return new DeployContext(request, new DeployClock(deadline, deadline), journal, calls, flight, control, changes,
                ledger, client, user);
    }

    /** The run and stop of another task of the server, sharing this deploy's journal and cancel. */
    TaskControl control(String otherTask) {
        return new TaskControl(client, new TaskRef(task().server(), otherTask), journal, flight, calls.reader());
    }
}
