package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/** A plain java.net.http client for the tests: no knowledge of the simulator beyond the wire. */
final class RawClient {
    static final String SESSION = "EnterpriseManager.APISessionID";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String api;
    String session;

    RawClient(AemSimulator sim) {
        this(sim.apiBaseUrl().toString(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    RawClient(AemSimulator sim, SSLContext tls) {
        this(sim.apiBaseUrl().toString(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build());
    }

    private RawClient(String api, HttpClient http) {
        this.api = api;
        this.http = http;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encodes one path segment (RFC 3986: spaces as %20, never +). */
    static String seg(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/login"))
                .header("Authorization", basic(user, password)).GET());
        r.headers().firstValue(SESSION).ifPresent(s -> session = s);
        return r;
    }

    RawClient loggedIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = login(user, password);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(withSession(HttpRequest.newBuilder(URI.create(api + path)).GET()));
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).POST(p);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(withSession(b));
    }

    HttpResponse<String> run(String server, String task, String query) throws IOException, InterruptedException {
        return post("/servers/" + seg(server) + "/tasks/" + seg(task) + "?action=run" + query, null);
    }

    HttpResponse<String> stop(String server, String task, String query) throws IOException, InterruptedException {
        return post("/servers/" + seg(server) + "/tasks/" + seg(task) + "?action=stop" + query, null);
    }

    HttpResponse<String> export(String server, String task, String query) throws IOException, InterruptedException {
        return get("/servers/" + seg(server) + "/tasks/" + seg(task) + "?action=export" + query);
    }

    /** ExportTask with endpoints, as JSON; fails the test unless it answers 200. */
    JsonNode exported(String server, String task) throws IOException, InterruptedException {
        HttpResponse<String> r = export(server, task, "&withendpoints=true");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("export: " + r.statusCode() + " " + r.body());
        }
        return json(r);
    }

    /** ImportTask with the body's exact UTF-8 byte count as Content-Length (the JDK client sets it). */
    HttpResponse<String> importTask(String server, String task, String body) throws IOException, InterruptedException {
        return post("/servers/" + seg(server) + "/tasks/" + seg(task) + "?action=import", body);
    }

    /** DeleteTask with {@code Content-Length: 0}. */
    HttpResponse<String> delete(String server, String task, String query) throws IOException, InterruptedException {
        return send(withSession(HttpRequest.newBuilder(URI.create(api + "/servers/" + seg(server) + "/tasks/"
                + seg(task) + "?action=delete" + query)).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))));
    }

    /** TestEndpoint; {@code query} starts with {@code &} (e.g. {@code &timeout=5}) or is empty. */
    HttpResponse<String> testEndpoint(String server, String endpoint, String query) throws IOException, InterruptedException {
        return get("/servers/" + seg(server) + "/endpoints/" + seg(endpoint) + "?action=test" + query);
    }

    /** PatchEndpoint with a JSON-Patch array as body, its exact length as Content-Length. */
    HttpResponse<String> patch(String server, String endpoint, String body) throws IOException, InterruptedException {
        return send(withSession(HttpRequest.newBuilder(URI.create(api + "/servers/" + seg(server) + "/endpoints/"
                + seg(endpoint))).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Sends a run without blocking a thread (the JDK client multiplexes on its selector). */
    java.util.concurrent.CompletableFuture<HttpResponse<String>> runAsync(String server, String task, String query) {
        HttpRequest req = withSession(HttpRequest.newBuilder(URI.create(api + "/servers/" + seg(server) + "/tasks/"
                + seg(task) + "?action=run" + query)).POST(HttpRequest.BodyPublishers.noBody()))
                .timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    /** ExportTask without blocking a thread. */
    java.util.concurrent.CompletableFuture<HttpResponse<String>> exportAsync(String server, String task, String query) {
        HttpRequest req = withSession(HttpRequest.newBuilder(URI.create(api + "/servers/" + seg(server) + "/tasks/"
                + seg(task) + "?action=export" + query)).GET()).timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode details(String server, String task) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/servers/" + seg(server) + "/tasks/" + seg(task));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("details: " + r.statusCode() + " " + r.body());
        }
        return json(r);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder withSession(HttpRequest.Builder b) {
        return session == null ? b : b.header(SESSION, session);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static String code(HttpResponse<String> r) throws IOException {
        return json(r).path("error_code").asText();
    }
}
