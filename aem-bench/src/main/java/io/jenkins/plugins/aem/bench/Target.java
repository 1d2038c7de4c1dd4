package io.jenkins.plugins.aem.bench;

/**
 * One target of issue 4 and whether this run met it.
 *
 * @param name   what is measured, for example {@code instant requests/op <= 1.2}
 * @param figure the figure measured, formatted
 * @param pass   whether the target was met
 */
record Target(String name, String figure, boolean pass) {

    String line() {
        return String.format(java.util.Locale.ROOT, "%-4s %-62s %s", pass ? "PASS" : "FAIL", name, figure);
    }
}
