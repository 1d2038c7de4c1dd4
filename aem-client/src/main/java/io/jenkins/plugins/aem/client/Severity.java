package io.jenkins.plugins.aem.client;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which failure of a set of tasks is the worst, for the exit code of the whole: one that left a task changed and not
 * restored, then one restored after a change, a cancel, AEM out of reach, a deadline, AEM's refusals, and last bad
 * input. Ranked by what the user must do, not by the codes' numbers.
 */
final class Severity {

    private static final List<FailureKind> WORST_FIRST = List.of(FailureKind.DEPLOY_NOT_RESTORED,
            FailureKind.DEPLOY_RESTORED, FailureKind.CANCELLED, FailureKind.UNREACHABLE, FailureKind.TIMED_OUT,
            FailureKind.AEM_ERROR, FailureKind.TASK_FAILED, FailureKind.DEPLOY_REFUSED, FailureKind.INVALID_INPUT);

    private Severity() {
    }

    /** The exit code of the worst of {@code kinds} ({@code null}s ignored), or {@code otherwise} when there is none. */
    static int worst(Stream<FailureKind> kinds, int otherwise) {
        return kinds.filter(Objects::nonNull).min(Comparator.comparingInt(WORST_FIRST::indexOf))
                .map(FailureKind::exitCode).orElse(otherwise);
    }

    /** The kind of a failure, or {@code null} for none. */
    static FailureKind of(AemException error) {
        return error == null ? null : error.kind();
    }
}
