package io.jenkins.plugins.aem.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Every failure of an AEM operation. Its message is written for the user who started the operation: it names the
 * problem and what to do, and never contains a password, a session ID or an {@code Authorization} header.
 *
 * <p>Operations that return a {@link java.util.concurrent.CompletableFuture} complete it exceptionally with this type.
 */
public class AemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String errorCode;
    private final String aemMessage;
    private final String remedy;
    private final TaskRef task;
    private final TaskState lastState;
    private final String lastRawState;
    private final Duration elapsed;
    private final transient boolean retryable;

    private AemException(Builder b) {
        super(b.message, b.cause, false, false);
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.errorCode = b.errorCode;
        this.aemMessage = b.aemMessage;
        this.remedy = b.remedy;
        this.task = b.task;
        this.lastState = b.lastState;
        this.lastRawState = b.lastRawState;
        this.elapsed = b.elapsed;
        this.retryable = b.retryable;
    }

    /** A read that failed this way may be tried again within the deadline (transport errors, 429, 5xx pages). */
    boolean retryable() {
        return retryable;
    }

    /** Starts an exception of the given kind with its user-facing message. */
    public static Builder of(FailureKind kind, String message) {
        return new Builder(kind, message);
    }

    /** An input error: names the field, the problem and the fix. Nothing was sent to AEM. */
    public static AemException invalidInput(String field, String problemAndFix) {
        return of(FailureKind.INVALID_INPUT, field + ": " + problemAndFix).build();
    }

    /** What kind of failure this is. */
    public FailureKind kind() {
        return kind;
    }

    /** AEM's {@code error_code} (for example {@code AEM_TASK_ALREADY_RUNNING}), or {@code null} when AEM gave none. */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Whether AEM answered this call with {@code UNAUTHORIZED_REQUEST}: the login lacks the role for it, as a
     * least-privilege account does for server and list reads (aem-api.md section 0). A refused login is
     * {@link FailureKind#UNREACHABLE}, so this also says that the login itself passed.
     */
    public boolean refusedForRole() {
        return kind == FailureKind.AEM_ERROR && AemErrorCode.UNAUTHORIZED_REQUEST.name().equals(errorCode);
    }

    /** AEM's own {@code error_message} or task message, or {@code null}. */
    public String aemMessage() {
        return aemMessage;
    }

    /** What the user can do about it, or {@code null} when there is nothing more to say than the message. */
    public String remedy() {
        return remedy;
    }

    /** The task the operation was about, or {@code null} for calls about no task. */
    public TaskRef task() {
        return task;
    }

    /** The last state seen before the failure, or {@code null} when none was read. */
    public TaskState lastState() {
        return lastState;
    }

    /** The last state as AEM spelled it, or {@code null}. */
    public String lastRawState() {
        return lastRawState;
    }

    /** How long the operation ran before it failed, or {@code null}. */
    public Duration elapsed() {
        return elapsed;
    }

    /** A copy with the task and timing filled in, for layers that know them better than the one that failed. */
    public AemException withContext(TaskRef task, TaskState lastState, String lastRawState, Duration elapsed) {
        return toBuilder()
                .task(this.task != null ? this.task : task)
                .lastState(this.lastState != null ? this.lastState : lastState, this.lastRawState != null ? this.lastRawState : lastRawState)
                .elapsed(elapsed)
                .build();
    }

    /** This failure with its message and AEM's message passed through {@code redact} (a secret scrubber). */
    AemException redacted(java.util.function.UnaryOperator<String> redact) {
        String message = redact.apply(getMessage());
        String aem = aemMessage == null ? null : redact.apply(aemMessage);
        if (message.equals(getMessage()) && Objects.equals(aem, aemMessage)) {
            return this;
        }
        Builder b = new Builder(kind, message);
        b.errorCode = errorCode;
        b.aemMessage = aem;
        b.remedy = remedy;
        b.task = task;
        b.lastState = lastState;
        b.lastRawState = lastRawState;
        b.elapsed = elapsed;
        b.retryable = retryable;
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(kind, getMessage());
        b.errorCode = errorCode;
        b.aemMessage = aemMessage;
        b.remedy = remedy;
        b.task = task;
        b.lastState = lastState;
        b.lastRawState = lastRawState;
        b.elapsed = elapsed;
        b.cause = getCause();
        b.retryable = retryable;
        return b;
    }

    /** Builds an {@link AemException}; only the kind and message are required. */
    public static final class Builder {
        private final FailureKind kind;
        private final String message;
        private String errorCode;
        private String aemMessage;
        private String remedy;
        private TaskRef task;
        private TaskState lastState;
        private String lastRawState;
        private Duration elapsed;
        private Throwable cause;
        private boolean retryable;

        private Builder(FailureKind kind, String message) {
            this.kind = kind;
            this.message = Objects.requireNonNull(message, "message");
        }

        public Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        public Builder aemMessage(String aemMessage) {
            this.aemMessage = aemMessage;
            return this;
        }

        public Builder remedy(String remedy) {
            this.remedy = remedy;
            return this;
        }

        public Builder task(TaskRef task) {
            this.task = task;
            return this;
        }

        public Builder lastState(TaskState state, String rawState) {
            this.lastState = state;
            this.lastRawState = rawState;
            return this;
        }

        public Builder elapsed(Duration elapsed) {
            this.elapsed = elapsed;
            return this;
        }

        /**
         * The underlying cause, for {@code --verbose} output and logs. Its message must already be free of secrets:
         * pass only exceptions whose text comes from the network stack, never one that quotes a request.
         */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        public AemException build() {
            return new AemException(this);
        }
    }
}
