package io.jenkins.plugins.aem.simulator;

import java.time.Clock;
import java.util.function.Supplier;

/** GetServerList, GetServerDetails, GetTaskList and GetTaskDetails. */
final class ReadController {
    private final Registry registry;
    private final Json json;
    private final ServerJson servers;
    private final TaskJson tasks;
    private final Clock clock;
    private final Supplier<DetailsShape> shape;

    ReadController(Registry registry, Json json, Clock clock, Supplier<DetailsShape> shape) {
        this.registry = registry;
        this.json = json;
        this.servers = new ServerJson(json);
        this.tasks = new TaskJson(json);
        this.clock = clock;
        this.shape = shape;
    }

    ApiResponse serverList() {
        return json.answer(200, servers.list(registry.servers(), clock.instant()));
    }

    ApiResponse serverDetails(String server) {
        SimServer s = registry.server(server);
        if (s == null) {
            return json.error(AemErrors.serverNotFound(server));
        }
        return json.answer(200, servers.details(s, registry.tasks(server), clock.instant()));
    }

    ApiResponse taskList(String server) {
        AemError refused = serverRefusal(server);
        return refused != null ? json.error(refused) : json.answer(200, tasks.list(registry.tasks(server)));
    }

    ApiResponse taskDetails(String server, String task) {
        AemError refused = serverRefusal(server);
        if (refused != null) {
            return json.error(refused);
        }
        SimTask t = registry.wireTask(server, task);
        return t == null ? json.error(AemErrors.taskNotFound(server, task))
                : json.answer(200, tasks.details(t, shape.get(), registry.repository(server).detailsEndpoints(task)));
    }

    /** Why task calls on this server fail (unknown, not monitored, not connected), or null when they can go on. */
    AemError serverRefusal(String server) {
        SimServer s = registry.server(server);
        if (s == null) {
            return AemErrors.serverNotFound(server);
        }
        return switch (s.state()) {
            case "NOT_MONITORED" -> new AemError(500, "AEM_SERVER_NOT_MONITORED",
                    "Server " + server + " is not monitored.");
            case "ERROR" -> new AemError(500, "AEM_SERVER_NOT_CONNECTED",
                    "Server " + server + " is not connected: " + s.message());
            default -> null;
        };
    }
}
