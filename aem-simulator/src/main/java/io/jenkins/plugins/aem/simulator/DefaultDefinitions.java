package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The definition a configured Replicate task has when none is given: SQL Server endpoint {@value #SOURCE} to
 * Snowflake endpoint {@value #TARGET}, {@link SimTaskSpec#tables()} tables of schema {@code dbo}, one include
 * pattern and a few settings, shaped like a real export. Deterministic: the same server and task always give the
 * same definition, so a test can rely on it.
 */
final class DefaultDefinitions {
    static final String SOURCE = "Source-DB";
    static final String TARGET = "Target-DB";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefaultDefinitions() {
    }

    /** The two default endpoints of a server, their passwords in clear text (the repository encrypts them). */
    static ObjectNode[] endpoints(String server) {
        return new ObjectNode[] {source(SOURCE, server), target(TARGET, server)};
    }

    /** A SQL Server source endpoint with a password of its own, in clear text. */
    static ObjectNode source(String name, String server) {
        ObjectNode source = endpoint(name, "SOURCE", "SQL_SERVER_COMPONENT_TYPE", "SqlserverSettings", server);
        ObjectNode s = (ObjectNode) source.get("db_settings");
        s.put("server", "sqlserver.example.internal");
        s.put("database", "Sales");
        s.put("useWindowsAuthentication", false);
        s.put("safeguardPolicy", "RELY_ON_SQL_SERVER_REPLICATION_AGENT");
        return source;
    }

    /** A Snowflake target endpoint with a password of its own, in clear text. */
    static ObjectNode target(String name, String server) {
        ObjectNode target = endpoint(name, "TARGET", "SNOWFLAKE_COMPONENT_TYPE", "SnowflakeSettings", server);
        ObjectNode t = (ObjectNode) target.get("db_settings");
        t.put("server", "acme.snowflakecomputing.com");
        t.put("database", "ANALYTICS");
        t.put("warehouse", "LOAD_WH");
        t.put("stagingType", "SNOWFLAKE_STAGE");
        return target;
    }

    /** The default definition of one task: the object {@code cmd.replication_definition.tasks[0]} of an export. */
    static ObjectNode task(String server, SimTaskSpec spec) {
        String sourceName = spec.sourceEndpoint() == null ? SOURCE : spec.sourceEndpoint();
        String targetName = spec.targetEndpoint() == null ? TARGET : spec.targetEndpoint();
        ObjectNode t = NODES.objectNode();
        ObjectNode head = t.putObject("task");
        head.put("name", spec.name());
        head.put("source_name", sourceName);
        head.putArray("target_names").add(targetName);
        if (!spec.description().isEmpty()) {
            head.put("description", spec.description());
        }
        ObjectNode source = t.putObject("source");
        ObjectNode rep = source.putObject("rep_source");
        rep.put("source_name", sourceName);
        rep.put("database_name", sourceName);
        ObjectNode tables = source.putObject("source_tables");
        tables.put("name", sourceName);
        ArrayNode patterns = tables.putArray("included_pattern");
        patterns.addObject().put("owner", "audit").put("name", prefix(spec.name()) + "%");
        ArrayNode explicit = tables.putArray("explicit_included_tables");
        for (int i = 1; i <= spec.tables(); i++) {
            String table = String.format(Locale.ROOT, "%s_%02d", prefix(spec.name()), i);
            explicit.addObject().put("owner", "dbo").put("name", table).put("estimated_size", 1000L * i)
                    .put("orig_db_id", 16_000 + i);
        }
        ObjectNode target = t.putArray("targets").addObject().putObject("rep_target");
        target.put("target_name", targetName);
        target.put("target_state", "DISABLED");
        target.put("database_name", targetName);
        ObjectNode settings = t.putObject("task_settings");
        settings.putObject("source_settings");
        ObjectNode targetSettings = settings.putObject("target_settings");
        targetSettings.put("create_pk_after_data_load", false);
        targetSettings.put("handle_truncate_ddl", "TRUNCATE_TABLE");
        targetSettings.putObject("ftm_settings").put("parallel_load_threads", 4);
        settings.putObject("sorter_settings").putObject("local_transactions_storage")
                .put("memory_keep_time", 60).put("memory_limit_total", 1024);
        ObjectNode common = settings.putObject("common_settings");
        common.put("full_load_enabled", true);
        common.put("apply_changes_enabled", !spec.fullLoadOnly());
        common.put("save_changes_enabled", false);
        common.put("batch_apply_enabled", false);
        common.put("full_load_sub_tasks", 5);
        byte[] id = (server + "\u0000" + spec.name()).getBytes(StandardCharsets.UTF_8);
        common.put("task_uuid", UUID.nameUUIDFromBytes(id).toString());
        common.putObject("status_table_settings");
        common.putObject("change_table_settings").putObject("header_columns_settings");
        return t;
    }

    private static ObjectNode endpoint(String name, String role, String typeId, String settingsType, String server) {
        ObjectNode db = NODES.objectNode();
        db.put("name", name);
        db.put("role", role);
        db.put("is_licensed", true);
        db.put("type_id", typeId);
        ObjectNode s = db.putObject("db_settings");
        s.put("$type", settingsType);
        s.put("username", "replicate");
        s.put("password", defaultPassword(server, name));
        db.putObject("override_properties");
        return db;
    }

    /** A clear-text password unique to the server and endpoint, so a secret scan can tell them apart. */
    private static String defaultPassword(String server, String endpoint) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((server + "/" + endpoint).getBytes(StandardCharsets.UTF_8));
            return "Sim-" + HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The table-name prefix of a task: its name in upper case, letters and digits only. */
    private static String prefix(String task) {
        String p = task.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return p.isEmpty() ? "T" : p;
    }
}
