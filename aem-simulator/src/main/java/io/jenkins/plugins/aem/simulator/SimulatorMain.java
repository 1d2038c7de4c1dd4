package io.jenkins.plugins.aem.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar aem-simulator.jar [--port N] [--tls] [--config FILE] [--host ADDR]}: runs a simulator until
 * Ctrl-C. Prints where it listens, the demo credentials, and the servers and tasks; nothing per request.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    /** The jar's entry point. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Starts the simulator and blocks until the JVM shuts down or the calling thread is interrupted.
     *
     * @return 0 after help or an interrupt, 2 for a bad argument or configuration, 1 when it cannot start
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        AemSimulator sim;
        try {
            sim = SimulatorLauncher.launch(args, out);
        } catch (LaunchOptions.UsageException e) {
            err.println("aem-simulator: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("aem-simulator: " + e.getMessage() + " (try another --port, or --port 0 for a free one)");
            return 1;
        }
        if (sim == null) {
            return 0;
        }
        Thread hook = new Thread(sim::close, "aem-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new CountDownLatch(1).await(); // Ctrl-C ends the JVM; the hook closes the simulator
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sim.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        return 0;
    }
}
