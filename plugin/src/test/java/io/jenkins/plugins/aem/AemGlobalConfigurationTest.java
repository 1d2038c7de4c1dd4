package io.jenkins.plugins.aem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.FormValidation;
import io.jenkins.plugins.aem.client.TlsTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Global AEM connections: the form, what is stored, and "Test connection". */
class AemGlobalConfigurationTest extends AemJenkinsTest {

    @Test
    void connectionsRoundTripThroughTheForm() throws Exception {
        AemConnection prod = new AemConnection("prod", "https://aem.example.com", AemFixture.LOGIN_ID);
        prod.setDefaultTimeout(900);
        AemConnection lab = new AemConnection("lab", "https://aem-lab.example.com:8443", AemFixture.TOKEN_ID);
        lab.setTlsMode(TlsTrust.Mode.INSECURE);
        AemGlobalConfiguration.get().setConnections(List.of(prod, lab));
        j.configRoundtrip();
        j.assertEqualDataBoundBeans(List.of(prod, lab), AemGlobalConfiguration.get().getConnections());
    }

    @Test
    void onlyTheCredentialsIdIsStored() throws Exception {
        Path stored = j.jenkins.getRootDir().toPath().resolve(AemGlobalConfiguration.class.getName() + ".xml");
        String xml = Files.readString(stored);
        assertTrue(xml.contains("<credentialsId>" + AemFixture.LOGIN_ID + "</credentialsId>"), xml);
        aem.assertNoSecrets("the global configuration file", xml);
    }

    @Test
    void duplicateNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AemGlobalConfiguration.get()
                .setConnections(List.of(new AemConnection("a", aem.url(), "x"), new AemConnection("a", aem.url(), "y"))));
        assertEquals("Two AEM connections are named 'a'. Give each a different name.", e.getMessage());
    }

    @Test
    void aConnectionWithoutNameUrlOrCredentialsIsRefusedWhenSaved() {
        for (AemConnection c : List.of(new AemConnection(" ", aem.url(), "x"), new AemConnection("a", "", "x"),
                new AemConnection("a", aem.url(), ""))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AemGlobalConfiguration.get().setConnections(List.of(c)));
            assertTrue(e.getMessage().matches("(An AEM connection has no name|The AEM connection 'a' has no (URL|credentials))\\. .*"),
                    e.getMessage());
        }
        assertEquals(List.of(AemFixture.CONNECTION), AemGlobalConfiguration.get().getConnections().stream()
                .map(AemConnection::getName).toList(), "nothing was saved");
    }

    /**
     * A connection just added starts empty, and Jenkins may answer the first check of each field, queued with that
     * empty value, after the user filled the field: no check may call an empty field an error, or the answer would
     * stand under the filled field.
     */
    @Test
    void theFieldsOfANewConnectionAreNotErrorsWhileEmpty() {
        AemConnection.DescriptorImpl d = j.jenkins.getDescriptorByType(AemConnection.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.OK, d.doCheckUrl("").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckTlsMode("").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckCaBundle("", "SYSTEM").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckUrl("aem.example.com").kind, "a URL given is still checked");
    }

    @Test
    void testConnectionLogsInAndListsServers() {
        AemConnection.DescriptorImpl d = j.jenkins.getDescriptorByType(AemConnection.DescriptorImpl.class);
        FormValidation ok = d.doTestConnection(aem.url(), AemFixture.LOGIN_ID, "SYSTEM", null);
        assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
        assertTrue(ok.getMessage().contains("Replicate-1 (REPLICATE)"), ok.getMessage());

        FormValidation token = d.doTestConnection(aem.url(), AemFixture.TOKEN_ID, "SYSTEM", null);
        assertEquals(FormValidation.Kind.OK, token.kind, token.getMessage());

        FormValidation unknown = d.doTestConnection(aem.url(), "nope", "SYSTEM", null);
        assertEquals(FormValidation.Kind.ERROR, unknown.kind);
        assertTrue(unknown.getMessage().contains("credentialsId: &#039;nope&#039; is not a credential"), unknown.getMessage());

        FormValidation badUrl = d.doTestConnection("aem.example.com", AemFixture.LOGIN_ID, "SYSTEM", null);
        assertEquals(FormValidation.Kind.ERROR, badUrl.kind);
        aem.assertNoSecrets("the Test connection answers", ok.renderHtml() + token.renderHtml() + unknown.renderHtml());
    }

    @Test
    void insecureTrustShowsAWarning() {
        AemConnection.DescriptorImpl d = j.jenkins.getDescriptorByType(AemConnection.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.WARNING, d.doCheckTlsMode("INSECURE").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckTlsMode("SYSTEM").kind);
        assertEquals(FormValidation.Kind.WARNING, d.doTestConnection(aem.url(), AemFixture.LOGIN_ID, "INSECURE", null).kind);
    }
}
