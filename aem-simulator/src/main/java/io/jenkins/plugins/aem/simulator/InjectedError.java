package io.jenkins.plugins.aem.simulator;

import java.util.Objects;

/**
 * An error code a task answers to run or stop, configured per task.
 *
 * @param code the {@code error_code} to answer, e.g. {@code AEM_RUN_TASK_INNER_ERR}
 * @param once true to answer it to the next command only, false to answer it to every command
 */
public record InjectedError(String code, boolean once) {

    /** Checks the code is given. */
    public InjectedError {
        Objects.requireNonNull(code, "code");
    }

    /**
     * Whether a command answered with this code still takes effect. A *_TIMEOUT answer means AEM accepted the
     * command and merely stopped waiting, so the simulator carries it out; every other code refuses it.
     */
    public boolean commandTakesEffect() {
        return code.endsWith("_TIMEOUT");
    }
}
