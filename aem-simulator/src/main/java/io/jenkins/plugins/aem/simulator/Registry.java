package io.jenkins.plugins.aem.simulator;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The servers, fixed at start, and their repositories, whose tasks ImportTask and DeleteTask change; looked up by the
 * names used in URLs. Task lookups see what AEM shows: a task an import is still creating is not there yet.
 */
final class Registry {
    private final Map<String, SimServer> servers = new LinkedHashMap<>();
    private final Map<String, ServerRepository> repositories = new LinkedHashMap<>();

    Registry(List<SimServer> configured, ScheduledExecutorService scheduler, Random random, Clock clock, long seed,
             SecretReporter secrets, boolean shuffleExportKeys) {
        for (SimServer s : configured) {
            if (servers.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("two servers are named " + s.name());
            }
            repositories.put(s.name(), new ServerRepository(s,
                    spec -> new SimTask(s.name(), s.isCompose(), spec, scheduler, random, clock),
                    seed, secrets, shuffleExportKeys, clock));
        }
    }

    Collection<SimServer> servers() {
        return servers.values();
    }

    SimServer server(String name) {
        return servers.get(name);
    }

    /** The repository of a server, or null when unknown. */
    ServerRepository repository(String server) {
        return repositories.get(server);
    }

    /** The tasks reads show now, in order of creation. */
    List<SimTask> tasks(String server) {
        ServerRepository r = repositories.get(server);
        return r == null ? List.of() : r.visibleTasks();
    }

    /** The task by wire name; for Compose, the bare task name also works when it is unique on the server. */
    SimTask task(String server, String name) {
        SimTask exact = wireTask(server, name);
        if (exact != null) {
            return exact;
        }
        List<SimTask> bare = tasks(server).stream()
                .filter(t -> t.isCompose() && t.spec().name().equals(name)).toList();
        return bare.size() == 1 ? bare.get(0) : null;
    }

    /** Strict wire-name lookup, as AEM resolves URLs. */
    SimTask wireTask(String server, String wireName) {
        ServerRepository r = repositories.get(server);
        return r == null ? null : r.visibleTask(wireName);
    }
}
