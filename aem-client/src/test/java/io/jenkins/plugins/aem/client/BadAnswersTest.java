package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.aem.testsupport.SecretKind;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers no AEM gives: a server that logs in normally, then answers GetServerList with the case's status and body.
 * Each must fail as "not AEM as expected" (exit 4 in the CLI) with a message that says what came back.
 */
class BadAnswersTest {

    // No simulator sees these, so the test registers them with the secret scan itself.
    private static final String PASSWORD = "stub-Pa55word";
    private static final String SESSION = "stub-session-0042";

    static {
        SecretScan.registerLogin("ops", PASSWORD);
        SecretScan.register(SecretKind.SESSION_ID, SESSION);
    }

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private AemClientPool pool;

    private AemClient stub(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] bytes;
            if (exchange.getRequestURI().getPath().endsWith("/login")) {
                exchange.getResponseHeaders().add("EnterpriseManager.APISessionID", SESSION);
                exchange.sendResponseHeaders(200, -1);
            } else {
                bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
            exchange.close();
        });
        server.start();
        pool = AemClientPool.builder().pollSchedule(SimFixture.FAST).build();
        return pool.client(ConnectionSettings.builder("http://127.0.0.1:" + server.getAddress().getPort(),
                Credentials.of("ops", PASSWORD)).build());
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        server.stop(0);
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', value = {
            "200|text/html|<html><body>Welcome to nginx!</body></html>|an answer that is not valid JSON (HTTP 200: Welcome to nginx!)",
            "200|application/json|{\"serverList\":[{\"name\":\"A\"|an answer that is not valid JSON (HTTP 200",
            "200|application/json|{\"servers\":[]}|JSON without a serverList",
            "200|application/json|[1,2,3]|an answer that is not a JSON object (HTTP 200)",
            "200|application/json||an empty answer (HTTP 200)",
            "401|text/plain|Unauthorized|HTTP 401 without an AEM error code: Unauthorized",
            "403|text/html|<h1>Forbidden</h1>|HTTP 403 without an AEM error code: Forbidden",
            "404|text/html|<h1>Not Found</h1>|HTTP 404 without an AEM error code: Not Found",
            "500|text/plain|Internal Server Error|HTTP 500 without an AEM error code: Internal Server Error",
            "502|text/html|<html><head><title>502 Bad Gateway</title></head></html>|HTTP 502 without an AEM error code: 502 Bad Gateway",
    })
    void answersThatAreNotAemFailClearly(int status, String type, String body, String expected) throws IOException {
        AemClient client = stub(status, type, body == null ? "" : body);
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(client.servers(Duration.ofSeconds(3))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains(expected).doesNotContain("\tat ");
        SecretScan.assertClean("the failure's message", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anEnormousBodyIsRefused() throws IOException {
        AemClient client = stub(200, "application/json", "{\"serverList\":[" + "{\"name\":\"x\"},".repeat(150_000) + "{}]}");
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(client.servers(Duration.ofSeconds(5))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("an answer larger than 1 MiB");
    }

    @org.junit.jupiter.api.Test
    void aRedirectIsNotFollowed() throws IOException {
        AemClient client = stub(302, "text/html", "<a href=\"http://elsewhere.invalid/\">Moved</a>");
        server.removeContext("/");
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestURI().getPath().endsWith("/login")) {
                exchange.getResponseHeaders().add("EnterpriseManager.APISessionID", SESSION);
            } else {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/moved");
            }
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/login") ? 200 : 302, -1);
            exchange.close();
        });
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(client.servers(Duration.ofSeconds(3))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("HTTP 302");
        // The login and the one server-list read; the redirect's target was never asked.
        assertThat(requests.get()).isEqualTo(2);
    }
}
