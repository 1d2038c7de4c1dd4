package io.jenkins.plugins.aem.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One test class's stretch of the captured output, and where each of its tests began and ended in it, so that a leak
 * can be blamed on the test that printed it.
 */
final class ClassScan {

    private record TestSpan(String name, long start, long end) {
    }

    private final long start;
    private final List<TestSpan> tests = new ArrayList<>(); // guarded by itself: tests of a class may run in parallel
    private final ThreadLocal<Long> testStart = new ThreadLocal<>();

    ClassScan(long start) {
        this.start = start;
    }

    void testStarted(long position) {
        testStart.set(position);
    }

    void testFinished(String name, long position) {
        Long from = testStart.get();
        testStart.remove();
        synchronized (tests) {
            tests.add(new TestSpan(name, from == null ? start : from, position));
        }
    }

    /**
     * Checks what the class printed or logged and describes each leak with where it happened, or returns null when
     * there is none.
     */
    String check(SuiteScan suite) {
        String text = suite.capture().textFrom(start);
        List<Leak> leaks = suite.registry().findIn(text);
        if (leaks.isEmpty()) {
            return null;
        }
        suite.named(leaks);
        // Offsets are in bytes and indexOf counts chars; they agree for the ASCII output tests print, and a
        // disagreement only blurs which test is named, never whether the class fails.
        return leaks.stream()
                .map(l -> l.describe() + " " + where(start + text.indexOf(l.secret())))
                .collect(Collectors.joining("; "));
    }

    private String where(long offset) {
        synchronized (tests) {
            return tests.stream().filter(t -> offset >= t.start && offset < t.end).findFirst()
                    .map(t -> "during " + t.name)
                    .orElse("outside any test method (@BeforeAll, @AfterAll, a static initializer or a background thread)");
        }
    }
}
