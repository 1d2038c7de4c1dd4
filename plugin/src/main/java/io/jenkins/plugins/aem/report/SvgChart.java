package io.jenkins.plugins.aem.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A line chart over time, worked out here and drawn as inline SVG by {@code chart.jelly}: no script, nothing fetched,
 * every text escaped by Jelly. The x axis is the time since {@code from}; the y axis starts at 0. A value below 0 is
 * unknown and breaks its line.
 */
public final class SvgChart {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 220;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 14;
    static final int BOTTOM = 34;
    private static final long[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
        21600, 43200, 86400, 172800, 604800};

    /** A line: its legend, its CSS class, and its pieces as SVG {@code points} lists. */
    public record Series(String name, String css, List<String> pieces) {
    }

    /** A mark on an axis at pixel {@code at}. */
    public record Tick(double at, String label) {
    }

    /** A horizontal line at pixel {@code y}, such as the wait's maximum latency. */
    public record Rule(double y, String label) {
    }

    /** A shaded stretch of time from pixel {@code x}, {@code width} wide, such as the hold window. */
    public record Band(double x, double width, String label) {
    }

    private final long from;
    private final long span;
    private final double top;
    private final List<Series> series = new ArrayList<>();
    private final List<Tick> xTicks = new ArrayList<>();
    private final List<Tick> yTicks = new ArrayList<>();
    private Rule rule;
    private Band band;

    /**
     * @param from    the start of the x axis, in milliseconds since the epoch
     * @param to      its end
     * @param highest the highest value to show; the y axis ends a little above it
     * @param unit    the unit of the y axis' marks, such as {@code s}
     */
    SvgChart(long from, long to, double highest, String unit) {
        this.from = from;
        this.span = Math.max(1000, to - from);
        double step = niceStep(Math.max(1, highest) / 4);
        this.top = Math.ceil(Math.max(1, highest) * 1.05 / step) * step;
        for (double v = 0; v <= top + 1e-9; v += step) {
            yTicks.add(new Tick(y(v), format(v) + (unit.isEmpty() ? "" : " " + unit)));
        }
        long t = timeStep(span / 1000);
        for (long s = 0; s * 1000 <= span; s += t) {
            xTicks.add(new Tick(x(from + s * 1000), duration(s)));
        }
    }

    /** Adds a line through {@code points}, valued by {@code value}; values below 0 break it. */
    <P> void line(String name, String css, List<P> points, ToLongFunction<P> at, ToLongFunction<P> value) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (P p : points) {
            long v = value.applyAsLong(p);
            if (v < 0) {
                if (piece.length() > 0) {
                    pieces.add(piece.toString().strip());
                    piece.setLength(0);
                }
                continue;
            }
            piece.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(at.applyAsLong(p)), y(v)));
        }
        if (piece.length() > 0) {
            pieces.add(piece.toString().strip());
        }
        series.add(new Series(name, css, pieces));
    }

    void rule(double value, String label) {
        rule = new Rule(y(value), label);
    }

    void band(long start, long end, String label) {
        double a = x(start);
        band = new Band(a, Math.max(1, x(end) - a), label);
    }

    double x(long at) {
        double share = Math.min(1, Math.max(0, (at - from) / (double) span));
        return LEFT + share * (WIDTH - LEFT - RIGHT);
    }

    double y(double value) {
        return TOP + (1 - Math.min(1, value / top)) * (HEIGHT - TOP - BOTTOM);
    }

    public List<Series> getSeries() {
        return series;
    }

    public List<Tick> getXTicks() {
        return xTicks;
    }

    public List<Tick> getYTicks() {
        return yTicks;
    }

    @CheckForNull
    public Rule getRule() {
        return rule;
    }

    @CheckForNull
    public Band getBand() {
        return band;
    }

    /** The plot's left edge, where the y axis is, in pixels. */
    public int getLeft() {
        return LEFT;
    }

    public int getRight() {
        return WIDTH - RIGHT;
    }

    public int getTop() {
        return TOP;
    }

    /** The plot's bottom edge, where the x axis is. */
    public int getBottom() {
        return HEIGHT - BOTTOM;
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    static long timeStep(long seconds) {
        for (long s : TIME_STEPS) {
            if (seconds / s <= 8) {
                return s;
            }
        }
        return TIME_STEPS[TIME_STEPS.length - 1];
    }

    /** A time since the start as the x axis marks it: {@code 0}, {@code 30 s}, {@code 5 min}, {@code 2 h}, {@code 1 d}. */
    static String duration(long seconds) {
        if (seconds == 0) {
            return "0";
        }
        if (seconds % 86400 == 0) {
            return seconds / 86400 + " d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
