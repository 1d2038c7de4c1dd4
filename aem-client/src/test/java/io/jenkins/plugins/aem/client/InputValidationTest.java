package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every input check: the exact message, naming the field and the fix. Nothing here needs AEM. */
class InputValidationTest {

    private static String refusal(Executable code) {
        AemException e = catchThrowableOfType(AemException.class, () -> {
            try {
                code.execute();
            } catch (AemException a) {
                throw a;
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        assertThat(e).as("an input error").isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aem.example.com|url: 'aem.example.com' has no http:// or https:// scheme. Give the AEM address such as https://aem.example.com or https://aem.example.com:8443/prefix.",
            "ftp://aem.example.com|url: scheme 'ftp' is not supported; AEM is reached over http or https. Give the AEM address such as https://aem.example.com or https://aem.example.com:8443/prefix.",
            "https://user:pw@aem.example.com|url: must not contain a user name or password. Remove them from the URL and give the login as credentials.",
            "https://aem.example.com/?x=1|url: must not contain a query (?...) or fragment (#...). Remove them. Give the AEM address such as https://aem.example.com or https://aem.example.com:8443/prefix.",
            "https://|url: 'https://' is not a valid URL (Expected authority). Give the AEM address such as https://aem.example.com or https://aem.example.com:8443/prefix.",
    })
    void badUrls(String url, String message) {
        assertThat(refusal(() -> ConnectionSettings.parseUrl(url))).isEqualTo(message);
    }

    @Test
    void goodUrlsAreNormalised() {
        assertThat(ConnectionSettings.parseUrl("https://AEM.example.com/")).hasToString("https://aem.example.com");
        assertThat(ConnectionSettings.parseUrl("https://aem:8443/qem/attunityenterprisemanager/api/v1/")).hasToString("https://aem:8443/qem");
        assertThat(ConnectionSettings.parseUrl(" http://aem/prefix ")).hasToString("http://aem/prefix");
    }

    @Test
    void credentials() {
        assertThat(refusal(() -> Credentials.of("ops", "pa:ss"))).isEqualTo("password: contains ':', which AEM does not "
                + "allow in passwords. Change the AEM user's password to one without ':' and update the stored credential.");
        assertThat(refusal(() -> Credentials.of("", "x"))).startsWith("username: is empty.");
        assertThat(refusal(() -> Credentials.of("ops", ""))).isEqualTo("password: is empty. Give the AEM user's password.");
        assertThat(refusal(() -> Credentials.token(" "))).startsWith("token: is empty.");
        assertThat(Credentials.token("abc").username()).isEqualTo("api-token");
        assertThat(Credentials.of("CORP\\ops", "pw")).hasToString("Credentials[user=CORP\\ops, password=****]");
        assertThat(Credentials.of("ops@corp.example", "pw").username()).isEqualTo("ops@corp.example");
    }

    @Test
    void runOptionsAndCdcPositions() {
        assertThat(RunOption.parse(" reload-target ")).isEqualTo(RunOption.RELOAD_TARGET);
        assertThat(RunOption.parse("")).isNull();
        assertThat(refusal(() -> RunOption.parse("RECOVER"))).isEqualTo("option: 'RECOVER' is not a run option. Use one of: "
                + RunOption.names() + ".");
        assertThat(refusal(() -> RunOption.RESUME_PROCESSING_FROM_TIMESTAMP.checkCdcPosition(null)))
                .isEqualTo("cdcPosition: option RESUME_PROCESSING_FROM_TIMESTAMP needs a cdc position: a UTC timestamp such as 2026-03-07T11:19:03.");
        assertThat(refusal(() -> RunOption.RESUME_PROCESSING_FROM_TIMESTAMP.checkCdcPosition("2026-13-01T00:00:00")))
                .startsWith("cdcPosition: '2026-13-01T00:00:00' is not a UTC timestamp.");
        assertThat(RunOption.RESUME_PROCESSING_FROM_TIMESTAMP.checkCdcPosition("2026-03-07T11:19:03Z")).isEqualTo("2026-03-07T11:19:03");
        assertThat(refusal(() -> RunOption.RECOVER_USING_CHECKPOINT_STORED_ON_TARGET.checkCdcPosition("")))
                .contains("needs a cdc position: the checkpoint or source position");
        assertThat(refusal(() -> RunOption.RELOAD_TARGET.checkCdcPosition("x"))).startsWith("cdcPosition: option RELOAD_TARGET takes no cdc position.");
        assertThat(refusal(() -> new RunRequest(new TaskRef("s", "t"), null, "2026-03-07T11:19:03", false, null)))
                .startsWith("cdcPosition: was given without a run option.");
    }

    @Test
    void timeouts() {
        assertThat(refusal(() -> Timeouts.ofSeconds(0))).isEqualTo("timeout: must be at least 1 second (was 0). Give the "
                + "number of seconds to wait for the task, for example 300.");
        assertThat(refusal(() -> Timeouts.ofSeconds(-5))).contains("(was -5)");
        assertThat(refusal(() -> Timeouts.ofSeconds(999_999_999L))).startsWith("timeout: must be at most 604800 seconds");
        assertThat(Timeouts.check(null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void namesAndCaBundles() {
        assertThat(refusal(() -> new TaskRef(null, "t"))).isEqualTo("server: is empty. Give the server's name as AEM shows it.");
        assertThat(refusal(() -> new TaskRef("s", " t"))).contains("starts or ends with white space");
    }

    @Test
    void composeNamesJoinTaskAndProject() {
        assertThat(TaskRef.of("s", "Load", "DWH").task()).isEqualTo("Load__DWH");
        assertThat(TaskRef.of("s", "Load", null).task()).isEqualTo("Load");
        assertThat(refusal(() -> TlsTrust.withCaBundle("not a certificate"))).startsWith("caCertificate: holds no PEM certificate.");
        assertThat(refusal(() -> TlsTrust.withCaBundle("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")))
                .startsWith("caCertificate: could not be read as PEM");
    }
}
