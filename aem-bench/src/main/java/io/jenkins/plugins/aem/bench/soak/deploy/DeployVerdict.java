package io.jenkins.plugins.aem.bench.soak.deploy;

/**
 * The judge's word on one deploy.
 *
 * @param right whether the outcome, the exit code and the message agree with the ground truth
 * @param lost  whether a task that existed before the deploy no longer does
 * @param why   what disagreed, or the rule that made it right
 */
record DeployVerdict(boolean right, boolean lost, String why) {

    static DeployVerdict right(String why) {
        return new DeployVerdict(true, false, why);
    }

    static DeployVerdict wrong(String why) {
        return new DeployVerdict(false, false, why);
    }
}
