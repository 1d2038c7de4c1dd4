package io.jenkins.plugins.aem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.util.FormValidation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The form checks show the client's own messages, so a form refuses exactly what a build would. Messages are compared
 * as the browser shows them (FormValidation escapes HTML).
 */
class TaskFormsTest {

    @ParameterizedTest(name = "timeout ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "5          | OK    |",
        "604800     | OK    |",
        "0          | ERROR | timeout: must be at least 1 second (was 0). Give the number of seconds to wait for the task, for example 300.",
        "-3         | ERROR | timeout: must be at least 1 second (was -3). Give the number of seconds to wait for the task, for example 300.",
        "604801     | ERROR | timeout: must be at most 604800 seconds (7 days); was 604801. Give the number of seconds to wait for the task.",
        "soon       | ERROR | timeout: &#039;soon&#039; is not a whole number of seconds. Give the number of seconds to wait, for example 300.",
    })
    void timeout(String value, FormValidation.Kind kind, String message) {
        assertCheck(TaskForms.checkTimeout(value, true), kind, message);
    }

    @ParameterizedTest(name = "option ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "RELOAD_TARGET   | OK    |",
        "reload-target   | OK    |",
        "FASTEST         | ERROR | option: &#039;FASTEST&#039; is not a run option. Use one of: RESUME_PROCESSING, RELOAD_TARGET, "
                + "RESUME_PROCESSING_FROM_TIMESTAMP, METADATA_ONLY_RECREATE_ALL_TABLES, METADATA_ONLY_CREATE_MISSING_TABLES, "
                + "RECOVER_USING_LOCALLY_STORED_CHECKPOINT, RECOVER_USING_CHECKPOINT_STORED_ON_TARGET, RESUME_PROCESSING_FROM_POSITION.",
    })
    void option(String value, FormValidation.Kind kind, String message) {
        assertCheck(TaskForms.checkOption(value), kind, message);
    }

    @ParameterizedTest(name = "option ''{0}'' with cdcPosition ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "RESUME_PROCESSING_FROM_TIMESTAMP | 2026-03-07T11:19:03 | OK    |",
        "RESUME_PROCESSING_FROM_TIMESTAMP | yesterday           | ERROR | cdcPosition: &#039;yesterday&#039; is not a UTC timestamp. Write it as YYYY-MM-DDThh:mm:ss, for example 2026-03-07T11:19:03.",
        "RELOAD_TARGET                    | 2026-03-07T11:19:03 | ERROR |",
        "                                 | 2026-03-07T11:19:03 | ERROR |",
        "BOGUS                            | 2026-03-07T11:19:03 | OK    |",
    })
    void cdcPosition(String option, String value, FormValidation.Kind kind, String message) {
        assertCheck(TaskForms.checkCdcPosition(option, value), kind, message);
    }

    @ParameterizedTest(name = "url ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "https://aem.example.com                                   | OK      |",
        "https://aem.example.com/attunityenterprisemanager/api/v1  | OK      |",
        "http://aem.example.com                                    | WARNING | Plain http sends the AEM password unencrypted. Use https.",
        "aem.example.com                                           | ERROR   |",
        "https://user:pw@aem.example.com                           | ERROR   |",
        "https://aem.example.com?x=1                               | ERROR   |",
    })
    void url(String value, FormValidation.Kind kind, String message) {
        assertCheck(TaskForms.checkUrl(value, true), kind, message);
    }

    /** A step just added has neither a connection nor a URL; its first, queued check must not leave an error behind. */
    @ParameterizedTest(name = "connection ''{0}'' with url ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "     |                         | OK    |",
        "     | https://aem.example.com | OK    |",
        "prod | https://aem.example.com | ERROR | Give either a global connection or a URL, not both.",
    })
    void connection(String value, String url, FormValidation.Kind kind, String message) {
        assertCheck(TaskForms.checkConnection(value, url), kind, message);
    }

    private static void assertCheck(FormValidation result, FormValidation.Kind kind, String message) {
        assertEquals(kind, result.kind, result.getMessage());
        if (message != null) {
            assertEquals(message, result.getMessage());
        }
    }
}
