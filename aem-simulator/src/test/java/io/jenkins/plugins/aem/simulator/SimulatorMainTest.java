package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port|--port needs a value, e.g. --port 8080",
        "--port abc|--port needs a number from 0 to 65535",
        "--port 70000|--port needs a number from 0 to 65535",
        "--bogus|unknown argument '--bogus'",
        "--config|--config needs a value",
        "--config /nonexistent/sim.json|does not exist; fix the file given to --config"})
    void badArgumentsGiveOneClearLineAndExitCode2(String args, String message) {
        assertThat(run(args.split(" "))).isEqualTo(2);
        assertThat(err()).contains(message).startsWith("aem-simulator: ");
        assertThat(err().strip().lines()).hasSize(1);
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:").contains("--port");
    }

    @Test
    void launcherPrintsWhereItListensAndTheDemoCredentialsButNoSessionIds() throws Exception {
        Path pem = dir.resolve("sim.pem");
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (AemSimulator sim = SimulatorLauncher.launch(
                new String[] {"--port", "0", "--tls", "--cert-out", pem.toString()}, ps)) {
            String banner = out.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains(sim.baseUrl().toString()).contains("admin / demo-password")
                    .contains("Replicate-Demo").contains("Orders, Customers, Broken, Flaky")
                    .contains("LoadDW__Warehouse").contains("SHA-256 fingerprint");
            assertThat(Files.readString(pem)).isEqualTo(sim.certificatePem());
            RawClient c = new RawClient(sim, TlsTest.trusting(sim.certificatePem())).loggedIn("admin", "demo-password");
            assertThat(c.get("/servers").statusCode()).isEqualTo(200);
            // The demo passwords are published, so the simulator does not report them; its session IDs it does.
            SecretScan.assertClean("the launcher's banner", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCustomConfigDoesNotPrintItsPasswords() throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"users\":[{\"name\":\"ops\",\"password\":\"very-secret\"}],"
                + "\"servers\":[{\"name\":\"S\",\"tasks\":[{\"name\":\"T\"}]}]}");
        try (AemSimulator sim = SimulatorLauncher.launch(new String[] {"--config", file.toString(), "--port=0"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(sim.port()).isPositive();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("ops");
            SecretScan.assertClean("the launcher's banner", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTakenPortExitsWithOneLine() throws Exception {
        try (AemSimulator first = AemSimulator.builder().start()) {
            assertThat(run("--port", String.valueOf(first.port()))).isEqualTo(1);
            assertThat(err()).contains("cannot listen on").contains("--port 0");
            assertThat(err().strip().lines()).hasSize(1);
        }
    }
}
