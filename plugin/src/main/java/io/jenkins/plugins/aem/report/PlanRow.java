package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.client.definition.Difference;
import io.jenkins.plugins.aem.client.definition.PlanChange;
import java.util.List;
import java.util.Locale;

/**
 * One change of a deploy's plan as its page shows it: a row of the plan's table (what, where, old, new) and, while the
 * page's room for the task lasts, the values before and after in full for the diff. Values are in the client's
 * comparison form: secrets are placeholders.
 */
public final class PlanRow {

    /** A value longer than this is cut: the definition file has it whole. */
    static final int VALUE_CAP = 4096;
    /** How much of a value the plan's table shows. */
    static final int SHORT = 80;

    /** What a row costs in the build's file besides its text: its element and attributes. */
    static final int OVERHEAD = 48;

    private final String kind;
    private final String line;
    private String where;
    private String before;
    private String after;

    private PlanRow(PlanChange c) {
        this.kind = c.kind().name();
        this.line = c.line();
    }

    /** The row of a plan line, without its values yet. */
    static PlanRow of(PlanChange c) {
        return new PlanRow(c);
    }

    /** What the row costs without its values. */
    static int cost(PlanChange c) {
        return c.line().length() + OVERHEAD;
    }

    /** What the values of {@code c}'s difference would cost: 0 when it has none. */
    static int valuesCost(PlanChange c) {
        Difference d = c.difference();
        return d == null ? 0 : where(d).length() + Math.min(VALUE_CAP, length(d.beforeText()))
                + Math.min(VALUE_CAP, length(d.afterText())) + OVERHEAD;
    }

    /** Keeps the values of the change's difference, cut at {@link #VALUE_CAP}. */
    void keepValues(PlanChange c) {
        Difference d = c.difference();
        if (d != null) {
            where = where(d);
            before = cut(d.beforeText());
            after = cut(d.afterText());
        }
    }

    private static String where(Difference d) {
        if (d.endpoint() != null) {
            return "endpoint '" + d.endpoint() + "'" + (d.path().isEmpty() ? "" : ": " + d.path());
        }
        return d.path().isEmpty() ? "task" : d.path();
    }

    @CheckForNull
    private static String cut(@CheckForNull String text) {
        if (text == null || text.length() <= VALUE_CAP) {
            return text;
        }
        return text.substring(0, VALUE_CAP) + "\n... (" + (text.length() - VALUE_CAP) + " more characters)";
    }

    private static int length(@CheckForNull String text) {
        return text == null ? 0 : text.length();
    }

    /** What the change is, in words: {@code change setting}, {@code add table}, {@code create endpoint}. */
    public String getWhat() {
        return kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether the line stands for a change of the target (not a note). */
    public boolean isChange() {
        return PlanChange.Kind.valueOf(kind).isChange();
    }

    /** The line as the console printed it. */
    public String getLine() {
        return line;
    }

    /** Where the change is: a setting's path, a table, {@code endpoint 'X': path}; {@code null} without its values. */
    @CheckForNull
    public String getWhere() {
        return where;
    }

    /** The value before, shortened to one line for the table; {@code null} when none. */
    @CheckForNull
    public String getOldShort() {
        return shortened(before);
    }

    @CheckForNull
    public String getNewShort() {
        return shortened(after);
    }

    /** Whether the full values are kept for the diff (a plan larger than the page's room keeps the first ones). */
    public boolean isValuesKept() {
        return where != null;
    }

    /**
     * Whether the plan's table shows the values themselves (each of one line), or the line that words the change (a
     * whole table, endpoint or task created: its values are in the diff below).
     */
    public boolean isShownAsValues() {
        return isValuesKept() && (before == null || !before.contains("\n")) && (after == null || !after.contains("\n"));
    }

    public List<String> getBeforeLines() {
        return before == null ? List.of() : List.of(before.split("\n", -1));
    }

    public List<String> getAfterLines() {
        return after == null ? List.of() : List.of(after.split("\n", -1));
    }

    @CheckForNull
    private static String shortened(@CheckForNull String value) {
        if (value == null) {
            return null;
        }
        String one = value.replaceAll("\\s*\n\\s*", " ");
        return one.length() <= SHORT ? one : one.substring(0, SHORT - 3) + "...";
    }
}
