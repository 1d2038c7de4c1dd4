package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * RunTask and StopTask: checks the command, hands it to the task, and answers once the task reaches the requested
 * steady state or the server-side wait ends. The wait holds no thread: the answer completes from the task's
 * transition or from a timer on the shared scheduler.
 */
final class CommandController {
    private static final int DEFAULT_TIMEOUT = 60; // AEM's documented REST default

    private final Registry registry;
    private final ReadController reads;
    private final Json json;
    private final Supplier<Duration> waitCap;
    private final AemError unauthorized;

    CommandController(Registry registry, ReadController reads, Json json, Supplier<Duration> waitCap,
                      AemError unauthorized) {
        this.unauthorized = unauthorized;
        this.registry = registry;
        this.reads = reads;
        this.json = json;
        this.waitCap = waitCap;
    }

    CompletableFuture<ApiResponse> command(Call call, Session session) {
        String server = call.route.server();
        String name = call.route.task();
        AemError refused = reads.serverRefusal(server);
        if (refused != null) {
            return done(json.error(refused));
        }
        SimTask task = registry.wireTask(server, name);
        if (task == null) {
            return done(json.error(AemErrors.taskNotFound(server, name)));
        }
        String action = call.param("action");
        String option = call.param("option");
        String timeoutText = call.param("timeout");
        Integer timeout = parseTimeout(timeoutText);
        boolean run = "run".equalsIgnoreCase(action);
        Command c = new Command(call, session, task, run ? "run" : action, run ? option : null, timeout);
        if (!run && !"stop".equalsIgnoreCase(action)) {
            return done(c.refuse(AemErrors.deserialize("unknown action '" + action + "'")));
        }
        if (!session.access().mayCommand(task.wireName())) {
            return done(c.refuse(unauthorized));
        }
        if (timeout == null && timeoutText != null) {
            return done(c.refuse(AemErrors.deserialize("timeout '" + timeoutText + "' is not a whole number")));
        }
        Duration wait = Duration.ofSeconds(timeout == null ? DEFAULT_TIMEOUT : timeout);
        wait = wait.compareTo(waitCap.get()) > 0 ? waitCap.get() : wait;
        return run ? run(c, wait) : stop(c, wait);
    }

    private CompletableFuture<ApiResponse> run(Command c, Duration wait) {
        SimTask task = c.task;
        String option = c.option == null ? "RESUME_PROCESSING" : c.option; // aem-api.md §0: missing means resume
        if (!task.isCompose()) { // Compose ignores the option and any position
            if (!RunOptions.ALL.contains(option)) {
                return done(c.refuse(AemErrors.deserialize("unknown run option '" + option + "'")));
            }
            try {
                c.position = position(c.call);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return done(c.refuse(AemErrors.deserialize("the body is not {\"cdcposition\":\"...\"}")));
            }
            String bad = RunOptions.check(option, c.position);
            if (bad != null) {
                return done(c.refuse(c.error(bad)));
            }
        }
        synchronized (task) { // check and start atomically, so two racing runs cannot both start the task
            SimTask.Phase p = task.phase();
            if ("RUNNING".equals(p.state()) || p.transition() == SimTask.Transition.STARTING) {
                return done(c.refuse(c.error("AEM_TASK_ALREADY_RUNNING")));
            }
            if ("RECOVERY".equals(p.state())) {
                return done(c.refuse(c.error("AEM_TASK_IN_RECOVERY")));
            }
            String byDefinition = registry.repository(task.server()).runRefusal(task.wireName());
            if (byDefinition != null) { // e.g. its source endpoint does not exist on the server
                return done(c.refuse(c.error(byDefinition)));
            }
            InjectedError injected = task.spec().takeRunError();
            if (injected != null && !injected.commandTakesEffect()) {
                return done(c.refuse(c.error(injected.code())));
            }
            c.accept(injected);
            CompletableFuture<TaskView> settled = task.run(option, wait);
            if (injected != null) {
                return done(json.error(c.error(injected.code())));
            }
            return settled.thenApply(v -> v == null ? json.error(c.error("AEM_RUN_TASK_TIMEOUT")) : stateAnswer(task, v));
        }
    }

    private CompletableFuture<ApiResponse> stop(Command c, Duration wait) {
        SimTask task = c.task;
        synchronized (task) {
            SimTask.Phase p = task.phase();
            boolean down = "STOPPED".equals(p.state()) || "ERROR".equals(p.state());
            if (down && p.transition() != SimTask.Transition.STARTING) {
                return done(c.refuse(c.error("AEM_TASK_ALREADY_STOPPED")));
            }
            InjectedError injected = task.spec().takeStopError();
            if (injected != null && !injected.commandTakesEffect()) {
                return done(c.refuse(c.error(injected.code())));
            }
            c.accept(injected);
            CompletableFuture<TaskView> settled = task.stop(wait);
            if (injected != null) {
                return done(json.error(c.error(injected.code())));
            }
            return settled.thenApply(v -> v == null ? json.error(c.error("AEM_STOP_TASK_TIMEOUT")) : stateAnswer(task, v));
        }
    }

    private ApiResponse stateAnswer(SimTask task, TaskView v) {
        ObjectNode n = json.object();
        n.put("state", v.state());
        // Some AEM answers leave error_message empty: the reason is then only in the task's details.
        n.put("error_message", "ERROR".equals(v.state()) && task.spec().errorMessageInAnswer() ? v.message() : "");
        return json.answer(200, n);
    }

    /** The {@code cdcposition} of a body like {@code {"cdcposition":"..."}}; null when absent, null or empty. */
    private String position(Call call) throws JsonProcessingException {
        if (call.bodyText().isBlank()) {
            return null;
        }
        JsonNode body = json.parse(call.body);
        if (!body.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        JsonNode p = body.get("cdcposition");
        if (p == null || p.isNull()) {
            return null;
        }
        if (!p.isTextual()) {
            throw new IllegalArgumentException("cdcposition is not text");
        }
        return p.asText();
    }

    private static Integer parseTimeout(String text) {
        if (text == null) {
            return null;
        }
        try {
            int t = Integer.parseInt(text.trim());
            return t < 0 ? null : t;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse r) {
        return CompletableFuture.completedFuture(r);
    }

    /** One command on its way through the checks; records itself in the task's ground truth. */
    private final class Command {
        final Call call;
        final Session session;
        final SimTask task;
        final String action;
        final String option;
        final Integer timeout;
        String position;

        Command(Call call, Session session, SimTask task, String action, String option, Integer timeout) {
            this.call = call;
            this.session = session;
            this.task = task;
            this.action = action;
            this.option = option;
            this.timeout = timeout;
        }

        AemError error(String code) {
            return AemErrors.of(code, task.server(), task.wireName(), task.isCompose());
        }

        ApiResponse refuse(AemError e) {
            task.record(record(false, e.code()));
            return json.error(e);
        }

        void accept(InjectedError injected) {
            task.record(record(true, injected == null ? null : injected.code()));
        }

        private CommandRecord record(boolean accepted, String code) {
            return new CommandRecord(call.at, action, option, position, timeout, session.alias(), session.user(),
                    accepted, code);
        }
    }
}
