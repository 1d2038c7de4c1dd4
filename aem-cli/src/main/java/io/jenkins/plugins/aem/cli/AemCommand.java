package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.FailureKind;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code aem} command: runs, stops and reads Qlik Enterprise Manager tasks for release automation.
 *
 * <p>Exit codes: 0 the requested state was reached (wait-task: the conditions hold), 1 AEM refused or the task
 * failed, 2 bad usage (nothing sent), 3 the deadline passed, 4 AEM could not be reached or did not answer as AEM does.
 */
@Command(name = "aem", mixinStandardHelpOptions = true, version = "aem 1.0.0",
        description = "Run, stop and inspect Qlik Replicate and Compose tasks through Qlik Enterprise Manager (AEM).",
        subcommands = {RunTaskCommand.class, StopTaskCommand.class, TaskStatusCommand.class, WaitTaskCommand.class,
                SimulatorCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the requested state was reached (task-status: the state was read; wait-task: the "
                + "conditions hold)",
                "1:AEM answered with an error code, or the task failed",
                "2:bad usage or invalid input; nothing was sent to AEM",
                "3:the deadline passed before the requested state",
                "4:AEM could not be reached or did not answer as AEM does"})
public final class AemCommand implements Runnable {

    static final int USAGE = 2;
    /** An unexpected condition inside aem: reported like a failure to talk to AEM, since nothing is known. */
    static final int INTERNAL = 4;

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;

    public AemCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed");
    }

    /** Builds the command line with the error handling every subcommand shares. */
    public static CommandLine commandLine(Map<String, String> env, PrintStream out, PrintStream err) {
        AemCommand root = new AemCommand(env, out, err);
        CommandLine cli = new CommandLine(root);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, args) -> {
            String sub = ex.getCommandLine().getCommandName();
            // Picocli's message for arguments it did not understand repeats them; one may be a password.
            String message = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                    ? UnmatchedArguments.describe(unmatched.getUnmatched()) : ex.getMessage();
            err.println("aem: " + message + ". Run 'aem " + ("aem".equals(sub) ? "" : sub + " ") + "--help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof AemException aem && aem.kind() == FailureKind.INVALID_INPUT) {
                err.println("aem: " + aem.getMessage());
                return USAGE;
            }
            err.println("aem: internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return INTERNAL;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), System.out, System.err).execute(args));
    }
}
