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
 * <p>Exit codes: 0 the requested state was reached (wait-task: the conditions hold), 1 AEM refused, the task failed
 * or a deploy was refused (nothing changed), 2 bad usage (nothing sent), 3 the deadline passed, 4 AEM could not be
 * reached or did not answer as AEM does, 5 a deploy failed and the task was restored, 6 a deploy failed and the task
 * could not be restored, 7 a dry run of deploy-tasks found the server differing from the folder, 130 cancelled.
 */
@Command(name = "aem", mixinStandardHelpOptions = true, version = "aem 1.0.0",
        description = "Run, stop, inspect and wait for Qlik Replicate and Compose tasks through Qlik Enterprise Manager "
                + "(AEM), and export and deploy Replicate task definitions, one task or a folder of them.",
        subcommands = {RunTaskCommand.class, StopTaskCommand.class, TaskStatusCommand.class, WaitTaskCommand.class,
                ExportTaskCommand.class, DeployTaskCommand.class, RestoreTaskCommand.class, RotateSecretsCommand.class,
                ExportTasksCommand.class, DeployTasksCommand.class, SimulatorCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the requested state was reached (task-status: the state was read; wait-task: the "
                + "conditions hold; export and deploy commands: done, or nothing to change)",
                "1:AEM answered with an error code or the task failed; or a deploy was refused, with nothing changed",
                "2:bad usage or invalid input; nothing was sent to AEM",
                "3:the deadline passed before the requested state",
                "4:AEM could not be reached or did not answer as AEM does",
                "5:a deploy failed after changing the task, and the task was restored to what it was",
                "6:a deploy failed and the task could not be restored; the message says its state and where the backup is",
                "7:deploy-tasks --dry-run: the server differs from the folder (drift)",
                "130:cancelled (Ctrl-C)"})
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
                    ? UnmatchedArguments.describe(unmatched.getUnmatched())
                    : takesSecretFiles(ex) ? "Option '--secret' takes ENDPOINT=FILE, where FILE holds the secret (the "
                    + "value given is not shown, as it may be a secret)" : ex.getMessage();
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

    /** Whether picocli refused a value of {@code --secret}: its message would repeat the value, which may be a secret. */
    private static boolean takesSecretFiles(CommandLine.ParameterException ex) {
        return ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option && "--secret".equals(option.longestName());
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), System.out, System.err).execute(args));
    }
}
