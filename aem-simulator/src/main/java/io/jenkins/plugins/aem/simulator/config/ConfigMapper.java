package io.jenkins.plugins.aem.simulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.DurationRange;
import io.jenkins.plugins.aem.simulator.InjectedError;
import io.jenkins.plugins.aem.simulator.RequestKind;
import io.jenkins.plugins.aem.simulator.Role;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Turns a {@link SimulatorConfig} into an {@link AemSimulatorBuilder}; names the member at fault on errors. */
final class ConfigMapper {
    private ConfigMapper() {
    }

    static AemSimulatorBuilder toBuilder(SimulatorConfig c) {
        AemSimulatorBuilder b = AemSimulator.builder();
        if (c.host() != null) b.host(c.host());
        if (c.port() != null) b.port(c.port());
        if (c.tls() != null) tls(b, c.tls());
        for (UserSection u : list(c.users())) {
            user(b, u);
        }
        list(c.tokens()).forEach(b::token);
        if (c.sessionIdleTimeout() != null) b.sessionIdleTimeout(DurationRange.parseOne(c.sessionIdleTimeout()));
        if (c.serverWaitCap() != null) b.serverWaitCap(DurationRange.parseOne(c.serverWaitCap()));
        if (c.detailsShape() != null) b.detailsShape(c.detailsShape());
        if (c.seed() != null) b.seed(c.seed());
        if (c.journalCapacity() != null) b.journalCapacity(c.journalCapacity());
        if (c.unauthorizedStatus() != null) b.unauthorizedStatus(c.unauthorizedStatus());
        if (c.shuffleExportKeys() != null) b.shuffleExportKeys(c.shuffleExportKeys());
        if (c.testEndpointShape() != null) b.testEndpointShape(c.testEndpointShape());
        if (c.faults() != null) faults(b, c.faults());
        for (ServerSection s : list(c.servers())) {
            b.server(server(s));
        }
        return b;
    }

    private static void user(AemSimulatorBuilder b, UserSection u) {
        String role = u.role() == null ? "operator" : u.role().toLowerCase(Locale.ROOT);
        require(u.name() != null && u.password() != null, "every user needs a name and a password");
        require(u.tasks() == null || role.equals("task-operator"), "user " + u.name()
                + ": tasks are given only with role task-operator");
        if (role.equals("task-operator")) {
            require(u.endpoints() == null, "user " + u.name() + ": a task operator holds no role on endpoints");
            b.taskOperator(u.name(), u.password(), list(u.tasks()).toArray(String[]::new));
            return;
        }
        Role onTasks = switch (role) {
            case "operator" -> Role.OPERATOR;
            case "viewer" -> Role.VIEWER;
            case "designer" -> Role.DESIGNER;
            default -> throw new IllegalArgumentException("user " + u.name()
                    + ": role must be operator, viewer, designer or task-operator");
        };
        Role onEndpoints = u.endpoints() == null ? onTasks : switch (u.endpoints().toLowerCase(Locale.ROOT)) {
            case "none" -> Role.NONE;
            case "viewer" -> Role.VIEWER;
            case "operator" -> Role.OPERATOR;
            case "designer" -> Role.DESIGNER;
            default -> throw new IllegalArgumentException("user " + u.name()
                    + ": endpoints must be none, viewer, operator or designer");
        };
        b.user(u.name(), u.password(), onTasks, onEndpoints);
    }

    private static void tls(AemSimulatorBuilder b, TlsSection t) {
        if (t.hostnames() != null) b.tlsHostnames(t.hostnames().toArray(String[]::new));
        if (t.keystore() != null) {
            require(t.keystorePassword() != null, "tls.keystore needs tls.keystorePassword");
            b.keystore(Path.of(t.keystore()), t.keystorePassword().toCharArray());
        }
        b.tls(Boolean.TRUE.equals(t.enabled()) || t.keystore() != null);
    }

    private static void faults(AemSimulatorBuilder b, FaultsSection f) {
        b.faults(x -> {
            if (f.latency() != null) {
                FaultsSection.LatencySection l = f.latency();
                Duration min = l.min() == null ? Duration.ZERO : DurationRange.parseOne(l.min());
                x.latency(num(l.probability()), min, l.max() == null ? min : DurationRange.parseOne(l.max()));
            }
            x.html502(num(f.html502())).html503(num(f.html503())).reset(num(f.reset())).hang(num(f.hang()))
                    .sessionExpiry(num(f.sessionExpiry())).resetAfterApply(num(f.resetAfterApply()))
                    .hangAfterApply(num(f.hangAfterApply()));
            if (f.onlyFor() != null) x.onlyFor(f.onlyFor().toArray(RequestKind[]::new));
            for (FaultsSection.FailNextSection n : list(f.failNext())) {
                require(n.kind() != null && n.errorCode() != null, "faults.failNext needs kind and errorCode");
                x.failNext(n.kind(), n.count() == null ? 1 : n.count(), n.errorCode());
            }
            for (FaultsSection.TransportNextSection n : list(f.transportNext())) {
                require(n.kind() != null && n.fault() != null, "faults.transportNext needs kind and fault");
                x.nextTransport(n.kind(), n.count() == null ? 1 : n.count(), n.fault());
            }
        });
    }

    private static SimServer server(ServerSection s) {
        require(s.name() != null, "every server needs a name");
        String type = s.type() == null ? "REPLICATE" : s.type().toUpperCase(Locale.ROOT);
        require(type.equals("REPLICATE") || type.equals("COMPOSE"), "server " + s.name() + ": type must be REPLICATE or COMPOSE");
        SimServer out = type.equals("COMPOSE") ? SimServer.compose(s.name()) : SimServer.replicate(s.name());
        if (s.state() != null) out.state(s.state(), s.message() == null ? "" : s.message());
        if (s.description() != null) out.description(s.description());
        if (s.host() != null) out.host(s.host());
        if (s.port() != null) out.port(s.port());
        if (s.platform() != null) out.platform(s.platform());
        if (s.version() != null) out.version(s.version());
        if (s.licenseState() != null || s.daysToExpiration() != null) {
            out.license(s.licenseState() == null ? out.licenseState() : s.licenseState(),
                    s.daysToExpiration() == null ? out.daysToExpiration() : s.daysToExpiration());
        }
        for (TaskSection t : list(s.tasks())) {
            require(t.name() != null, "server " + s.name() + ": every task needs a name");
            out.task(task(t, t.name()));
        }
        for (JsonNode e : list(s.endpoints())) {
            require(!out.isCompose(), "server " + s.name() + ": endpoints exist on Replicate servers only");
            out.endpoint(e.toString());
        }
        if (s.masterKey() != null) out.masterKey(s.masterKey());
        if (s.importDelay() != null) out.importDelay(DurationRange.parse(s.importDelay()));
        if (s.importedTasks() != null) {
            require(s.importedTasks().name() == null && s.importedTasks().definition() == null, "server " + s.name()
                    + ": importedTasks describes how imported tasks behave; it takes no name and no definition");
            out.importedTasks(task(s.importedTasks(), "imported"));
        }
        if (s.exportDelay() != null) out.exportDelay(DurationRange.parse(s.exportDelay()));
        require(s.generatedTask() == null || s.generatedTask().name() == null && s.generatedTask().definition() == null,
                "server " + s.name() + ": generatedTask describes how generated tasks behave; it takes no name and no definition");
        if (s.generatedTasks() != null) {
            out.generatedTasks(s.generatedTasks(), s.generatedEndpoints() == null ? 10 : s.generatedEndpoints(),
                    s.generatedTask() == null ? SimTaskSpec.named("generated") : task(s.generatedTask(), "generated"));
        }
        if (s.fillerTasks() != null) {
            out.fillerTasks(s.fillerTasks(), s.fillerMessageChars() == null ? 1500 : s.fillerMessageChars());
        }
        return out;
    }

    private static SimTaskSpec task(TaskSection t, String name) {
        SimTaskSpec s = t.project() == null ? SimTaskSpec.named(name) : SimTaskSpec.named(name, t.project());
        if (t.description() != null) s.description(t.description());
        if (t.definition() != null) s.definition(t.definition().toString());
        if (t.startDuration() != null) s.startDuration(DurationRange.parse(t.startDuration()));
        if (t.stopDuration() != null) s.stopDuration(DurationRange.parse(t.stopDuration()));
        if (t.fullLoadDuration() != null) s.fullLoadDuration(DurationRange.parse(t.fullLoadDuration()));
        s.startingState(t.startingState()).stoppingState(t.stoppingState());
        if (t.fullLoadOnly() != null) s.fullLoadOnly(t.fullLoadOnly());
        if (t.failOnRun() != null) s.failOnRun(t.failOnRun());
        if (t.failMessage() != null) s.failMessage(t.failMessage());
        if (t.recovery() != null) {
            TaskSection.RecoverySection r = t.recovery();
            s.recovery(true);
            if (r.after() != null) s.recoveryAfter(DurationRange.parse(r.after()));
            if (r.duration() != null) s.recoveryDuration(DurationRange.parse(r.duration()));
            if (r.endsInError() != null) s.recoveryEndsInError(r.endsInError());
            if (r.message() != null) s.recoveryMessage(r.message());
        }
        if (t.lag() != null) s.lag(DurationRange.parseOne(t.lag()));
        if (t.initial() != null) {
            TaskSection.InitialSection i = t.initial();
            s.initialState(i.state() == null ? "STOPPED" : i.state(), i.stopReason() == null ? "NONE" : i.stopReason(),
                    i.message() == null ? "" : i.message());
            if (i.fullLoadCompleted() != null) s.initialFullLoadCompleted(i.fullLoadCompleted());
        }
        if (t.runError() != null) s.runError(error(t.runError()));
        if (t.stopError() != null) s.stopError(error(t.stopError()));
        if (t.tables() != null) s.tables(t.tables());
        if (t.memoryMb() != null) s.memoryMb(t.memoryMb());
        if (t.errorMessageInAnswer() != null) s.errorMessageInAnswer(t.errorMessageInAnswer());
        if (t.health() != null) s.health(t.health().toSpec(t.name()));
        return s;
    }

    private static InjectedError error(TaskSection.ErrorSection e) {
        require(e.code() != null, "runError/stopError needs a code");
        return new InjectedError(e.code(), Boolean.TRUE.equals(e.once()));
    }

    private static double num(Double d) {
        return d == null ? 0 : d;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
