package io.jenkins.plugins.aem.client.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The file form: canonical text, volatile fields, secrets as placeholders, literal '${' escaped. */
class DefinitionFormsTest {

    @Test
    void twoExportsOfAnUnchangedTaskGiveTheSameBytes() {
        TaskDefinition first = Exports.orders();
        // The same task exported later, by another host, with AEM ordering every object's keys the other way round.
        ObjectNode reordered = reversed(first.json());
        reordered.put("name", "another label");
        reordered.put("description", "Host name: dev-replicate-02, Time: 2026-04-01 08:00:00");
        String a = CanonicalForm.text(DefinitionForms.portable(first));
        String b = CanonicalForm.text(DefinitionForms.portable(TaskDefinition.of(reordered)));
        assertThat(a).isEqualTo(b);
        assertThat(a).endsWith("}\n").doesNotContain("\r").doesNotContain("dev-replicate").doesNotContain("another label")
                .startsWith("{\n  \"_version\": {\n");
        assertThat(a.indexOf("\"databases\"")).isLessThan(a.indexOf("\"tasks\""));
    }

    @Test
    void aFileHoldsNoSecretAndNamesEachPlaceholder() {
        TaskDefinition file = DefinitionForms.portable(Exports.orders());
        String text = CanonicalForm.text(file);
        assertThat(text).doesNotContain(Exports.ORACLE_CIPHERTEXT).doesNotContain(Exports.SNOWFLAKE_CIPHERTEXT).doesNotContain("{Z")
                .contains("\"password\": \"${secret:Oracle-Dev/password}\"")
                .contains("\"password\": \"${secret:Snowflake-Dev/password}\"")
                // An empty secret field is no secret: it stays empty, and needs no value on a deploy.
                .contains("\"asmPassword\": \"\"")
                .doesNotContain("task_uuid");
        assertThat(SecretMasker.placeholders(file)).extracting(SecretPlaceholder::key)
                .containsExactly("Oracle-Dev/password", "Snowflake-Dev/password");
        assertThat(SecretMasker.encrypted(file)).isEmpty();
    }

    @Test
    void aBackupKeepsItsIdentityAndCiphertextForItsOwnServer() {
        String text = CanonicalForm.text(DefinitionForms.restorable(Exports.orders()));
        assertThat(text).contains(Exports.ORACLE_CIPHERTEXT).contains("\"task_uuid\": \"3f1c6c1e").doesNotContain("Host name");
        assertThat(SecretMasker.encrypted(TaskDefinition.parse(text))).extracting(SecretPlaceholder::key)
                .containsExactly("Oracle-Dev/password", "Snowflake-Dev/password");
    }

    @Test
    void secretsAreFoundByValueAndByNameWhereverTheyAre() {
        TaskDefinition d = Exports.edited(t -> {
            ObjectNode settings = (ObjectNode) Exports.endpoint(t, 1).get("db_settings");
            settings.putObject("proxy").put("proxyPassword", "clear-Text-99").put("host", "proxy.example");
            settings.put("connectionString", "user=x;pwd={ZC0FFEE00C0FFEE00};timeout=5");
            settings.put("secretKey", "AKIA-not-really");
            Exports.task(t).with("task_settings").with("common_settings").put("status_table_token", "tok-123456");
        });
        TaskDefinition masked = SecretMasker.mask(d).definition();
        String text = CanonicalForm.text(masked);
        assertThat(text).doesNotContain("clear-Text-99").doesNotContain("C0FFEE").doesNotContain("AKIA").doesNotContain("tok-123456")
                .contains("proxy.example");
        assertThat(SecretMasker.mask(d).placeholders()).extracting(SecretPlaceholder::text).containsExactly(
                "${secret:/cmd.replication_definition.tasks[0].task_settings.common_settings.status_table_token}",
                "${secret:Oracle-Dev/password}",
                "${secret:Snowflake-Dev/connectionString}",
                "${secret:Snowflake-Dev/password}",
                "${secret:Snowflake-Dev/proxy.proxyPassword}",
                "${secret:Snowflake-Dev/secretKey}");
        assertThat(SecretMasker.clearText(d)).extracting(SecretPlaceholder::key)
                .contains("Snowflake-Dev/proxy.proxyPassword", "Snowflake-Dev/secretKey");
    }

    @Test
    void recognisesCiphertextAndSecretNames() {
        assertThat(SecretFields.isEncrypted("{ZA1CC6}")).isTrue();
        assertThat(SecretFields.isEncrypted(" {Zabc} ")).isTrue();
        assertThat(SecretFields.isEncrypted("x;{ZDEADBEEF01};y")).isTrue();
        assertThat(SecretFields.isEncrypted("{Z}")).isFalse();
        assertThat(SecretFields.isEncrypted("{Zone of text}")).isFalse();
        assertThat(SecretFields.isEncrypted("{\"Zed\": 1}")).isFalse();
        for (String name : List.of("password", "Password", "asmPassword", "proxy_password", "secretKey", "client-secret",
                "privateKey", "passphrase", "sasToken", "pwd", "accountKey")) {
            assertThat(SecretFields.isSecretName(name)).as(name).isTrue();
        }
        for (String name : List.of("username", "server", "passwordFile", "tokenType", "keyColumn", "name")) {
            assertThat(SecretFields.isSecretName(name)).as(name).isFalse();
        }
    }

    @Test
    void literalPlaceholderTextSurvivesTheRoundTrip() {
        TaskDefinition file = DefinitionForms.portable(Exports.orders());
        assertThat(CanonicalForm.text(file)).contains("orders from $${legacy} ERP");
        TaskDefinition wire = DefinitionForms.wire(Substitutions.of(java.util.Map.of()).apply(
                SecretFiller.fill(file, java.util.Map.of("Oracle-Dev", EndpointSecret.secretText("pw-1$${x}")),
                        new EndpointCatalog(java.util.Set.of("Snowflake-Dev"), true)).definition()).definition());
        String json = wire.toJson();
        assertThat(json).contains("orders from ${legacy} ERP").contains("\"password\":\"pw-1$${x}\"");
    }

    @Test
    void escapingIsUndoneExactly() {
        Random random = new Random(7);
        String alphabet = "${}a$";
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Placeholders.unescape(Placeholders.escape(s.toString()))).isEqualTo(s.toString());
        }
    }

    @Test
    void aPlaceholderLeftUnfilledIsNeverSent() {
        TaskDefinition file = DefinitionForms.portable(Exports.orders());
        assertThatThrownBy(() -> DefinitionForms.wire(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("databases[Oracle-Dev].db_settings.password");
    }

    private static ObjectNode reversed(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        Collections.reverse(keys);
        ObjectNode out = TaskDefinition.JSON.createObjectNode();
        for (String k : keys) {
            var v = node.get(k);
            if (v.isObject()) {
                out.set(k, reversed((ObjectNode) v));
            } else if (v.isArray()) {
                var arr = out.putArray(k);
                v.forEach(e -> arr.add(e.isObject() ? reversed((ObjectNode) e) : e));
            } else {
                out.set(k, v);
            }
        }
        return out;
    }
}
