package io.jenkins.plugins.aem.client;

import java.util.List;

/**
 * Checks, from AEM's server list, that a task's server exists and is monitored before any command is sent, and
 * tells its kind (which decides the default run option). Pure logic, so each refusal can be tested on its own.
 */
final class ServerCheck {

    private ServerCheck() {
    }

    /**
     * The kind of the task's server.
     *
     * @throws AemException an AEM_ERROR with {@code AEM_SERVER_NOT_FOUND} (naming the servers AEM knows),
     *                      {@code AEM_SERVER_NOT_CONNECTED} (state ERROR) or {@code AEM_SERVER_NOT_MONITORED}
     */
    static ServerKind kindOf(List<ServerInfo> servers, TaskRef task) {
        ServerInfo server = servers.stream().filter(s -> s.name().equals(task.server())).findFirst().orElse(null);
        if (server == null) {
            String known = servers.isEmpty() ? "none" : String.join(", ", servers.stream().map(ServerInfo::name).toList());
            throw refusal(AemErrorCode.AEM_SERVER_NOT_FOUND, "AEM has no server named '" + task.server()
                    + "'. Servers it knows: " + known + ".", "");
        }
        if (!server.monitored()) {
            AemErrorCode code = "ERROR".equalsIgnoreCase(server.state())
                    ? AemErrorCode.AEM_SERVER_NOT_CONNECTED : AemErrorCode.AEM_SERVER_NOT_MONITORED;
            throw refusal(code, "Server '" + server.name() + "' is " + server.state() + " in AEM"
                    + (server.message().isBlank() ? "" : ": " + server.message()) + ".", server.message());
        }
        return server.kind();
    }

    private static AemException refusal(AemErrorCode code, String message, String aemMessage) {
        return AemException.of(FailureKind.AEM_ERROR, message).errorCode(code.name()).aemMessage(aemMessage)
                .remedy(code.remedy()).build();
    }
}
