package io.jenkins.plugins.aem.simulator;

/**
 * A logged-in session. The ID is a secret; the alias ({@code s1}, {@code s2}, ...) is what tests and the journal
 * use instead.
 */
final class Session {
    private final String id;
    private final String alias;
    private final String user;
    private final Role.Access access;
    private volatile long lastUsedNanos;

    Session(String id, String alias, String user, Role.Access access, long now) {
        this.id = id;
        this.alias = alias;
        this.user = user;
        this.access = access;
        this.lastUsedNanos = now;
    }

    String id() { return id; }
    String alias() { return alias; }
    String user() { return user; }
    Role.Access access() { return access; }
    long lastUsedNanos() { return lastUsedNanos; }
    void touch(long now) { lastUsedNanos = now; }
}
