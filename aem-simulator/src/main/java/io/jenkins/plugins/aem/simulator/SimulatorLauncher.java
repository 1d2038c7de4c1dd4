package io.jenkins.plugins.aem.simulator;

import io.jenkins.plugins.aem.simulator.config.SimulatorConfig;
import io.jenkins.plugins.aem.simulator.config.UserSection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts a simulator from command-line arguments and prints where it listens. Reusable by other entry points
 * (the CLI's {@code aem simulator} command): it returns the running simulator instead of blocking.
 */
public final class SimulatorLauncher {
    private SimulatorLauncher() {
    }

    /**
     * Parses the arguments, starts the simulator and prints the banner to {@code out}.
     *
     * @return the running simulator, or null when only help was asked for (printed to {@code out})
     * @throws LaunchOptions.UsageException for a bad argument or configuration (exit code 2)
     * @throws IOException                  when the simulator cannot start, e.g. the port is taken (exit code 1)
     */
    public static AemSimulator launch(String[] args, PrintStream out) throws LaunchOptions.UsageException, IOException {
        LaunchOptions o = LaunchOptions.parse(args);
        if (o.help()) {
            out.println(LaunchOptions.USAGE);
            out.println("Without --config, the demo configuration is used: user admin, password demo-password.");
            return null;
        }
        SimulatorConfig config;
        AemSimulatorBuilder builder;
        try {
            config = o.config() == null ? SimulatorConfig.demo() : SimulatorConfig.load(o.config());
            builder = o.config() == null ? config.toBuilder().publishedCredentials() : config.toBuilder();
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchOptions.UsageException(oneLine(e.getMessage()) + "; fix the file given to --config");
        }
        if (o.port() != null) builder.port(o.port());
        if (o.host() != null) builder.host(o.host());
        if (o.tls()) builder.tls(true);
        AemSimulator sim = builder.start();
        if (o.certOut() != null && sim.isTls()) {
            Files.writeString(o.certOut(), sim.certificatePem(), StandardCharsets.US_ASCII);
        }
        printBanner(out, sim, config, o);
        return sim;
    }

    private static void printBanner(PrintStream out, AemSimulator sim, SimulatorConfig config, LaunchOptions o) {
        out.println("AEM simulator listening at " + sim.baseUrl() + "  (type this as the AEM URL)");
        out.println("  REST API base: " + sim.apiBaseUrl());
        List<UserSection> users = config.users() == null ? List.of() : config.users();
        if (o.config() == null) {
            // the demo passwords are public demo values: printing them is the point
            out.println("  Log in as: " + users.stream().map(u -> u.name() + " / " + u.password() + " ("
                    + (u.role() == null ? "operator" : u.role()) + ")").collect(Collectors.joining(", ")));
        } else {
            out.println("  Users: " + users.stream().map(UserSection::name).collect(Collectors.joining(", "))
                    + " (passwords as in " + o.config() + ")");
        }
        out.println("  Servers and tasks:");
        for (SimServer s : sim.servers()) {
            out.println("    " + s.name() + " (" + (s.isCompose() ? "Compose" : "Replicate") + ", " + s.state() + "): "
                    + sim.tasks(s.name()).stream().map(SimTask::wireName).collect(Collectors.joining(", ")));
        }
        if (sim.isTls()) {
            out.println("  TLS: self-signed certificate, SHA-256 fingerprint " + fingerprint(sim.certificatePem())
                    + (o.certOut() != null ? "; PEM written to " + o.certOut() : "; save it with --cert-out FILE"));
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static String fingerprint(String pem) {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(b64));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            return "(unavailable)";
        }
    }

    private static String oneLine(String message) {
        String m = message == null ? "invalid configuration" : message;
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
