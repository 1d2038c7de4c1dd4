package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one mapping from HTTP answers and network failures to {@link AemException}, without a server. */
class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader(new ObjectMapper(), "http://aem.example");

    private static HttpResult answer(int status, String body) {
        return new HttpResult(status, Map.of(), body);
    }

    @ParameterizedTest
    @CsvSource({"429,true", "500,true", "502,true", "503,true", "504,true", "400,false", "401,false", "403,false", "404,false"})
    void answersWithoutAnErrorCodeAreTransportFailuresRetriedOnlyWhenTransient(int status, boolean retried) {
        AemException e = reader.errorOf(answer(status, "<html><body><h1>Oops</h1></body></html>"), "GetTaskDetails");
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.retryable()).isEqualTo(retried);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("Oops").doesNotContain("<h1>");
        assertThat(e.errorCode()).isNull();
    }

    @Test
    void anErrorCodeIsAemsWordAtAnyStatusAndNeverRetried() {
        AemException e = reader.errorOf(answer(503,
                "{\"error_code\":\"AEM_TASK_ALREADY_RUNNING\",\"error_message\":\"Task X is already running.\"}"), "RunTask");
        assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
        assertThat(e.retryable()).isFalse();
        assertThat(e.errorCode()).isEqualTo("AEM_TASK_ALREADY_RUNNING");
        assertThat(e.aemMessage()).isEqualTo("Task X is already running.");
        assertThat(e.remedy()).isEqualTo(AemErrorCode.AEM_TASK_ALREADY_RUNNING.remedy());
    }

    @Test
    void anUnknownCodeGetsAGenericRemedy() {
        AemException e = reader.errorOf(answer(500, "{\"error_code\":\"AEM_SOMETHING_NEW\",\"error_message\":\"new\"}"), "RunTask");
        assertThat(e.errorCode()).isEqualTo("AEM_SOMETHING_NEW");
        assertThat(e.remedy()).isNotBlank();
        assertThat(e.getMessage()).contains("AEM_SOMETHING_NEW").contains("new");
    }

    @Test
    void aSuccessMustBeAJsonObject() {
        assertThat(reader.read(answer(200, "{\"state\":\"RUNNING\",\"x\":1}"), "RunTask").path("state").asText()).isEqualTo("RUNNING");
        for (String body : new String[] {"", "[1,2]", "{\"state\":", "<html>ok</html>", "\"RUNNING\""}) {
            AemException e = catchThrowableOfType(AemException.class, () -> reader.read(answer(200, body), "RunTask"));
            assertThat(e.kind()).as(body).isEqualTo(FailureKind.UNREACHABLE);
            assertThat(e.getMessage()).as(body).contains("not as AEM does");
        }
    }

    @Test
    void theFirstLineOfABodyIsStrippedOfMarkupAndShort() {
        assertThat(ResponseReader.firstLine("<html><head><style>p{}</style></head>\n<body><p>Bad   Gateway</p></body>"))
                .isEqualTo("Bad Gateway");
        assertThat(ResponseReader.firstLine("x".repeat(500))).hasSize(203).endsWith("...");
        assertThat(ResponseReader.firstLine("\n\n  \n")).isEmpty();
    }

    @Test
    void networkFailuresSayWhatToCheck() {
        assertThat(reader.transport(new CompletionException(new ConnectException("Connection refused")), "login").getMessage())
                .contains("Cannot connect").contains("http://aem.example").contains("Check the URL and port");
        assertThat(reader.transport(new UnknownHostException("aem.example"), "login").getMessage())
                .contains("Cannot resolve").contains("DNS");
        assertThat(reader.transport(new SSLHandshakeException("PKIX path building failed"), "login").getMessage())
                .contains("not trusted").contains("--ca-cert").contains("insecure mode only for testing");
        assertThat(reader.transport(new SSLPeerUnverifiedException("Certificate for <a> doesn't match"), "login").getMessage())
                .contains("does not name the host");
        assertThat(reader.transport(new ConnectException("refused"), "login").retryable()).isTrue();
        assertThat(reader.transport(new java.util.concurrent.CancellationException(), "login").kind()).isEqualTo(FailureKind.CANCELLED);
    }
}
