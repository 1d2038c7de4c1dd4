package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests go through the configured HTTP proxy, and only through it. */
class ProxyTest {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "proxy-connection", "keep-alive", "proxy-authorization");

    private final SimFixture fx = new SimFixture(AemSimulator.builder()
            .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(100)))));
    private final List<String> seenByProxy = new CopyOnWriteArrayList<>();
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer proxy;

    @AfterEach
    void close() {
        if (proxy != null) {
            proxy.stop(0);
        }
        fx.close();
    }

    /** A plain forwarding proxy: the request line carries the absolute URI, which is sent on as it is. */
    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI target = ex.getRequestURI();
            seenByProxy.add(ex.getRequestMethod() + " " + target);
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder out = HttpRequest.newBuilder(target)
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> out.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = forward.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")
                        && !name.equalsIgnoreCase("transfer-encoding")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = answer.body();
            ex.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyRequestGoesThroughTheProxy() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", this::handle);
        proxy.setExecutor(Executors.newFixedThreadPool(4));
        proxy.start();
        ConnectionSettings settings = ConnectionSettings.builder(fx.sim.baseUrl().toString(),
                        Credentials.of(SimFixture.USER, SimFixture.PASSWORD))
                .proxy(new ProxySettings("127.0.0.1", proxy.getAddress().getPort(), null)).build();
        AemClient client = fx.pool.client(settings);

        TaskOutcome out = SimFixture.join(client.run(RunRequest.of(new TaskRef("Rep", "Orders")), fx.listener()));

        assertThat(out.state()).isEqualTo(TaskState.RUNNING);
        assertThat(seenByProxy).isNotEmpty()
                .allMatch(line -> line.contains(fx.sim.baseUrl().getHost() + ":" + fx.sim.baseUrl().getPort() + "/attunityenterprisemanager/api/v1/"));
        assertThat(seenByProxy).anyMatch(line -> line.startsWith("POST ") && line.contains("action=run"));
        // AEM saw exactly what went through the proxy, nothing more.
        assertThat(fx.sim.journal().entries()).hasSize(seenByProxy.size());
    }
}
