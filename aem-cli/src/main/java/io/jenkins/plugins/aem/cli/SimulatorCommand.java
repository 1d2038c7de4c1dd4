package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.simulator.SimulatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aem simulator}: starts the AEM simulator in the foreground, for offline work and demos. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Start a simulated AEM (demo user admin / demo-password) until Ctrl-C.")
final class SimulatorCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: a free port).")
    Integer port;

    @Option(names = "--tls", description = "Serve HTTPS with a self-signed certificate generated at start.")
    boolean tls;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration (see aem-simulator/README.md).")
    String config;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--port");
            args.add(port.toString());
        }
        if (tls) {
            args.add("--tls");
        }
        if (config != null) {
            args.add("--config");
            args.add(config);
        }
        return SimulatorMain.run(args.toArray(String[]::new), root.out, root.err);
    }
}
