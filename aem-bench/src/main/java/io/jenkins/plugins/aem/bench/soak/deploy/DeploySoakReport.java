package io.jenkins.plugins.aem.bench.soak.deploy;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a deploy soak found: counts by exit code, scenario and fault step, the problems, and as the very last line
 * {@code DEPLOY_SOAK deploys=.. succeeded=.. restored=.. wrong=.. lost_tasks=.. leaked_secrets=..}.
 *
 * @param deploys   deploys run
 * @param succeeded deploys that ended 0
 * @param restored  deploys that ended 5 (failed, task restored)
 * @param wrong     deploys whose outcome, exit code or message disagrees with the ground truth
 * @param lost      deploys after which a task that existed was gone
 * @param leaked    distinct secrets found in what the soak captured or the command wrote
 * @param faulted   deploys whose fault struck
 * @param counts    how many deploys ended each way, by heading ("exit", "scenario", "fault step") then key
 * @param problems  one line per wrong deploy, leak or unsafe file
 */
public record DeploySoakReport(int deploys, int succeeded, int restored, int wrong, int lost, int leaked, int faulted,
                               Map<String, Map<String, Integer>> counts, List<String> problems) {

    /** 0 when nothing was wrong, lost or leaked; 1 otherwise. */
    public int exitStatus() {
        return wrong == 0 && lost == 0 && leaked == 0 ? 0 : 1;
    }

    /** The last line. */
    public String soakLine() {
        return String.format(Locale.ROOT, "DEPLOY_SOAK deploys=%d succeeded=%d restored=%d wrong=%d lost_tasks=%d "
                + "leaked_secrets=%d", deploys, succeeded, restored, wrong, lost, leaked);
    }

    void print(PrintStream out) {
        counts.forEach((heading, byKey) -> {
            out.println(heading + ":");
            new TreeMap<>(byKey).forEach((k, v) -> out.printf(Locale.ROOT, "  %-40s %5d%n", k, v));
        });
        out.printf(Locale.ROOT, "faults that struck: %d of %d deploys%n", faulted, deploys);
        if (!problems.isEmpty()) {
            out.println("problems (first 40):");
            problems.stream().limit(40).forEach(p -> out.println("  " + p));
        }
        out.println(soakLine());
    }
}
