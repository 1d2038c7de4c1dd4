package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One in-process run of the aem command with its exit code and what it printed. What it printed goes to its own
 * streams, which the suite-wide capture cannot see, so every run is checked against the secret scan here.
 */
record CliRun(int exit, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AemCommand.commandLine(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        CliRun run = new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        SecretScan.assertClean("the output of 'aem " + (args.length == 0 ? "" : args[0]) + "'", run.all());
        return run;
    }

    String all() {
        return out + err;
    }

    String lastOutLine() {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
