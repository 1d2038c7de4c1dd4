package io.jenkins.plugins.aem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.aem.client.TlsTrust;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code unclassified: aem: connections:} imports and exports. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void importsConnections(JenkinsConfiguredWithCodeRule j) {
        List<AemConnection> connections = AemGlobalConfiguration.get().getConnections();
        assertEquals(2, connections.size());
        AemConnection prod = connections.get(0);
        assertEquals("prod", prod.getName());
        assertEquals("https://aem.example.com", prod.getUrl());
        assertEquals("aem-login", prod.getCredentialsId());
        assertEquals("aem-release", prod.getReleaseCredentialsId());
        assertEquals(TlsTrust.Mode.SYSTEM, prod.getTlsMode());
        assertEquals(900, prod.getDefaultTimeout());
        AemConnection lab = connections.get(1);
        assertNull(lab.getReleaseCredentialsId());
        assertEquals(TlsTrust.Mode.INSECURE, lab.getTlsMode());
        assertEquals(60, lab.getDefaultTimeout());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportsConnections(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode aem = Util.getUnclassifiedRoot(context).get("aem");
        String yaml = Util.toYamlString(aem);
        assertTrue(yaml.contains("name: \"prod\""), yaml);
        assertTrue(yaml.contains("url: \"https://aem.example.com\""), yaml);
        assertTrue(yaml.contains("credentialsId: \"aem-login\""), yaml);
        assertTrue(yaml.contains("releaseCredentialsId: \"aem-release\""), yaml);
        assertTrue(yaml.contains("defaultTimeout: 900"), yaml);
        assertTrue(yaml.contains("tlsMode: INSECURE"), yaml);
    }
}
