package io.jenkins.plugins.aem.client.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The caller's substitutions and the secrets that fill a file's placeholders, all before anything is sent. */
class SubstitutionsAndSecretsTest {

    private static final String ORACLE_PW = "oracle-Prod-Pw-1";
    private static final String SNOW_PW = "snow-Prod-Pw-2";

    static {
        SecretScan.register(ORACLE_PW);
        SecretScan.register(SNOW_PW);
    }

    private static final EndpointCatalog NONE = new EndpointCatalog(Set.of(), true);

    /** The file an export gives, templated: the server is a placeholder. */
    private static TaskDefinition templated() {
        TaskDefinition file = DefinitionForms.portable(Exports.orders());
        ObjectNode tree = file.json();
        ((ObjectNode) Exports.endpoint(tree, 0).get("db_settings")).put("server", "${ORACLE_HOST}:1521/${ORACLE_SID}");
        return TaskDefinition.of(tree);
    }

    @Test
    void substitutesEveryPlaceholderAndReportsUnusedNames() {
        Substitutions.Result r = Substitutions.of(Map.of("ORACLE_HOST", "prod-db", "ORACLE_SID", "PRD", "UNUSED", "x"))
                .apply(templated());
        assertThat(r.definition().endpoint("Oracle-Dev").orElseThrow().get("db_settings").get("server").asText())
                .isEqualTo("prod-db:1521/PRD");
        assertThat(r.unused()).containsExactly("UNUSED");
        // Secret placeholders and escaped literals are not the caller's placeholders.
        assertThat(CanonicalForm.text(r.definition())).contains("${secret:Oracle-Dev/password}").contains("$${legacy}");
    }

    @Test
    void aPlaceholderWithoutValueFailsNamingIt() {
        AemException e = catchThrowableOfType(AemException.class,
                () -> Substitutions.of(Map.of("ORACLE_HOST", "prod-db")).apply(templated()));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("definition: placeholders without a value: ${ORACLE_SID}. Give a value for "
                + "each (aem: --set NAME=VALUE), or write '$${' for a literal '${'.");
    }

    @Test
    void aValueIsInsertedLiterallyAndBadNamesAreRefused() {
        TaskDefinition r = Substitutions.of(Map.of("ORACLE_HOST", "${ORACLE_SID}", "ORACLE_SID", "PRD")).apply(templated()).definition();
        String server = DefinitionForms.wire(SecretFiller.fill(r, Map.of("Oracle-Dev", EndpointSecret.secretText(ORACLE_PW),
                "Snowflake-Dev", EndpointSecret.secretText(SNOW_PW)), NONE).definition())
                .endpoint("Oracle-Dev").orElseThrow().get("db_settings").get("server").asText();
        assertThat(server).isEqualTo("${ORACLE_SID}:1521/PRD");
        assertThat(catchThrowableOfType(AemException.class, () -> Substitutions.of(Map.of("bad name", "x"))).getMessage())
                .startsWith("substitutions: 'bad name' is not a placeholder name");
        TaskDefinition malformed = TaskDefinition.of(Exports.edited(t -> Exports.task(t).with("task").put("description", "cost ${ 5")).json());
        assertThat(catchThrowableOfType(AemException.class, () -> Substitutions.of(Map.of()).apply(malformed)).getMessage())
                .contains("tasks[0].task.description holds a '${' that is not a placeholder");
    }

    @Test
    void fillsEachEndpointFromItsSecretAndNeverShowsIt() {
        TaskDefinition file = DefinitionForms.portable(Exports.orders());
        SecretFiller.Filled filled = SecretFiller.fill(file, Map.of(
                "Oracle-Dev", EndpointSecret.usernamePassword("repl_prod", ORACLE_PW),
                "Snowflake-Dev", EndpointSecret.secretText(SNOW_PW)), NONE);
        ObjectNode oracle = DefinitionForms.wire(filled.definition()).endpoint("Oracle-Dev").orElseThrow();
        assertThat(oracle.get("db_settings").get("password").asText()).isEqualTo(ORACLE_PW);
        assertThat(oracle.get("db_settings").get("username").asText()).isEqualTo("repl_prod");
        assertThat(filled.filled()).containsExactlyInAnyOrder("Oracle-Dev", "Snowflake-Dev");
        assertThat(filled.leftOut()).isEmpty();
        assertThat(filled.toString() + filled.definition() + EndpointSecret.usernamePassword("u", ORACLE_PW))
                .doesNotContain(ORACLE_PW).doesNotContain(SNOW_PW);
    }

    @Test
    void anEndpointWithoutSecretIsLeftOutWhenTheTargetHasIt() {
        TaskDefinition file = DefinitionForms.portable(Exports.orders());
        SecretFiller.Filled filled = SecretFiller.fill(file, Map.of("Oracle-Dev", EndpointSecret.secretText(ORACLE_PW),
                "Nowhere", EndpointSecret.secretText(SNOW_PW)), new EndpointCatalog(Set.of("Snowflake-Dev"), true));
        assertThat(filled.leftOut()).containsExactly("Snowflake-Dev");
        assertThat(filled.definition().endpointNames()).containsExactly("Oracle-Dev");
        assertThat(filled.definition().usedEndpoints()).contains("Snowflake-Dev");
        assertThat(filled.unused()).containsExactly("Nowhere");
    }

    @Test
    void anEndpointWithoutSecretFailsWhenTheTargetLacksItOrCannotSay() {
        TaskDefinition file = DefinitionForms.portable(Exports.orders());
        Map<String, EndpointSecret> onlyOracle = Map.of("Oracle-Dev", EndpointSecret.secretText(ORACLE_PW));
        AemException missing = catchThrowableOfType(AemException.class, () -> SecretFiller.fill(file, onlyOracle, NONE));
        assertThat(missing.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(missing.getMessage()).isEqualTo("secrets: endpoint 'Snowflake-Dev' has secrets (password) and no value "
                + "was given, and the target has no endpoint of that name; give its secret (aem: --secret Snowflake-Dev=FILE; "
                + "Jenkins: a credential for 'Snowflake-Dev'). Nothing was sent to AEM.");
        AemException unknown = catchThrowableOfType(AemException.class,
                () -> SecretFiller.fill(file, onlyOracle, new EndpointCatalog(Set.of("Oracle-Dev"), false)));
        assertThat(unknown.getMessage()).contains("may not have it (AEM refused to list its endpoints, so this cannot be told)");
    }

    @Test
    void severalSecretsOfOneEndpointAreNamedByField() {
        TaskDefinition file = DefinitionForms.portable(Exports.edited(t ->
                ((ObjectNode) Exports.endpoint(t, 0).get("db_settings")).put("asmPassword", "{ZAAAA1111BBBB2222}")));
        Map<String, EndpointSecret> snow = Map.of("Snowflake-Dev", EndpointSecret.secretText(SNOW_PW));
        // The endpoint's name alone fills its password; its other secret needs its own key.
        AemException partly = catchThrowableOfType(AemException.class, () -> SecretFiller.fill(file,
                with(snow, "Oracle-Dev", EndpointSecret.secretText(ORACLE_PW)), NONE));
        assertThat(partly.getMessage()).contains("endpoint 'Oracle-Dev' is only partly filled: give 'Oracle-Dev/asmPassword' as well");
        SecretFiller.Filled filled = SecretFiller.fill(file, with(with(snow, "Oracle-Dev", EndpointSecret.secretText(ORACLE_PW)),
                "Oracle-Dev/asmPassword", EndpointSecret.secretText("asm-Secret-3")), NONE);
        ObjectNode oracle = DefinitionForms.wire(filled.definition()).endpoint("Oracle-Dev").orElseThrow();
        assertThat(oracle.get("db_settings").get("asmPassword").asText()).isEqualTo("asm-Secret-3");
        assertThat(oracle.get("db_settings").get("password").asText()).isEqualTo(ORACLE_PW);

        TaskDefinition noPassword = DefinitionForms.portable(Exports.edited(t -> {
            ObjectNode s = (ObjectNode) Exports.endpoint(t, 0).get("db_settings");
            s.remove("password");
            s.put("secretKey", "{ZAAAA1111BBBB2222}").put("sasToken", "{ZCCCC3333DDDD4444}");
        }));
        assertThat(catchThrowableOfType(AemException.class, () -> SecretFiller.fill(noPassword,
                with(snow, "Oracle-Dev", EndpointSecret.secretText(ORACLE_PW)), NONE)).getMessage())
                .contains("endpoint 'Oracle-Dev' has several secrets (sasToken, secretKey), so 'Oracle-Dev' alone does not say which");
    }

    @Test
    void aUserNameNeedsAFieldToGoIn() {
        TaskDefinition file = DefinitionForms.portable(Exports.edited(t ->
                ((ObjectNode) Exports.endpoint(t, 1).get("db_settings")).remove("username")));
        AemException e = catchThrowableOfType(AemException.class, () -> SecretFiller.fill(file, Map.of(
                "Oracle-Dev", EndpointSecret.secretText(ORACLE_PW),
                "Snowflake-Dev", EndpointSecret.usernamePassword("loader", SNOW_PW)), NONE));
        assertThat(e.getMessage()).contains("endpoint 'Snowflake-Dev' has no user name field beside 'password'")
                .doesNotContain(SNOW_PW);
        assertThat(catchThrowableOfType(AemException.class, () -> EndpointSecret.secretText("")).getMessage())
                .isEqualTo("endpoint secret: is empty. Give the endpoint's password or secret.");
    }

    @Test
    void aemsWordsAboutARequestAreScrubbedOfItsSecrets() {
        String echoed = "Invalid value '" + ORACLE_PW + "' for field password; user '" + SNOW_PW + "'";
        assertThat(EndpointSecret.redact(echoed, java.util.List.of(EndpointSecret.secretText(ORACLE_PW),
                EndpointSecret.usernamePassword("loader", SNOW_PW))))
                .isEqualTo("Invalid value '****' for field password; user '****'");
        assertThat(EndpointSecret.redact(null, java.util.List.of())).isNull();
    }

    private static Map<String, EndpointSecret> with(Map<String, EndpointSecret> map, String key, EndpointSecret value) {
        Map<String, EndpointSecret> out = new java.util.HashMap<>(map);
        out.put(key, value);
        return out;
    }
}
