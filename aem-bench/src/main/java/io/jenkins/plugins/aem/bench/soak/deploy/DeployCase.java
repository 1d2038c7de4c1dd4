package io.jenkins.plugins.aem.bench.soak.deploy;

/**
 * One deploy of the soak, planned.
 *
 * @param id          its number in the soak
 * @param scenario    what it does
 * @param input       how it is asked for
 * @param expectation what it must do when nothing gets in its way
 * @param fault       the fault armed for it, or null
 * @param viaCli      through {@code aem deploy-task} in process (else the client's {@code deploy})
 * @param before      the target task's ground truth before it
 */
record DeployCase(int id, DeployScenario scenario, DeployInput input, Expectation expectation, DeployFault fault,
                  boolean viaCli, TaskTruth before) {

    String task() {
        return input.task();
    }

    /** One line for the report. */
    String describe() {
        return "#" + id + " " + scenario + " " + input.task() + (before.isRunning() ? " (RUNNING)" : "")
                + (viaCli ? " via aem" : " via client") + (fault == null ? "" : " fault=" + fault);
    }
}
