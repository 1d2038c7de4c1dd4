package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.aem.cli.AemCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the {@code aem} command in process, with streams of its own, as a release script runs it: the login in
 * the environment, {@code --url} after the command's name.
 *
 * @param exit the command's exit code
 * @param out  what it printed on stdout
 * @param err  what it printed on stderr
 * @param took how long it took
 */
record AemRun(int exit, String out, String err, Duration took) {

    /** Runs {@code command} (its name, then its options) against {@code url} as {@code user}. */
    static AemRun of(String url, String user, String password, List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(1, List.of("--url", url));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Instant start = Instant.now();
        int exit = AemCommand.commandLine(Map.of("AEM_USERNAME", user, "AEM_PASSWORD", password),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args.toArray(String[]::new));
        return new AemRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Duration.between(start, Instant.now()));
    }

    /** Adds {@code flag} to {@code args} when it is {@code on}. */
    static void flag(List<String> args, boolean on, String flag) {
        if (on) {
            args.add(flag);
        }
    }

    /** The JSON object {@code --json} prints as the last line of stdout, or null when there is none. */
    JsonNode lastJson() {
        String[] lines = out.strip().split("\n");
        String last = lines[lines.length - 1];
        if (!last.startsWith("{")) {
            return null;
        }
        try {
            return DefinitionTree.JSON.readTree(last);
        } catch (IOException notJson) {
            return null;
        }
    }
}
