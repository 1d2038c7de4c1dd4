package io.jenkins.plugins.aem.simulator;

import java.nio.file.Path;

/**
 * The command line of {@link SimulatorMain}, parsed without any library.
 *
 * @param port    --port N, or null to use the configuration's port
 * @param tls     --tls
 * @param config  --config FILE, or null for the demo configuration
 * @param host    --host ADDR, or null to use the configuration's address
 * @param certOut --cert-out FILE: where to write the certificate PEM, or null
 * @param help    --help
 */
public record LaunchOptions(Integer port, boolean tls, Path config, String host, Path certOut, boolean help) {
    /** The usage line. */
    public static final String USAGE =
            "usage: java -jar aem-simulator.jar [--port N] [--tls] [--config FILE] [--host ADDR] [--cert-out FILE]";

    /** Parses the arguments; the exception's message names the problem and the fix in one line. */
    public static LaunchOptions parse(String[] args) throws UsageException {
        Integer port = null;
        boolean tls = false;
        Path config = null;
        String host = null;
        Path certOut = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) { // also accept --port=8080
                inline = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--port" -> port = port(inline != null ? inline : value(args, ++i, "--port", "--port 8080"));
                case "--tls" -> tls = true;
                case "--config" -> config = Path.of(inline != null ? inline : value(args, ++i, "--config", "--config sim.json"));
                case "--host" -> host = inline != null ? inline : value(args, ++i, "--host", "--host 0.0.0.0");
                case "--cert-out" -> certOut = Path.of(inline != null ? inline : value(args, ++i, "--cert-out", "--cert-out sim.pem"));
                case "--help", "-h" -> help = true;
                default -> throw new UsageException("unknown argument '" + args[i] + "'; " + USAGE.substring(7));
            }
        }
        return new LaunchOptions(port, tls, config, host, certOut, help);
    }

    private static String value(String[] args, int i, String option, String example) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value, e.g. " + example);
        }
        return args[i];
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port needs a number from 0 to 65535 (0 picks a free port), got '" + text + "'");
    }

    /** A bad command line; the message is meant to be shown as it is. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        /** With a one-line message naming the problem and the fix. */
        public UsageException(String message) {
            super(message);
        }
    }
}
