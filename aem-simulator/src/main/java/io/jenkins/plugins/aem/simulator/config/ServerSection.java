package io.jenkins.plugins.aem.simulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Replicate or Compose server.
 *
 * @param name             display name used in URLs
 * @param type             REPLICATE (default) or COMPOSE
 * @param state            MONITORED (default), NOT_MONITORED or ERROR
 * @param message          the connection error when state is ERROR
 * @param description      free text
 * @param host             host shown
 * @param port             port shown
 * @param platform         UNKNOWN, WINDOWS or LINUX
 * @param version          version shown
 * @param licenseState     license state shown in server details
 * @param daysToExpiration license days left shown in server details
 * @param tasks            the server's tasks
 * @param fillerTasks      that many extra tasks in ERROR with long messages, for a server with a large task list
 * @param fillerMessageChars the length of each filler task's message (default 1,500)
 * @param endpoints        endpoints of a Replicate server, each as an export's {@code databases} element
 * @param masterKey        the server's master key as any text (servers with the same key share secrets)
 * @param importDelay      how long an accepted ImportTask takes to become visible (default 0s)
 * @param importedTasks    how tasks that ImportTask creates behave: a task without name (durations, failures, ...)
 * @param exportDelay      how long ExportTask takes to answer (default 0s)
 * @param generatedTasks   that many tasks {@code Task-0001}... sharing {@code generatedEndpoints} endpoints
 * @param generatedEndpoints how many endpoints the generated tasks share (default 10; at least 2)
 * @param generatedTask    how the generated tasks behave: a task without name or definition
 */
public record ServerSection(String name, String type, String state, String message, String description,
                            String host, Integer port, String platform, String version, String licenseState,
                            Integer daysToExpiration, List<TaskSection> tasks,
                            Integer fillerTasks, Integer fillerMessageChars, List<JsonNode> endpoints,
                            String masterKey, String importDelay, TaskSection importedTasks, String exportDelay,
                            Integer generatedTasks, Integer generatedEndpoints, TaskSection generatedTask) {
}
