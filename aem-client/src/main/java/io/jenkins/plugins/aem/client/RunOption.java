package io.jenkins.plugins.aem.client;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code option} of AEM's RunTask call: how a task starts. This is the one list of run options; forms, the CLI and
 * validation all read it from here.
 */
public enum RunOption {
    /** Resume from where the task stopped. The default for Replicate servers. */
    RESUME_PROCESSING(CdcPosition.NONE, "Resume processing from where the task stopped"),
    /** Reload the target: restart the full load. */
    RELOAD_TARGET(CdcPosition.NONE, "Reload the target (restart the full load)"),
    /** Start change processing from a UTC source timestamp, {@code YYYY-MM-DDThh:mm:ss}. */
    RESUME_PROCESSING_FROM_TIMESTAMP(CdcPosition.TIMESTAMP, "Start processing changes from a UTC timestamp"),
    /** Recreate all target tables' metadata, without loading data. */
    METADATA_ONLY_RECREATE_ALL_TABLES(CdcPosition.NONE, "Metadata only: recreate all tables"),
    /** Create the target tables that are missing, without loading data. */
    METADATA_ONLY_CREATE_MISSING_TABLES(CdcPosition.NONE, "Metadata only: create missing tables"),
    /** Recover from the checkpoint Replicate stored locally. */
    RECOVER_USING_LOCALLY_STORED_CHECKPOINT(CdcPosition.NONE, "Recover using the locally stored checkpoint"),
    /** Recover from a checkpoint stored on the target, given as the cdc position. */
    RECOVER_USING_CHECKPOINT_STORED_ON_TARGET(CdcPosition.TEXT, "Recover using a checkpoint stored on the target"),
    /** Start change processing from a source position (AEM November 2024 and later). */
    RESUME_PROCESSING_FROM_POSITION(CdcPosition.TEXT, "Start processing changes from a source position");

    /** Whether an option takes a cdc position, and of which form. */
    public enum CdcPosition {
        /** The option takes none; giving one is an error. */
        NONE,
        /** A UTC timestamp {@code YYYY-MM-DDThh:mm:ss}. */
        TIMESTAMP,
        /** A non-empty opaque string (a checkpoint or source position). */
        TEXT
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final CdcPosition cdcPosition;
    private final String displayName;

    RunOption(CdcPosition cdcPosition, String displayName) {
        this.cdcPosition = cdcPosition;
        this.displayName = displayName;
    }

    /** Whether this option takes a cdc position, and of which form. */
    public CdcPosition cdcPosition() {
        return cdcPosition;
    }

    /** {@code true} when AEM needs a {@code cdcposition} body for this option. */
    public boolean needsCdcPosition() {
        return cdcPosition != CdcPosition.NONE;
    }

    /** A short human description for forms and help. */
    public String displayName() {
        return displayName;
    }

    /** The option names, comma-separated, for messages that list what is allowed. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Reads an option name as a user typed it: case and surrounding space do not matter, {@code -} may stand for
     * {@code _}.
     *
     * @param text the name; {@code null} or blank means "no option" and returns {@code null}
     * @return the option, or {@code null} when none was given
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when the name is not a run option
     */
    public static RunOption parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RunOption option : values()) {
            if (option.name().equals(name)) {
                return option;
            }
        }
        throw AemException.invalidInput("option", "'" + text.trim() + "' is not a run option. Use one of: " + names() + ".");
    }

    /**
     * Checks a cdc position against this option and returns it as it must be sent.
     *
     * @param value the position as the user gave it; {@code null} or blank means none
     * @return the value to send (a timestamp without a trailing {@code Z}), or {@code null} when the option takes none
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when a position is missing, malformed, or not wanted
     */
    public String checkCdcPosition(String value) {
        boolean given = value != null && !value.isBlank();
        switch (cdcPosition) {
            case NONE:
                if (given) {
                    throw AemException.invalidInput("cdcPosition", "option " + name()
                            + " takes no cdc position. Remove the cdc position, or use RESUME_PROCESSING_FROM_TIMESTAMP, "
                            + "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET or RESUME_PROCESSING_FROM_POSITION.");
                }
                return null;
            case TIMESTAMP:
                if (!given) {
                    throw AemException.invalidInput("cdcPosition", "option " + name()
                            + " needs a cdc position: a UTC timestamp such as 2026-03-07T11:19:03.");
                }
                return checkTimestamp(value.trim());
            case TEXT:
            default:
                if (!given) {
                    throw AemException.invalidInput("cdcPosition", "option " + name()
                            + " needs a cdc position: the checkpoint or source position to start from.");
                }
                return value.trim();
        }
    }

    private String checkTimestamp(String value) {
        String bare = value.endsWith("Z") || value.endsWith("z") ? value.substring(0, value.length() - 1) : value;
        try {
            LocalDateTime.parse(bare, TIMESTAMP);
            return bare;
        } catch (DateTimeParseException e) {
            throw AemException.invalidInput("cdcPosition", "'" + value + "' is not a UTC timestamp. Write it as "
                    + "YYYY-MM-DDThh:mm:ss, for example 2026-03-07T11:19:03.");
        }
    }
}
