package io.jenkins.plugins.aem.bench.soak;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's result: counts per way operations ended, the wrong and late ones with the reason, the secrets found,
 * and as the very last line {@code SOAK ops=.. correct=.. wrong=.. late=.. duplicate_commands=.. leaked_secrets=..}.
 *
 * @param ops        operations run
 * @param correct    operations whose result agrees with the ground truth
 * @param wrong      operations whose result does not
 * @param late       operations that ended more than 5 s after their deadline
 * @param duplicates run/stop POSTs sent twice for one operation
 * @param leaked     distinct secrets found in the captured output
 * @param byResult   how many operations ended each way, e.g. {@code run success}, {@code stop TIMED_OUT}
 * @param problems   one line per wrong, late or duplicating operation
 */
public record SoakReport(int ops, int correct, int wrong, int late, int duplicates, int leaked,
                         Map<String, Integer> byResult, List<String> problems) {

    /** 0 when nothing was wrong, late, duplicated or leaked; 1 otherwise. */
    public int exitStatus() {
        return wrong == 0 && late == 0 && duplicates == 0 && leaked == 0 ? 0 : 1;
    }

    /** The last line. */
    public String soakLine() {
        return String.format(Locale.ROOT, "SOAK ops=%d correct=%d wrong=%d late=%d duplicate_commands=%d "
                + "leaked_secrets=%d", ops, correct, wrong, late, duplicates, leaked);
    }

    void print(PrintStream out) {
        out.println("results:");
        new TreeMap<>(byResult).forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s %5d%n", k, v));
        if (!problems.isEmpty()) {
            out.println("problems (first 30):");
            problems.stream().limit(30).forEach(p -> out.println("  " + p));
        }
        out.println(soakLine());
    }
}
