package io.jenkins.plugins.aem.simulator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.AemSimulatorBuilder;
import io.jenkins.plugins.aem.simulator.DetailsShape;
import io.jenkins.plugins.aem.simulator.TestEndpointShape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The simulator's JSON configuration (documented with a full example in the module README and in
 * {@code demo-config.json}). Every member is optional; durations are text such as {@code "2s"}, {@code "500ms"},
 * {@code "PT1M"} or a range {@code "1s..3s"}. Unknown members are refused, so that typos do not pass silently.
 *
 * @param host               address to bind (default 127.0.0.1)
 * @param port               port (default 0 = free port; the command line's --port wins)
 * @param tls                HTTPS settings
 * @param users              users with password and role ({@code operator}, {@code viewer}, {@code designer} or
 *                           {@code task-operator}) and optionally their role on All Endpoints
 * @param tokens             personal access tokens accepted as {@code api-token:<token>}
 * @param sessionIdleTimeout sliding session expiry (default 5m)
 * @param serverWaitCap      longest server-side wait of run/stop (default 60s)
 * @param detailsShape       FLAT (default) or WRAPPED
 * @param seed               seed of the random used for faults and duration ranges
 * @param journalCapacity    journal entries kept
 * @param faults             faults active from the start
 * @param servers            the Replicate and Compose servers with their tasks
 * @param unauthorizedStatus HTTP status of an UNAUTHORIZED_REQUEST refusal for lack of a role (default 403)
 * @param shuffleExportKeys  whether ExportTask shuffles each object's keys (default true)
 * @param testEndpointShape  REQUESTSTATE (default), STATE, STATUS, or ABSENT for an AEM without TestEndpoint
 */
public record SimulatorConfig(String host, Integer port, TlsSection tls, List<UserSection> users,
                              List<String> tokens, String sessionIdleTimeout, String serverWaitCap,
                              DetailsShape detailsShape, Long seed, Integer journalCapacity, FaultsSection faults,
                              List<ServerSection> servers, Integer unauthorizedStatus, Boolean shuffleExportKeys,
                              TestEndpointShape testEndpointShape) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS);

    /** Reads a configuration file; the message of a failure names the file and the problem. */
    public static SimulatorConfig load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException("configuration file " + file + " does not exist", e);
        }
    }

    /** The demo configuration shipped as {@code demo-config.json}. */
    public static SimulatorConfig demo() throws IOException {
        try (InputStream in = AemSimulator.class.getResourceAsStream("/demo-config.json")) {
            if (in == null) {
                throw new IOException("demo-config.json is missing from the simulator jar");
            }
            return parse(in, "demo-config.json");
        }
    }

    /** Parses a configuration from JSON text. */
    public static SimulatorConfig parse(InputStream in, String name) throws IOException {
        try {
            SimulatorConfig c = MAPPER.readValue(in, SimulatorConfig.class);
            if (c == null) {
                throw new IOException(name + " is empty");
            }
            return c;
        } catch (JsonProcessingException e) {
            JsonProcessingException root = e;
            while (root.getCause() instanceof JsonProcessingException cause) {
                root = cause;
            }
            String what = clean(root.getOriginalMessage());
            if (root instanceof JsonMappingException && e instanceof JsonMappingException m) {
                throw new IOException(name + ": " + what + " at " + location(m), e);
            }
            JsonLocation at = root.getLocation();
            throw new IOException(name + " is not valid JSON: " + what
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
    }

    /** Jackson's messages end with source details that only repeat what the location says. */
    private static String clean(String message) {
        String m = message == null ? "invalid" : message;
        int cut = m.indexOf(" (start marker");
        m = cut < 0 ? m : m.substring(0, cut);
        cut = m.indexOf(" (class ");
        m = cut < 0 ? m : m.substring(0, cut);
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    /** A builder with everything this configuration says; throws IllegalArgumentException on bad values. */
    public AemSimulatorBuilder toBuilder() {
        return ConfigMapper.toBuilder(this);
    }

    private static String location(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return sb.toString();
    }
}
