package io.jenkins.plugins.aem.simulator;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** The RunTask options AEM knows, and the checks on the {@code cdcposition} some of them take (aem-api.md §4.3). */
final class RunOptions {
    static final Set<String> ALL = Set.of("NONE", "RESUME_PROCESSING", "RELOAD_TARGET",
            "RESUME_PROCESSING_FROM_TIMESTAMP", "METADATA_ONLY_RECREATE_ALL_TABLES",
            "METADATA_ONLY_CREATE_MISSING_TABLES", "RECOVER_USING_LOCALLY_STORED_CHECKPOINT",
            "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET", "RESUME_PROCESSING_FROM_POSITION");
    static final Set<String> WITH_POSITION = Set.of("RESUME_PROCESSING_FROM_TIMESTAMP",
            "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET", "RESUME_PROCESSING_FROM_POSITION");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private RunOptions() {
    }

    /** The error code for this option and position, or null when they fit together. */
    static String check(String option, String position) {
        boolean given = position != null && !position.isEmpty();
        if (!WITH_POSITION.contains(option)) {
            return given ? "AEM_WRONG_OPTION_FOR_CDCPOSITION" : null;
        }
        if (!given || position.isBlank()) {
            return "AEM_CDC_POSITION_ERR_FORMAT";
        }
        if ("RESUME_PROCESSING_FROM_TIMESTAMP".equals(option)) {
            if (!TIMESTAMP.matcher(position).matches()) {
                return "AEM_CDC_POSITION_ERR_FORMAT";
            }
            try {
                LocalDateTime.parse(position);
            } catch (DateTimeParseException e) {
                return "AEM_CDC_POSITION_ERR_FORMAT";
            }
        }
        return null;
    }
}
