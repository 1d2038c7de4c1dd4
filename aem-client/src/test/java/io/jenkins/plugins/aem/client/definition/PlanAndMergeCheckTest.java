package io.jenkins.plugins.aem.client.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The plan (what a deploy would change) and the check after an import (applied, pending, merge leftovers). */
class PlanAndMergeCheckTest {

    private static final EndpointCatalog BOTH = new EndpointCatalog(Set.of("Oracle-Dev", "Snowflake-Dev"), true);

    /** The target as exported, in comparison form. */
    private static TaskDefinition target() {
        return DefinitionForms.comparableExport(Exports.orders());
    }

    /** A file edited from the target's export, in comparison form. */
    private static TaskDefinition file(Consumer<ObjectNode> edit) {
        ObjectNode tree = DefinitionForms.portable(Exports.orders()).json();
        edit.accept(tree);
        return DefinitionForms.comparableFile(TaskDefinition.of(tree));
    }

    private static ArrayNode tables(ObjectNode tree) {
        return (ArrayNode) Exports.task(tree).get("source").get("source_tables").get("explicit_included_tables");
    }

    @Test
    void theSameDefinitionIsNoChange() {
        DeployPlan plan = DeployPlanner.plan(target(), file(t -> { }), BOTH, Set.of(), Set.of());
        assertThat(plan.noChange()).isTrue();
        assertThat(plan.lines()).containsExactly("no change");
    }

    @Test
    void tablesAndSettingsAreListedOneLinePerChangeInPathOrder() {
        TaskDefinition desired = file(t -> {
            tables(t).remove(1);
            tables(t).addObject().put("owner", "SALES").put("name", "RETURNS").put("estimated_size", 10);
            ObjectNode target = (ObjectNode) Exports.task(t).get("task_settings").get("target_settings");
            target.put("max_transaction_size", 2000);
            target.remove("target_schema");
            ((ObjectNode) Exports.task(t).get("task_settings").get("common_settings")).put("audit_changes_enabled", false);
        });
        DeployPlan plan = DeployPlanner.plan(target(), desired, BOTH, Set.of(), Set.of());
        assertThat(plan.lines()).containsExactly(
                "remove table SALES.ORDER_LINES",
                "add table SALES.RETURNS",
                "add setting task_settings.common_settings.audit_changes_enabled = false",
                "change setting task_settings.target_settings.max_transaction_size: 1000 -> 2000",
                "remove setting task_settings.target_settings.target_schema (was \"STAGE\")");
        assertThat(plan.removes()).isTrue();
        assertThat(plan.noChange()).isFalse();
    }

    @Test
    void keyOrderAndNumberSpellingAreNoChange() {
        TaskDefinition desired = file(t -> ((ObjectNode) Exports.task(t).get("task_settings").get("target_settings"))
                .put("max_transaction_size", 1000.0));
        assertThat(DeployPlanner.plan(target(), desired, BOTH, Set.of(), Set.of()).noChange()).isTrue();
    }

    @Test
    void aNewTaskAndNewEndpointsAreCreated() {
        EndpointCatalog none = new EndpointCatalog(Set.of(), true);
        DeployPlan plan = DeployPlanner.plan(null, file(t -> { }), none, Set.of("Oracle-Dev", "Snowflake-Dev"), Set.of());
        assertThat(plan.lines()).containsExactly(
                "create task 'Orders' using endpoints Oracle-Dev, Snowflake-Dev with 2 tables and 1 table pattern",
                "create endpoint 'Oracle-Dev' (SOURCE ORACLE_COMPONENT_TYPE)",
                "create endpoint 'Snowflake-Dev' (TARGET SNOWFLAKE_COMPONENT_TYPE)");
        assertThat(plan.createsTask()).isTrue();
    }

    @Test
    void endpointsChangedKeptOrNotComparable() {
        TaskDefinition desired = file(t -> ((ObjectNode) Exports.endpoint(t, 0).get("db_settings")).put("server", "prod-db:1521/PRD"));
        DeployPlan filled = DeployPlanner.plan(target(), desired, BOTH, Set.of("Oracle-Dev", "Snowflake-Dev"), Set.of());
        assertThat(filled.lines()).containsExactly(
                "change endpoint 'Oracle-Dev': db_settings.server: \"dev-db:1521/ORCL\" -> \"prod-db:1521/PRD\"",
                "the secrets given for 'Oracle-Dev', 'Snowflake-Dev' are sent with the import (AEM exports secrets encrypted, so they cannot be compared)");
        DeployPlan kept = DeployPlanner.plan(target(), desired, BOTH, Set.of(), Set.of("Oracle-Dev", "Snowflake-Dev"));
        assertThat(kept.noChange()).isTrue();
        assertThat(kept.lines()).containsExactly("no change",
                "keep endpoint 'Oracle-Dev' as the target has it (no secret was given for it)",
                "endpoint 'Oracle-Dev' differs from the file in db_settings.server; without its secret these are not applied",
                "keep endpoint 'Snowflake-Dev' as the target has it (no secret was given for it)");
        DeployPlan secretsOnly = DeployPlanner.plan(target(), file(t -> { }), BOTH, Set.of("Oracle-Dev"), Set.of());
        assertThat(secretsOnly.noChange()).isTrue();
        assertThat(secretsOnly.lines()).containsExactly("no change", "the secrets given for 'Oracle-Dev' are not compared "
                + "(AEM exports them encrypted), so a changed secret alone is no change");
        TaskDefinition other = file(t -> {
            Exports.endpoint(t, 1).put("name", "Snowflake-Other");
            ((ArrayNode) Exports.task(t).get("task").get("target_names")).set(0, "Snowflake-Other");
        });
        DeployPlan notUsed = DeployPlanner.plan(target(), other, new EndpointCatalog(Set.of("Oracle-Dev", "Snowflake-Dev",
                "Snowflake-Other"), true), Set.of("Oracle-Dev", "Snowflake-Other"), Set.of());
        assertThat(notUsed.lines()).contains("remove \"Snowflake-Dev\" from task.target_names", "add \"Snowflake-Other\" to task.target_names",
                "replace endpoint 'Snowflake-Other' with the file's settings (the task does not use it now, so they cannot be compared)");
    }

    @Test
    void noLineEverShowsASecret() {
        ObjectNode tree = Exports.orders().json();
        ((ObjectNode) Exports.endpoint(tree, 0).get("db_settings")).put("password", "clear-Pw-in-file");
        DeployPlan plan = DeployPlanner.plan(target(), DefinitionForms.comparableFile(TaskDefinition.of(tree)), BOTH,
                Set.of(), Set.of());
        assertThat(String.join("\n", plan.lines())).doesNotContain("clear-Pw-in-file").doesNotContain("{Z");
    }

    @Test
    void afterAnImportTellsPendingFromLeftoversFromAemDefaults() {
        TaskDefinition before = target();
        TaskDefinition meant = file(t -> {
            tables(t).remove(1);
            ((ObjectNode) Exports.task(t).get("task_settings").get("target_settings")).put("max_transaction_size", 2000);
        });
        // Not applied yet: AEM still shows the old task.
        MergeCheck notYet = MergeCheck.afterImport(before, meant, before);
        assertThat(notYet.applied()).isFalse();
        assertThat(MergeCheck.describe(notYet.pending(), 3)).isEqualTo("task_settings.target_settings.max_transaction_size");
        // Applied as a merge: the new value is there, the removed table too, and AEM added a default of its own.
        TaskDefinition merged = file(t -> {
            ((ObjectNode) Exports.task(t).get("task_settings").get("target_settings")).put("max_transaction_size", 2000);
            ((ObjectNode) Exports.task(t).get("task_settings").get("sorter_settings")).put("new_default", 5);
        });
        MergeCheck check = MergeCheck.afterImport(before, meant, merged);
        assertThat(check.applied()).isTrue();
        assertThat(check.exact()).isFalse();
        assertThat(MergeCheck.describe(check.leftovers(), 3)).isEqualTo("table SALES.ORDER_LINES");
        // Imported afresh: exactly the file, AEM's default aside.
        TaskDefinition fresh = file(t -> {
            tables(t).remove(1);
            ((ObjectNode) Exports.task(t).get("task_settings").get("target_settings")).put("max_transaction_size", 2000);
            ((ObjectNode) Exports.task(t).get("task_settings").get("sorter_settings")).put("new_default", 5);
        });
        assertThat(MergeCheck.afterImport(before, meant, fresh).exact()).isTrue();
        // A restore counts anything beyond the backup as left over.
        assertThat(MergeCheck.restored(before, fresh).exact()).isFalse();
        assertThat(MergeCheck.restored(before, target()).exact()).isTrue();
    }

    @Test
    void anEndpointMissingAfterTheImportIsPending() {
        TaskDefinition meant = file(t -> { });
        TaskDefinition without = DefinitionForms.comparableFile(file(t -> { }).withoutEndpoints(Set.of("Oracle-Dev")));
        MergeCheck check = MergeCheck.afterImport(target(), meant, without);
        assertThat(check.applied()).isFalse();
        assertThat(MergeCheck.describe(check.pending(), 3)).isEqualTo("endpoint 'Oracle-Dev': (the endpoint)");
    }
}
