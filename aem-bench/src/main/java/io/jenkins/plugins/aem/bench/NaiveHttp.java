package io.jenkins.plugins.aem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.aem.client.TaskRef;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The baseline's HTTP calls, written as the scripts in the field write them: blocking {@link HttpURLConnection}, Basic
 * auth, and a fresh login before every call (no session kept), or one session per wait where a script keeps it.
 * Each method returns AEM's answer reduced to the fields a script looks at.
 */
final class NaiveHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_HEADER = "EnterpriseManager.APISessionID";

    private final String api;
    private final String basic;

    NaiveHttp(String baseUrl, String user, String password) {
        this.api = baseUrl + "/attunityenterprisemanager/api/v1";
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** AEM's answer: the task state and total latency text (when it has one), or the error code when AEM refused. */
    record Answer(int status, String state, String errorCode, String totalLatency) {
    }

    /** Logs in, then POSTs {@code action=run|stop} with AEM's server-side wait of {@code waitSeconds}. */
    Answer command(TaskRef task, String action, long waitSeconds) throws IOException {
        String session = login();
        String query = "?action=" + action + ("run".equals(action) ? "&option=RESUME_PROCESSING" : "")
                + "&timeout=" + Math.max(1, waitSeconds);
        HttpURLConnection c = open(taskPath(task) + query, "POST", session);
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(0); // AEM wants Content-Length: 0 on stop
        c.getOutputStream().close();
        return read(c);
    }

    /** Logs in, then exports the task's definition with its endpoints (the answer is only checked, as scripts do). */
    Answer export(TaskRef task) throws IOException {
        return read(open(taskPath(task) + "?action=export&withendpoints=true", "GET", login()));
    }

    /** Logs in, then imports {@code definition} into the task, with the Content-Length ImportTask requires. */
    Answer importTask(TaskRef task, String definition) throws IOException {
        HttpURLConnection c = open(taskPath(task) + "?action=import", "POST", login());
        byte[] body = definition.getBytes(StandardCharsets.UTF_8);
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setFixedLengthStreamingMode(body.length);
        try (var out = c.getOutputStream()) {
            out.write(body);
        }
        return read(c);
    }

    /** Logs in, then reads the task's details. */
    Answer details(TaskRef task) throws IOException {
        return details(task, login());
    }

    /** Reads the task's details in a session from {@link #login()}. */
    Answer details(TaskRef task, String session) throws IOException {
        return read(open(taskPath(task), "GET", session));
    }

    /** The names of the server's tasks (GetTaskList), in a session from {@link #login()}. */
    java.util.List<String> taskNames(String server, String session) throws IOException {
        HttpURLConnection c = open("/servers/" + segment(server) + "/tasks", "GET", session);
        if (c.getResponseCode() != 200) {
            drain(c.getErrorStream());
            throw new IOException("GetTaskList answered HTTP " + c.getResponseCode());
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        try (InputStream in = c.getInputStream()) {
            JSON.readTree(in).path("taskList").forEach(t -> names.add(t.path("name").asText()));
        }
        return names;
    }

    /** The task's export as AEM sends it, in a session from {@link #login()}; fails on anything but HTTP 200. */
    String exportText(TaskRef task, boolean withEndpoints, String session) throws IOException {
        HttpURLConnection c = open(taskPath(task) + "?action=export&withendpoints=" + withEndpoints, "GET", session);
        if (c.getResponseCode() != 200) {
            drain(c.getErrorStream());
            throw new IOException("ExportTask of " + task + " answered HTTP " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Logs in; returns the session ID. */
    String login() throws IOException {
        HttpURLConnection c = open("/login", "GET", null);
        c.setRequestProperty("Authorization", basic);
        int status = c.getResponseCode();
        drain(status < 400 ? c.getInputStream() : c.getErrorStream());
        String session = c.getHeaderField(SESSION_HEADER);
        if (status != 200 || session == null) {
            throw new IOException("login failed with HTTP " + status);
        }
        return session;
    }

    private HttpURLConnection open(String path, String method, String session) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(api + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        if (session != null) {
            c.setRequestProperty(SESSION_HEADER, session);
        }
        return c;
    }

    private static Answer read(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        byte[] body = in == null ? new byte[0] : in.readAllBytes();
        if (in != null) {
            in.close(); // returns the connection to the keep-alive cache
        }
        JsonNode node = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        if (node.has("task")) {
            node = node.get("task");
        }
        return new Answer(status, node.path("state").asText(null), node.path("error_code").asText(null),
                node.path("cdc_latency").path("total_latency").asText(null));
    }

    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            in.readAllBytes();
            in.close();
        }
    }

    private static String taskPath(TaskRef task) {
        return "/servers/" + segment(task.server()) + "/tasks/" + segment(task.task());
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
