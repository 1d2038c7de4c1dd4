package io.jenkins.plugins.aem.load;

import io.jenkins.plugins.aem.simulator.ServerRepository;
import io.jenkins.plugins.aem.simulator.SimTask;
import java.time.Duration;

/**
 * One deploy of the deploy soak: a task's own definition with a setting and its source endpoint's database changed,
 * deployed with {@code stopIfRunning}, and what the task was before it. {@link #judge} checks how the build ended against
 * the simulator's ground truth, never against what the build says of itself.
 *
 * @param server     the server
 * @param task       the task, which is also the job's name
 * @param file       the definition deployed
 * @param before     the task's stored definition before the deploy, normalised
 * @param wasRunning whether the task ran before the deploy (it must run again, on the definition it ends with)
 * @param marker     the source database the file sets: in the deploy's own ImportTask and in no other
 * @param threads    the {@code parallel_load_threads} the file sets
 */
record SoakDeploy(String server, String task, String file, String before, boolean wasRunning, String marker,
                  int threads) {

    static final String DEPLOYED = "deployed: DEPLOYED";
    static final String RESTORED = "The task was restored to its definition before the deploy";
    private static final java.util.regex.Pattern RESUMED = java.util.regex.Pattern.compile(
            "Jenkins restarted (during|before) the deploy");

    /** How one deploy ended, judged. */
    record Verdict(String problem, boolean halfChanged, long duplicateImports, boolean resumed) {
    }

    /** {@code export} (the task's own export) with the soak's two changes, checked to be in it. */
    static String changed(String export, String marker, int threads) {
        String file = export.replace("\"database\": \"Sales\"", "\"database\": \"" + marker + "\"")
                .replace("\"parallel_load_threads\": 4", "\"parallel_load_threads\": " + threads);
        if (!file.contains(marker) || !file.contains("\"parallel_load_threads\": " + threads) || file.contains("'''")
                || file.contains("\\")) {
            throw new IllegalStateException("the export of " + export.length() + " characters does not take the changes");
        }
        return file;
    }

    /** The pipeline: the file written to the workspace, deployed, and what the step returned echoed. */
    String script(String connection, String credentialsId, String endpoint) {
        return "node {\n"
                + "  writeFile file: 'def.json', text: '''" + file + "'''\n"
                + "  def r = aemDeployTask connection: '" + connection + "', server: '" + server + "', task: '" + task
                + "', definition: 'def.json', endpointCredentials: ['" + endpoint + "': '" + credentialsId + "'], "
                + "stopIfRunning: true, timeout: 300\n"
                + "  echo \"deployed: ${r.result} resumed: ${r.resumed}\"\n"
                + "}\n";
    }

    /**
     * Judges the build against AEM: a build that succeeded left the file's definition, a failed one said it restored the
     * task and left it as before, and either way the task is in its state of before (running on the definition it ends
     * with). Anything between is half-changed. The deploy's own ImportTask reached AEM at most once.
     */
    Verdict judge(SoakRemote.Outcome o, ServerRepository repo, SimTask sim, JournalFigures journal) {
        String now = repo.definition(task).orElse("");
        boolean isNew = now.contains(marker) && now.contains("\"parallel_load_threads\" : " + threads);
        boolean isOld = now.equals(before);
        boolean stateOk = wasRunning ? sim.awaitState("RUNNING", Duration.ofSeconds(20)) : "STOPPED".equals(sim.state());
        String running = repo.runningDefinition(task).orElse("");
        boolean runsWhatItHas = !wasRunning || running.contains("\"parallel_load_threads\" : " + threads) == isNew;
        boolean half = !(isNew || isOld) || !stateOk || !runsWhatItHas;
        long duplicates = Math.max(0, journal.imports(server, task, marker) - 1);
        String problem = switch (o.result()) {
            case "SUCCESS" -> !o.log().contains(DEPLOYED) ? "succeeded without saying DEPLOYED"
                    : !isNew ? "said DEPLOYED, but the task does not have the file's definition" : null;
            case "FAILURE" -> !o.log().contains(RESTORED) ? "failed without saying the task was restored"
                    : !isOld ? "said restored, but the task does not have its definition of before" : null;
            default -> "ended " + o.result();
        };
        if (problem == null && half) {
            problem = "the task is half-changed: definition " + (isNew ? "new" : isOld ? "old" : "neither") + ", state "
                    + sim.state() + (runsWhatItHas ? "" : ", running another definition than it has");
        }
        return new Verdict(problem, half, duplicates, RESUMED.matcher(o.log()).find());
    }
}
