package io.jenkins.plugins.aem.client;

/** The kind of server AEM manages, read from the {@code $type} of GetServerList. */
public enum ServerKind {
    REPLICATE,
    COMPOSE,
    /** The {@code $type} was missing or unrecognised. */
    UNKNOWN;

    /**
     * Maps a {@code $type} discriminator such as {@code ReplicateServerInfo} to a kind.
     *
     * @param type the discriminator; may be {@code null}
     * @return the kind
     */
    public static ServerKind fromType(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        if (type.startsWith("Replicate")) {
            return REPLICATE;
        }
        if (type.startsWith("Compose")) {
            return COMPOSE;
        }
        return UNKNOWN;
    }
}
