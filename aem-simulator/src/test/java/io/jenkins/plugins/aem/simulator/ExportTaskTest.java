package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportTaskTest {
    private static final String R = "Replicate-1";
    private static final String ORDERS_DEFINITION = """
            {"name": "Orders__2024-01-01--00-00-00-000000",
             "cmd.replication_definition": {
               "tasks": [{"task": {"name": "Orders", "source_name": "Oracle HR", "target_names": ["Kafka Out"]},
                          "source": {"rep_source": {"source_name": "Oracle HR", "database_name": "Oracle HR"},
                                     "source_tables": {"name": "Oracle HR",
                                       "included_pattern": [{"owner": "HR", "name": "NEW%"}],
                                       "explicit_included_tables": [{"owner": "HR", "name": "COUNTRIES"},
                                                                    {"owner": "HR", "name": "REGIONS"}]}},
                          "targets": [{"rep_target": {"target_name": "Kafka Out", "database_name": "Kafka Out"}}],
                          "task_settings": {"common_settings": {"full_load_enabled": true, "task_uuid": "u-1"}}}],
               "databases": [{"name": "Oracle HR", "role": "SOURCE", "is_licensed": true,
                              "type_id": "ORACLE_COMPONENT_TYPE",
                              "db_settings": {"$type": "OracleSettings", "username": "hr",
                                              "password": "Oracle-Hr-Pw-81", "server": "ora.example"},
                              "override_properties": {}},
                             {"name": "Kafka Out", "role": "TARGET", "is_licensed": true,
                              "type_id": "KAFKA_COMPONENT_TYPE",
                              "db_settings": {"$type": "KafkaSettings", "brokers": "k1:9092",
                                              "saslPassword": "Kafka-Sasl-Pw-82"}}]},
             "_version": {"version": "2024.5.0.1", "version_major": 2024, "version_minor": 5, "version_revision": 1},
             "description": "Host name: dev, Time: 2024-01-01 00:00:00.000000"}
            """;
    private AemSimulator sim;
    private RawClient op;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().seed(11L)
                .user("op", "op-pass-1").viewer("viewer", "viewer-pass-1").designer("des", "des-pass-1")
                .taskOperator("ci", "ci-pass-1", "Customers").designerWithoutEndpoints("nep", "nep-pass-1")
                .server(SimServer.replicate(R).host("rep1.example.internal").version("2024.11.0.177")
                        .task(SimTaskSpec.named("Orders").definition(ORDERS_DEFINITION))
                        .task(SimTaskSpec.named("Customers").tables(3).description("Customers, full load")))
                .server(SimServer.compose("C").task(SimTaskSpec.named("Load", "DWH")))
                .server(SimServer.replicate("Old").version("5.2.0.100").task(SimTaskSpec.named("T")))
                .server(SimServer.replicate("Off").state("NOT_MONITORED").task(SimTaskSpec.named("T")))
                .start();
        op = new RawClient(sim).loggedIn("op", "op-pass-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aDefaultDefinitionIsShapedLikeARealExport() throws Exception {
        JsonNode doc = op.exported(R, "Customers");
        assertThat(doc.path("name").asText()).matches("Customers__\\d{4}-\\d\\d-\\d\\d--\\d\\d-\\d\\d-\\d\\d-\\d{6}");
        assertThat(doc.path("description").asText())
                .matches("Host name: rep1\\.example\\.internal, Time: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        JsonNode def = doc.path("cmd.replication_definition");
        assertThat(def.path("tasks")).hasSize(1);
        JsonNode task = def.path("tasks").get(0);
        assertThat(task.path("task").path("name").asText()).isEqualTo("Customers");
        assertThat(task.path("task").path("source_name").asText()).isEqualTo("Source-DB");
        assertThat(task.path("task").path("target_names").get(0).asText()).isEqualTo("Target-DB");
        assertThat(task.path("source").path("source_tables").path("explicit_included_tables")).hasSize(3)
                .allSatisfy(t -> assertThat(t.path("owner").asText()).isEqualTo("dbo"));
        assertThat(task.path("source").path("source_tables").path("included_pattern")).hasSize(1);
        assertThat(task.path("targets").get(0).path("rep_target").path("target_name").asText()).isEqualTo("Target-DB");
        assertThat(task.path("task_settings").path("common_settings").path("task_uuid").asText())
                .matches("[0-9a-f-]{36}");
        assertThat(def.path("databases")).extracting(d -> d.path("name").asText())
                .containsExactly("Source-DB", "Target-DB");
        for (JsonNode db : def.path("databases")) {
            assertThat(db.path("db_settings").path("password").asText()).matches("\\{Z[0-9A-F]{40,}}");
            assertThat(db.path("role").asText()).isIn("SOURCE", "TARGET");
            assertThat(db.path("db_settings").path("$type").asText()).isNotBlank();
        }
    }

    @Test
    void versionIsTheOneGetServerDetailsShowsAndIsConfigurablePerServer() throws Exception {
        String shown = RawClient.json(op.get("/servers/" + R)).path("server_details").path("version").asText();
        assertThat(shown).isEqualTo("2024.11.0.177");
        JsonNode v = op.exported(R, "Orders").path("_version");
        assertThat(v.path("version").asText()).isEqualTo(shown);
        assertThat(v.path("version_major").asInt()).isEqualTo(2024);
        assertThat(v.path("version_minor").asInt()).isEqualTo(11);
        assertThat(v.path("version_revision").asInt()).isEqualTo(177);
        assertThat(v.path("version_major").isInt()).isTrue();
    }

    @Test
    void endpointsComeOnlyWithWithendpointsTrue() throws Exception {
        assertThat(RawClient.json(op.export(R, "Orders", "&withendpoints=false")).path("cmd.replication_definition")
                .has("databases")).isFalse();
        assertThat(RawClient.json(op.export(R, "Orders", "")).path("cmd.replication_definition").has("databases"))
                .as("no withendpoints means false, as in the .NET and Python signatures").isFalse();
        assertThat(RawClient.json(op.export(R, "Orders", "&withendpoints=TRUE")).path("cmd.replication_definition")
                .path("databases")).hasSize(2);
        HttpResponse<String> bad = op.export(R, "Orders", "&withendpoints=yes");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RawClient.code(bad)).isEqualTo("DESERIALIZE_TO_TYPE");
    }

    @Test
    void anExplicitDefinitionIsExportedWithItsEndpointsEncrypted() throws Exception {
        JsonNode def = op.exported(R, "Orders").path("cmd.replication_definition");
        JsonNode task = def.path("tasks").get(0);
        assertThat(task.path("task").path("source_name").asText()).isEqualTo("Oracle HR");
        assertThat(task.path("source").path("source_tables").path("explicit_included_tables"))
                .extracting(t -> t.path("name").asText()).containsExactly("COUNTRIES", "REGIONS");
        assertThat(def.path("databases")).extracting(d -> d.path("name").asText())
                .containsExactly("Oracle HR", "Kafka Out");
        assertThat(def.path("databases").get(0).path("db_settings").path("password").asText()).startsWith("{Z");
        assertThat(def.path("databases").get(1).path("db_settings").path("saslPassword").asText()).startsWith("{Z");
        assertThat(def.path("databases").get(1).path("db_settings").path("brokers").asText()).isEqualTo("k1:9092");
        assertThat(op.exported(R, "Orders").toString()).doesNotContain("Oracle-Hr-Pw-81").doesNotContain("Kafka-Sasl");
        ServerRepository repo = sim.repository(R);
        assertThat(repo.endpointNames()).contains("Oracle HR", "Kafka Out", "Source-DB", "Target-DB");
        assertThat(repo.secretMatches("Oracle HR", "password", "Oracle-Hr-Pw-81")).isTrue();
        assertThat(repo.secretMatches("Oracle HR", "password", "something else")).isFalse();
        assertThat(repo.endpointBroken("Oracle HR")).isFalse();
    }

    @Test
    void keyOrderAndCiphertextsChangeBetweenExportsButTheContentDoesNot() throws Exception {
        Set<List<String>> orders = new HashSet<>();
        Set<String> ciphers = new HashSet<>();
        JsonNode first = null;
        for (int i = 0; i < 6; i++) {
            JsonNode doc = op.exported(R, "Orders");
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            orders.add(keys);
            JsonNode db = doc.path("cmd.replication_definition").path("databases").get(0);
            ciphers.add(db.path("db_settings").path("password").asText());
            JsonNode stable = withoutVolatile(doc);
            if (first == null) {
                first = stable;
            }
            assertThat(stable).isEqualTo(first); // Jackson compares objects without regard to key order
        }
        assertThat(orders).as("top-level key orders seen").hasSizeGreaterThan(1);
        assertThat(ciphers).as("each export encrypts afresh").hasSize(6);
        ciphers.forEach(c -> assertThat(sim.repository(R).endpoint("Oracle HR").orElseThrow()).doesNotContain(c));
    }

    @Test
    void keyShufflingCanBeTurnedOff() throws Exception {
        try (AemSimulator plain = AemSimulator.builder().user("op", "op-pass-1").shuffleExportKeys(false)
                .server(SimServer.replicate(R).task(SimTaskSpec.named("T"))).start()) {
            RawClient c = new RawClient(plain).loggedIn("op", "op-pass-1");
            for (int i = 0; i < 3; i++) {
                List<String> keys = new ArrayList<>();
                c.exported(R, "T").fieldNames().forEachRemaining(keys::add);
                assertThat(keys).containsExactly("name", "cmd.replication_definition", "_version", "description");
            }
        }
    }

    @Test
    void exportedCiphertextsCountAsSecretsForTheScan() throws Exception {
        String cipher = op.exported(R, "Orders").path("cmd.replication_definition").path("databases").get(0)
                .path("db_settings").path("password").asText();
        assertThatThrownBy(() -> SecretScan.assertClean("a probe", "x" + cipher + "x"))
                .hasMessageContaining("encrypted endpoint secret");
        assertThatThrownBy(() -> SecretScan.assertClean("a probe", "Oracle-Hr-Pw-81"))
                .hasMessageContaining("password");
    }

    @Test
    void rolesOperatorOnTheTaskAndOnAllEndpoints() throws Exception {
        assertThat(new RawClient(sim).loggedIn("des", "des-pass-1").export(R, "Orders", "&withendpoints=true")
                .statusCode()).isEqualTo(200);
        assertError(new RawClient(sim).loggedIn("viewer", "viewer-pass-1").export(R, "Orders", "&withendpoints=false"),
                403, "UNAUTHORIZED_REQUEST");
        RawClient ci = new RawClient(sim).loggedIn("ci", "ci-pass-1");
        assertError(ci.export(R, "Orders", "&withendpoints=false"), 403, "UNAUTHORIZED_REQUEST");
        assertError(ci.export(R, "Customers", "&withendpoints=false"), 500, "AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
        assertError(new RawClient(sim).loggedIn("nep", "nep-pass-1").export(R, "Orders", "&withendpoints=false"),
                500, "AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT");
    }

    @Test
    void composeOldReplicateAndUnknownNamesAreRefused() throws Exception {
        assertError(op.export("C", "Load__DWH", "&withendpoints=false"), 500, "AEM_METHOD_NOT_SUPPORTED_VERSION");
        HttpResponse<String> old = op.export("Old", "T", "&withendpoints=false");
        assertError(old, 500, "AEM_METHOD_NOT_SUPPORTED_VERSION");
        assertThat(RawClient.json(old).path("error_message").asText()).contains("5.5").contains("5.2.0.100");
        assertError(op.export(R, "Nope", "&withendpoints=false"), 500, "AEM_TASK_NOT_FOUND");
        assertError(op.export("Nope", "T", "&withendpoints=false"), 500, "AEM_SERVER_NOT_FOUND");
        assertError(op.export("Off", "T", "&withendpoints=false"), 500, "AEM_SERVER_NOT_MONITORED");
        assertThat(sim.journal().entries()).filteredOn(JournalEntry::isExport).hasSize(5);
    }

    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(RawClient.code(r)).isEqualTo(code);
        assertThat(RawClient.json(r).path("error_message").asText()).isNotBlank();
    }

    /** The export without its label and description, and with every ciphertext blanked. */
    static JsonNode withoutVolatile(JsonNode export) {
        ObjectNode copy = export.deepCopy();
        copy.remove("name");
        copy.remove("description");
        copy.path("cmd.replication_definition").path("databases").forEach(db -> {
            ObjectNode s = (ObjectNode) db.path("db_settings");
            List<String> names = new ArrayList<>();
            s.fieldNames().forEachRemaining(names::add);
            names.stream().filter(n -> s.path(n).asText().startsWith("{Z")).forEach(n -> s.put(n, "<cipher>"));
        });
        return copy;
    }
}
