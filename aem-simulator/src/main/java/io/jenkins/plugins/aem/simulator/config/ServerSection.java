package io.jenkins.plugins.aem.simulator.config;

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
 */
public record ServerSection(String name, String type, String state, String message, String description,
                            String host, Integer port, String platform, String version, String licenseState,
                            Integer daysToExpiration, List<TaskSection> tasks,
                            Integer fillerTasks, Integer fillerMessageChars) {
}
