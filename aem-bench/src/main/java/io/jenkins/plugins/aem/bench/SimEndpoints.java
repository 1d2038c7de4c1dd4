package io.jenkins.plugins.aem.bench;

/**
 * Endpoints for the simulator's servers, configured with passwords the bench and the deploy soak know, so that a
 * deploy can be given them and a scan can look for them. The simulator's own defaults have passwords of their own.
 */
public final class SimEndpoints {

    /** The name of the source endpoint every simulated task uses by default. */
    public static final String SOURCE = "Source-DB";
    /** The name of the target endpoint every simulated task uses by default. */
    public static final String TARGET = "Target-DB";

    private SimEndpoints() {
    }

    /** The SQL Server source endpoint, as {@code SimServer.endpoint} takes it. */
    public static String source(String host, String password) {
        return source(SOURCE, host, password);
    }

    /** The Snowflake target endpoint, as {@code SimServer.endpoint} takes it. */
    public static String target(String host, String password) {
        return target(TARGET, host, password);
    }

    /** A SQL Server source endpoint of that name. */
    public static String source(String name, String host, String password) {
        return json(name, "SOURCE", "SQL_SERVER_COMPONENT_TYPE", "SqlserverSettings", host, password);
    }

    /** A Snowflake target endpoint of that name. */
    public static String target(String name, String host, String password) {
        return json(name, "TARGET", "SNOWFLAKE_COMPONENT_TYPE", "SnowflakeSettings", host, password);
    }

    private static String json(String name, String role, String type, String settings, String host, String password) {
        return "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"is_licensed\":true,\"type_id\":\"" + type + "\","
                + "\"db_settings\":{\"$type\":\"" + settings + "\",\"server\":\"" + host + "\",\"database\":\"SALES\","
                + "\"username\":\"replicate\",\"password\":\"" + password + "\"},\"override_properties\":{}}";
    }
}
