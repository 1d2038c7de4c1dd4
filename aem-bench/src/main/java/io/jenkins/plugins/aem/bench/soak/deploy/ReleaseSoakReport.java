package io.jenkins.plugins.aem.bench.soak.deploy;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a release soak found: counts by exit code, fault step and way, the problems, and as the very last line
 * {@code RELEASE_SOAK releases=.. atomic=.. faulted=.. exits=CODE:N,.. wrong=.. mixed=.. lost_tasks=.. leaked_secrets=..}.
 *
 * @param releases releases run
 * @param atomic   of them, atomic
 * @param faulted  releases a fault struck
 * @param exits    releases by exit code
 * @param wrong    releases whose outcome, exit code or messages disagree with the ground truth
 * @param mixed    atomic releases that ended with some changes made and some not, beyond the tasks they named
 * @param lost     tasks that existed before a release and no longer did after it (and its repairs)
 * @param leaked   distinct secrets found in what the soak captured or what the releases wrote
 * @param counts   how many releases ended each way, by heading, then key
 * @param problems one line per wrong release, leak or unsafe file
 */
public record ReleaseSoakReport(int releases, int atomic, int faulted, Map<Integer, Integer> exits, int wrong, int mixed,
                                int lost, int leaked, Map<String, Map<String, Integer>> counts, List<String> problems) {

    /** 0 when nothing was wrong, mixed, lost or leaked; 1 otherwise. */
    public int exitStatus() {
        return wrong == 0 && mixed == 0 && lost == 0 && leaked == 0 ? 0 : 1;
    }

    /** The last line. */
    public String soakLine() {
        String byExit = new TreeMap<>(exits).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "RELEASE_SOAK releases=%d atomic=%d faulted=%d exits=%s wrong=%d mixed=%d "
                + "lost_tasks=%d leaked_secrets=%d", releases, atomic, faulted, byExit, wrong, mixed, lost, leaked);
    }

    void print(PrintStream out) {
        counts.forEach((heading, byKey) -> {
            out.println(heading + ":");
            new TreeMap<>(byKey).forEach((k, v) -> out.printf(Locale.ROOT, "  %-52s %5d%n", k, v));
        });
        out.printf(Locale.ROOT, "faults that struck: %d of %d releases; atomic: %d%n", faulted, releases, atomic);
        if (!problems.isEmpty()) {
            out.println("problems (first 40):");
            problems.stream().limit(40).forEach(p -> out.println("  " + p));
        }
        out.println(soakLine());
    }
}
