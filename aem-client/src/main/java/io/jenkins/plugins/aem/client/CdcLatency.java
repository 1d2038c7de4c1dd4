package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's CDC latency as GetTaskDetails gives it in {@code cdc_latency}: texts that AEM documents as {@code hh:mm:ss}.
 * The texts are kept as AEM sent them, so that a value this client cannot read can be shown; the durations are read
 * from them strictly.
 *
 * <p>Read: {@code hh:mm:ss} with any number of hours ({@code 27:03:10} is 27 h), {@code d.hh:mm:ss} as .NET writes a
 * time span past a day ({@code 1.03:03:10}), each with an optional fraction of a second. Anything else (empty,
 * {@code N/A}, a negative value, minutes or seconds past 59) is unknown: a gate must not pass on a value it guessed.
 *
 * @param sourceText {@code source_latency} as AEM sent it, or {@code null} when absent
 * @param totalText  {@code total_latency} as AEM sent it, or {@code null} when absent
 */
public record CdcLatency(String sourceText, String totalText) {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,9}):([0-5]\\d):([0-5]\\d)(\\.\\d{1,9})?");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,6})\\.([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d)(\\.\\d{1,9})?");

    /** The source latency (change to capture), or {@code null} when absent or unreadable. */
    public Duration source() {
        return parse(sourceText);
    }

    /** The total latency (change to apply on the target), or {@code null} when absent or unreadable. */
    public Duration total() {
        return parse(totalText);
    }

    /**
     * Reads one latency text.
     *
     * @param text the text as AEM sent it; may be {@code null}
     * @return the duration, or {@code null} when the text is not a latency this client can read
     */
    public static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Matcher h = HOURS.matcher(t);
        if (h.matches()) {
            return Duration.ofHours(Long.parseLong(h.group(1))).plusMinutes(Long.parseLong(h.group(2)))
                    .plusSeconds(Long.parseLong(h.group(3))).plusNanos(fraction(h.group(4)));
        }
        Matcher d = DAYS.matcher(t);
        if (d.matches()) {
            return Duration.ofDays(Long.parseLong(d.group(1))).plusHours(Long.parseLong(d.group(2)))
                    .plusMinutes(Long.parseLong(d.group(3))).plusSeconds(Long.parseLong(d.group(4)))
                    .plusNanos(fraction(d.group(5)));
        }
        return null;
    }

    private static long fraction(String dotDigits) {
        if (dotDigits == null) {
            return 0;
        }
        String digits = (dotDigits.substring(1) + "000000000").substring(0, 9);
        return Long.parseLong(digits);
    }
}
