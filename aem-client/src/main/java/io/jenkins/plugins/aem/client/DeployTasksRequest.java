package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.client.definition.Substitutions;
import io.jenkins.plugins.aem.client.release.TaskPatterns;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A request to release a folder's tasks to a server as one unit; see {@link AemClient#deployTasks}. Build it with
 * {@link #builder(String)}.
 *
 * @param server      the target server
 * @param tasks       which of the folder's tasks (names or globs); none means every task file
 * @param values      this environment's values of the files' <code>${NAME}</code> placeholders
 * @param each        the options every task's deploy runs with, exactly as {@link AemClient#deploy} takes them
 *                    (secrets by endpoint, stopping a running task, replace, dry run, the newer-version check, the
 *                    endpoint test, rotating secrets, the timeout of each deploy); its task and definition stand for
 *                    none and are not used. An endpoint goes with one task of the release, which alone sends its
 *                    secret, rotates it (updateSecrets) and tests it
 * @param atomic      when one task fails, put back every task the release had changed, so that the server is as it
 *                    was; without it each task stands alone
 * @param skipRefused deploy the tasks that are not refused even when others are; without it any refusal stops the
 *                    whole release before anything changes
 * @param parallel    how many tasks are planned and deployed at once ({@link Parallelism}; 0 for the default)
 * @param backups     where each changed task's backup goes, before it changes ({@code null}: in memory only)
 * @param checkpoints where each task's deploy tells where it is ({@link DeployCheckpoints}, its checkpoints carrying
 *                    its place in the release), so that the release can be resumed after the process running it died
 *                    ({@link AemClient#resumeDeployTasks}); {@code null} for none
 */
public record DeployTasksRequest(String server, TaskPatterns tasks, Map<String, String> values, DeployRequest each,
                                 boolean atomic, boolean skipRefused, int parallel, Function<TaskRef, BackupSink> backups,
                                 Function<TaskRef, DeployCheckpoints> checkpoints) {

    /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field */
    public DeployTasksRequest {
        server = TaskRef.requireName("server", server, "the server's name as AEM shows it");
        tasks = tasks == null ? TaskPatterns.all() : tasks;
        Substitutions.of(values); // checks names and values
        values = values == null ? Map.of() : Map.copyOf(new TreeMap<>(values));
        if (each == null) {
            throw AemException.invalidInput("each", "is missing. Give the options of every task's deploy.");
        }
        parallel = Parallelism.check(parallel);
    }

    /** Whether this is a dry run: the plan, and nothing changed. */
    public boolean dryRun() {
        return each.dryRun();
    }

    /** Starts a request for a release to {@code server}; every option not set keeps its default. */
    public static Builder builder(String server) {
        return new Builder(server);
    }

    /** Builds a {@link DeployTasksRequest}; {@link #build()} checks it. */
    public static final class Builder {
        private final String server;
        private DeployRequest.Builder each;
        private TaskPatterns tasks = TaskPatterns.all();
        private Map<String, String> values = Map.of();
        private boolean atomic;
        private boolean skipRefused;
        private int parallel;
        private Function<TaskRef, BackupSink> backups;
        private Function<TaskRef, DeployCheckpoints> checkpoints;

        private Builder(String server) {
            this.server = server;
            // The options' own checks run on a deploy of a stand-in task: they are the single deploy's, not copies.
            this.each = DeployRequest.builder(new TaskRef(server == null || server.isBlank() ? "?" : server.strip(), "*"), "{}");
        }

        public Builder tasks(TaskPatterns v) { tasks = v; return this; }
        public Builder values(Map<String, String> v) { values = v; return this; }
        public Builder secrets(Map<String, EndpointSecret> v) { each.secrets(v); return this; }
        /** Allows each deploy to stop a running task, and says how to run it again ({@code null}: RESUME_PROCESSING). */
        public Builder stopIfRunning(boolean stop, RunOption option, String position) { each.stopIfRunning(stop, option, position); return this; }
        public Builder replace(boolean v) { each.replace(v); return this; }
        public Builder dryRun(boolean v) { each.dryRun(v); return this; }
        public Builder allowNewerVersion(boolean v) { each.allowNewerVersion(v); return this; }
        /** Skips the test of the endpoints the release creates, changes or rotates (see {@link DeployRequest#skipEndpointTest()}). */
        public Builder skipEndpointTest(boolean v) { each.skipEndpointTest(v); return this; }
        /** Rotates the secrets given, each by the task that carries its endpoint (see {@link DeployRequest#updateSecrets()}). */
        public Builder updateSecrets(boolean v) { each.updateSecrets(v); return this; }
        /** The deadline of each task's deploy (and of each read of the plan); default {@link DeployRequest#DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration v) { each.timeout(v); return this; }
        public Builder atomic(boolean v) { atomic = v; return this; }
        public Builder skipRefused(boolean v) { skipRefused = v; return this; }
        public Builder parallel(int v) { parallel = v; return this; }
        public Builder backups(Function<TaskRef, BackupSink> v) { backups = v; return this; }
        /** Where each task's deploy tells its checkpoints (see {@link DeployTasksRequest#checkpoints()}). */
        public Builder checkpoints(Function<TaskRef, DeployCheckpoints> v) { checkpoints = v; return this; }

        /** @throws AemException ({@link FailureKind#INVALID_INPUT}) for any invalid field */
        public DeployTasksRequest build() {
            return new DeployTasksRequest(server, tasks, values, each.build(), atomic, skipRefused, parallel, backups,
                    checkpoints);
        }
    }

    /** Names the options; never a secret. */
    @Override
    public String toString() {
        return "DeployTasksRequest[server=" + server + ", tasks=" + tasks + ", values=" + values.keySet() + ", each=" + each
                + ", atomic=" + atomic + ", skipRefused=" + skipRefused + ", parallel=" + parallel + "]";
    }
}
