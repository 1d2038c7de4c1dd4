package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A change the soak makes to a task's definition. Applied to the exported file it deploys, and to the ground truth it
 * expects the deploy to leave (see {@link DefinitionTree}), so the judge compares the truth with a prediction made the
 * same way, not with the client's own reading.
 */
@FunctionalInterface
interface DefinitionEdit {

    void apply(ObjectNode root);

    /** Nothing changed: a file already in place. */
    DefinitionEdit NONE = root -> { };

    default DefinitionEdit then(DefinitionEdit next) {
        return root -> {
            apply(root);
            next.apply(root);
        };
    }

    /** A setting changed in place: the parallel load threads of the target. */
    static DefinitionEdit threads(int n) {
        return root -> ((ObjectNode) DefinitionTree.task(root).get("task_settings").get("target_settings")
                .get("ftm_settings")).put("parallel_load_threads", n);
    }

    /** A string setting set to {@code value}: a substitution's target, or its expected result. */
    static DefinitionEdit truncateMode(String value) {
        return root -> ((ObjectNode) DefinitionTree.task(root).get("task_settings").get("target_settings"))
                .put("handle_truncate_ddl", value);
    }

    /** A table added at the end of the explicit list (ImportTask appends what it does not have). */
    static DefinitionEdit addTable(String name, int n) {
        return root -> DefinitionTree.tables(root).addObject().put("estimated_size", 500 * n).put("name", name)
                .put("orig_db_id", 20_000 + n).put("owner", "dbo");
    }

    /** The last explicit table dropped: an import cannot remove it, only a replace can. */
    static DefinitionEdit removeLastTable() {
        return root -> {
            ArrayNode tables = DefinitionTree.tables(root);
            tables.remove(tables.size() - 1);
        };
    }

    /** A setting dropped: {@code batch_apply_enabled}; again only a replace can remove it. */
    static DefinitionEdit removeSetting() {
        return root -> ((ObjectNode) DefinitionTree.task(root).get("task_settings").get("common_settings"))
                .remove("batch_apply_enabled");
    }

    /** An endpoint's host changed. */
    static DefinitionEdit endpointHost(String endpoint, String host) {
        return root -> ((ObjectNode) DefinitionTree.endpoint(root, endpoint).get("db_settings")).put("server", host);
    }

    /**
     * A second target endpoint, created by the deploy: added to the task's targets and to the endpoints carried.
     *
     * @param password its password as the tree holds it: a placeholder in a file, anything in the expected truth
     *                 (its secret is compared apart)
     */
    static DefinitionEdit addTarget(String endpoint, String password) {
        return root -> {
            ObjectNode task = DefinitionTree.task(root);
            ((ArrayNode) task.get("task").get("target_names")).add(endpoint);
            ((ArrayNode) task.get("targets")).addObject().putObject("rep_target").put("database_name", endpoint)
                    .put("target_name", endpoint).put("target_state", "DISABLED");
            ObjectNode db = DefinitionTree.databases(root).addObject();
            db.putObject("db_settings").put("$type", "SnowflakeSettings").put("database", "AUDIT")
                    .put("password", password).put("server", endpoint.toLowerCase(Locale.ROOT) + ".snowflakecomputing.com")
                    .put("username", "loader");
            db.put("is_licensed", true).put("name", endpoint).put("role", "TARGET").put("type_id", "SNOWFLAKE_COMPONENT_TYPE");
            db.putObject("override_properties");
        };
    }

    /** A target named that neither the file carries nor the server has. */
    static DefinitionEdit missingTarget(String endpoint) {
        return root -> ((ArrayNode) DefinitionTree.task(root).get("task").get("target_names")).add(endpoint);
    }

    /** The task renamed: the file of one task deployed as another. */
    static DefinitionEdit rename(String name) {
        return root -> ((ObjectNode) DefinitionTree.task(root).get("task")).put("name", name);
    }

    /** The Replicate version the file says it was exported from. */
    static DefinitionEdit version(int major, int minor, int revision) {
        return root -> ((ObjectNode) root.get("_version")).put("version", major + "." + minor + ".0." + revision)
                .put("version_major", major).put("version_minor", minor).put("version_revision", revision);
    }

    /** An endpoint's password replaced by {@code value}: ciphertext, say, pasted into a file. */
    static DefinitionEdit password(String endpoint, String value) {
        return root -> ((ObjectNode) DefinitionTree.endpoint(root, endpoint).get("db_settings")).put("password", value);
    }
}
