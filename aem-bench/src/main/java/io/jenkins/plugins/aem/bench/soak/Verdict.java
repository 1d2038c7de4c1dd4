package io.jenkins.plugins.aem.bench.soak;

/**
 * The checker's judgement of one operation.
 *
 * @param correct    the outcome agrees with the simulator's ground truth
 * @param late       it ended more than 5 s after its deadline
 * @param duplicates run or stop POSTs sent for it beyond the first (not counting ones AEM refused for the session)
 * @param why        for a wrong or late operation, what disagreed; otherwise the rule that made it correct
 */
record Verdict(boolean correct, boolean late, int duplicates, String why) {
}
