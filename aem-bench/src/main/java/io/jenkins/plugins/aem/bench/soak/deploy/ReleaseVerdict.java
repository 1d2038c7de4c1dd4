package io.jenkins.plugins.aem.bench.soak.deploy;

/**
 * The judge's word on one release.
 *
 * @param right whether the outcome, the exit code and the messages agree with the ground truth
 * @param mixed whether an atomic release ended with some of its changes made and others not, beyond the tasks it
 *              named as not back
 * @param lost  how many tasks that existed before the release no longer do, once the tasks named were restored
 * @param why   what disagreed, or the rule that made it right
 */
record ReleaseVerdict(boolean right, boolean mixed, int lost, String why) {

    static ReleaseVerdict right(String why) {
        return new ReleaseVerdict(true, false, 0, why);
    }

    static ReleaseVerdict wrong(String why) {
        return new ReleaseVerdict(false, false, 0, why);
    }
}
