package io.jenkins.plugins.aem.client;

/**
 * Remembers, for one connection and server, that TestEndpoint is not to be had there: AEM answered 404 (a release
 * without the call) or refused it to this account ({@code UNAUTHORIZED_REQUEST}). For {@link RefusalMemory#MEMORY} no
 * deploy sends it again; each says once that its endpoints were not tested, and why. After that it is tried once more,
 * so an upgrade or a role granted meanwhile is used without a restart.
 */
final class EndpointTestMemory {

    private final RefusalMemory memory;
    private volatile String notice;

    EndpointTestMemory(String server) {
        this.memory = new RefusalMemory("TestEndpoint on server '" + server + "'");
    }

    /** Why TestEndpoint is not sent, while that stands; else {@code null}. */
    String standing() {
        String why = notice;
        return memory.standing() ? why : null;
    }

    /** Notes that TestEndpoint is not to be had, with the line that says so. */
    void note(String why) {
        notice = why;
        memory.note();
    }
}
