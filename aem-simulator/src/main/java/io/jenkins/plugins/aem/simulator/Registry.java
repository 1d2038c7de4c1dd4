package io.jenkins.plugins.aem.simulator;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

/** The servers and their running tasks, fixed at start; looked up by the names used in URLs. */
final class Registry {
    private final Map<String, SimServer> servers = new LinkedHashMap<>();
    private final Map<String, Map<String, SimTask>> tasks = new LinkedHashMap<>();

    Registry(List<SimServer> configured, ScheduledExecutorService scheduler, Random random, Clock clock) {
        for (SimServer s : configured) {
            if (servers.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("two servers are named " + s.name());
            }
            Map<String, SimTask> byName = new LinkedHashMap<>();
            for (SimTaskSpec spec : s.tasks()) {
                SimTask t = new SimTask(s.name(), s.isCompose(), spec.copy(), scheduler, random, clock);
                if (byName.putIfAbsent(t.wireName(), t) != null) {
                    throw new IllegalArgumentException("server " + s.name() + " has two tasks named " + t.wireName());
                }
            }
            tasks.put(s.name(), byName);
        }
    }

    Collection<SimServer> servers() {
        return servers.values();
    }

    SimServer server(String name) {
        return servers.get(name);
    }

    Collection<SimTask> tasks(String server) {
        return tasks.getOrDefault(server, Map.of()).values();
    }

    /** The task by wire name; for Compose, the bare task name also works when it is unique on the server. */
    SimTask task(String server, String name) {
        Map<String, SimTask> byName = tasks.getOrDefault(server, Map.of());
        SimTask exact = byName.get(name);
        if (exact != null) {
            return exact;
        }
        List<SimTask> bare = byName.values().stream()
                .filter(t -> t.isCompose() && t.spec().name().equals(name)).toList();
        return bare.size() == 1 ? bare.get(0) : null;
    }

    /** Strict wire-name lookup, as AEM resolves URLs. */
    SimTask wireTask(String server, String wireName) {
        return tasks.getOrDefault(server, Map.of()).get(wireName);
    }
}
