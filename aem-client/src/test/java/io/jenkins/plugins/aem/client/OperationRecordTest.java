package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operation says its result once, whichever read decided it. */
class OperationRecordTest {

    private final List<ProgressEvent> events = new ArrayList<>();
    private final OperationRecord record = new OperationRecord(events::add, new TaskRef("Rep", "Orders"), WaitGoal.RUNNING,
            Deadline.after(Duration.ofMinutes(1)));

    @Test
    void aStateChangeThatDecidesTheResultIsTheResultLine() {
        record.observe(TaskState.STOPPED, "STOPPED");
        record.observe(TaskState.RUNNING, "RUNNING");
        record.succeed(TaskState.RUNNING, "RUNNING", StopReason.NONE, "");

        assertThat(events).extracting(ProgressEvent::message)
                .containsExactly("task 'Orders' on server 'Rep' is STOPPED", "task 'Orders' on server 'Rep' is RUNNING");
    }

    @Test
    void aStateSeenBeforeThatDecidesTheResultIsSaidAsReached() {
        record.observe(TaskState.STOPPED, "STOPPED");
        record.observe(TaskState.STOPPED, "STOPPED");
        record.succeed(TaskState.STOPPED, "STOPPED", StopReason.FULL_LOAD_ONLY_FINISHED, "");

        assertThat(events).extracting(ProgressEvent::message).hasSize(2)
                .first().isEqualTo("task 'Orders' on server 'Rep' is STOPPED");
        assertThat(events.get(1).message()).startsWith("task 'Orders' on server 'Rep' reached STOPPED in ");
    }
}
