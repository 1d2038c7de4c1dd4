package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {
    private AemSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = AemSimulator.builder().user("admin", "pw").user("DOMAIN\\jörg", "pässwörd").token("pat-123")
                .sessionIdleTimeout(Duration.ofMillis(400))
                .server(SimServer.replicate("R").task(SimTaskSpec.named("T")))
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void loginAnswersAnEmptyHtmlPageWithTheSessionHeader() throws Exception {
        RawClient c = new RawClient(sim);
        HttpResponse<String> r = c.login("admin", "pw");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(r.headers().firstValue("Content-Length")).contains("0");
        assertThat(c.session).matches("[A-Za-z0-9_-]{22,}");
        assertThat(sim.issuedSessionIds()).containsExactly(c.session);
        assertThat(sim.secrets()).contains("pw", "pässwörd", "pat-123", c.session);
    }

    @Test
    void postLoginUtf8DomainUsersAndTokensWork() throws Exception {
        HttpResponse<String> post = new RawClient(sim).send(HttpRequest.newBuilder(
                URI.create(sim.apiBaseUrl() + "/login")).header("Authorization", RawClient.basic("admin", "pw"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(new RawClient(sim).login("DOMAIN\\jörg", "pässwörd").statusCode()).isEqualTo(200);
        RawClient token = new RawClient(sim).loggedIn("api-token", "pat-123");
        assertThat(token.run("R", "T", "&timeout=0").statusCode()).isIn(200, 500);
        assertThat(sim.task("R", "T").commands()).singleElement()
                .satisfies(c -> assertThat(c.user()).isEqualTo("api-token"));
        assertThat(new RawClient(sim).login("api-token", "wrong").statusCode()).isEqualTo(401);
        assertThat(new RawClient(sim).login("admin", "PW").statusCode()).isEqualTo(401);
    }

    @Test
    void sessionHeaderNameIsCaseInsensitiveAndSessionsAreIndependent() throws Exception {
        RawClient a = new RawClient(sim).loggedIn("admin", "pw");
        RawClient b = new RawClient(sim).loggedIn("admin", "pw");
        assertThat(a.session).isNotEqualTo(b.session);
        HttpResponse<String> lower = a.send(HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/servers"))
                .header("enterprisemanager.apisessionid", a.session).GET());
        assertThat(lower.statusCode()).isEqualTo(200);
        assertThat(a.get("/logout").statusCode()).isEqualTo(200);
        assertThat(RawClient.code(a.get("/servers"))).isEqualTo("INVALID_SESSION_ID");
        assertThat(b.get("/servers").statusCode()).isEqualTo(200);
    }

    @Test
    void sessionsExpireAfterIdlingAndEachCallExtendsThem() throws Exception {
        RawClient c = new RawClient(sim).loggedIn("admin", "pw");
        for (int i = 0; i < 4; i++) {
            Thread.sleep(200);
            assertThat(c.get("/servers").statusCode()).as("call %d keeps the session alive", i).isEqualTo(200);
        }
        Thread.sleep(600);
        HttpResponse<String> expired = c.get("/servers");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(RawClient.code(expired)).isEqualTo("INVALID_SESSION_ID");
    }

    @Test
    void expireAllSessionsEndsEverySession() throws Exception {
        RawClient a = new RawClient(sim).loggedIn("admin", "pw");
        RawClient b = new RawClient(sim).loggedIn("admin", "pw");
        sim.expireAllSessions();
        assertThat(RawClient.code(a.get("/servers"))).isEqualTo("INVALID_SESSION_ID");
        assertThat(RawClient.code(b.run("R", "T", ""))).isEqualTo("INVALID_SESSION_ID");
        assertThat(sim.task("R", "T").commands()).isEmpty(); // refused calls never reach the task
        assertThat(a.loggedIn("admin", "pw").get("/servers").statusCode()).isEqualTo(200);
    }
}
