package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.simulator.ImportRecord;
import io.jenkins.plugins.aem.simulator.ServerRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Judges one deploy against the simulator's ground truth, never against what the client says of itself.
 *
 * <ul>
 *   <li>A task that existed is never gone, and no ImportTask ever reaches a task that is not stopped.</li>
 *   <li><b>0</b>: the deploy was to succeed; DEPLOYED leaves exactly the predicted definition, the state it found
 *       (running again, on the new definition, if it was running) and any new secret; NO_CHANGE and DRY_RUN leave the
 *       task untouched and send no ImportTask.</li>
 *   <li><b>5</b>: a fault struck (or an account without Designer met a running task), and the task is exactly as
 *       before: definition identical after normalisation, same state, and a running task on its old definition.</li>
 *   <li><b>6</b>: only after a fault that outlasts the deadline (or a task in ERROR that AEM will not delete, see
 *       {@link DeployFault#excusesNotRestored}); the message says the state the task is really in
 *       (or that it could not be read, when AEM was gone), and where the backup is; the backup really restores the
 *       task; and the task is not in fact as before.</li>
 *   <li><b>1, 2</b>: a refusal the scenario calls for, or a failure a fault explains; <b>3, 4, 130</b>: a failure a
 *       fault explains. Either way the task is exactly as before.</li>
 *   <li>Nothing changes in the 1.6 s after a deploy that claims to know how it left the task.</li>
 * </ul>
 */
final class DeployJudge {

    private static final String NOW = "The task is now ";
    private static final String UNREADABLE = "in a state that could not be read";
    /** How the client says a task it created, and could not delete again, was left (DeployFailures.CREATED_LEFT). */
    private static final String CREATED_LEFT = "The task did not exist before the deploy; deleting it failed";

    private DeployJudge() {
    }

    static DeployVerdict judge(DeployAttempt a, ServerRepository repo) {
        DeployCase c = a.deploy();
        TaskTruth before = c.before();
        if (before.exists() && (!a.after().exists() || !a.settled().exists())) {
            return new DeployVerdict(false, true, "the task is gone (exit " + a.run().exit() + ")");
        }
        for (ImportRecord r : a.imports()) {
            if (r.taskState() != null && !"STOPPED".equals(r.taskState()) && !"ERROR".equals(r.taskState())) {
                return DeployVerdict.wrong("ImportTask reached the task while it was " + r.taskState());
            }
        }
        String output = a.run().output();
        if (output.contains("\tat ") || output.contains("Exception in thread") || output.contains("internal error")) {
            return DeployVerdict.wrong("a stack trace or internal error reached the user");
        }
        DeployVerdict v = byExit(a, repo);
        if (v.right() && a.run().exit() != 6 && !a.settled().sameAs(a.after())) {
            return DeployVerdict.wrong("the task changed after the deploy ended: " + a.settled().differenceFrom(a.after()));
        }
        return v;
    }

    private static DeployVerdict byExit(DeployAttempt a, ServerRepository repo) {
        Expectation e = a.deploy().expectation();
        int exit = a.run().exit();
        return switch (exit) {
            case 0 -> succeeded(a, repo);
            case 5 -> restored(a);
            case 6 -> notRestored(a);
            case 1, 2, 3, 4, 130 -> {
                if (!e.succeeds() && e.exit() == exit) {
                    yield unchanged(a, "refused as it must be");
                }
                if (!e.succeeds()) {
                    yield DeployVerdict.wrong("ended " + exit + ", but must be refused with " + e.exit());
                }
                if (!a.struck()) {
                    yield DeployVerdict.wrong("a deploy that must succeed failed with " + exit + ", and no fault struck: "
                            + a.run().message());
                }
                yield exit == 2 ? DeployVerdict.wrong("a valid deploy was called invalid input: " + a.run().message())
                        : unchanged(a, "failed under " + a.deploy().fault() + " before changing anything");
            }
            default -> DeployVerdict.wrong("exit code " + exit + ": " + a.run().message());
        };
    }

    private static DeployVerdict succeeded(DeployAttempt a, ServerRepository repo) {
        Expectation e = a.deploy().expectation();
        TaskTruth before = a.deploy().before();
        TaskTruth after = a.after();
        if (!e.succeeds()) {
            return DeployVerdict.wrong("succeeded, but must be refused with " + e.exit());
        }
        if (!Objects.equals(a.run().result(), e.result())) {
            return DeployVerdict.wrong("ended " + a.run().result() + ", expected " + e.result());
        }
        if (e.truth() == null) {
            if (!a.imports().isEmpty()) {
                return DeployVerdict.wrong(e.result() + " sent " + a.imports().size() + " ImportTask");
            }
            return unchanged(a, e.result());
        }
        Set<String> unknown = e.newSecrets().keySet();
        ObjectNode expected = DefinitionTree.comparable(e.truth(), e.withoutUuid(), unknown);
        ObjectNode actual = DefinitionTree.comparable(DefinitionTree.parse(after.definition()), e.withoutUuid(), unknown);
        String difference = DefinitionTree.firstDifference(expected, actual);
        if (difference != null) {
            return DeployVerdict.wrong("DEPLOYED, but the definition differs from the file: " + difference);
        }
        String state = before.exists() ? before.state() : "STOPPED";
        if (!Objects.equals(after.state(), state)) {
            return DeployVerdict.wrong("DEPLOYED, but the task is " + after.state() + " and was " + state);
        }
        if (after.isRunning() && (after.running() == null || !DefinitionTree.sameTask(after.running(), after.definition()))) {
            return DeployVerdict.wrong("DEPLOYED, but the running task still runs on its old definition");
        }
        for (Map.Entry<String, String> s : e.newSecrets().entrySet()) {
            if (!repo.secretMatches(s.getKey(), "password", s.getValue())) {
                return DeployVerdict.wrong("DEPLOYED, but endpoint " + s.getKey() + " does not hold the secret given");
            }
        }
        return DeployVerdict.right("DEPLOYED as predicted");
    }

    private static DeployVerdict restored(DeployAttempt a) {
        Expectation e = a.deploy().expectation();
        if (e.exit() != 5 && !a.struck()) {
            return DeployVerdict.wrong("failed and restored, with no fault in its way: " + a.run().message());
        }
        TaskTruth before = a.deploy().before();
        if (before.isRunning() && a.after().running() != null
                && !DefinitionTree.sameTask(a.after().running(), before.definition())) {
            return DeployVerdict.wrong("said restored, but the task runs on another definition than before");
        }
        return unchanged(a, "restored");
    }

    private static DeployVerdict notRestored(DeployAttempt a) {
        DeployCase c = a.deploy();
        if (!a.struck() || !c.fault().excusesNotRestored(a.run().message())) {
            return DeployVerdict.wrong("said it could not restore the task after "
                    + (a.struck() ? "a passing fault, " + c.fault() : "no fault") + ": " + a.run().message());
        }
        String message = a.run().message();
        int at = message.indexOf(NOW);
        if (at < 0) {
            return DeployVerdict.wrong("exit 6 does not say what state the task is in: " + message);
        }
        String now = message.substring(at + NOW.length());
        TaskTruth after = a.after();
        if (now.startsWith(UNREADABLE)) {
            if (!a.outageAtEnd()) {
                return DeployVerdict.wrong("says the state could not be read, but AEM was answering: " + message);
            }
        } else if (now.startsWith("deleted")) {
            if (after.exists()) {
                return DeployVerdict.wrong("says the task is deleted, but it exists: " + message);
            }
        } else {
            String state = now.split("[,.]", 2)[0];
            if (!state.equals(after.state())) {
                return DeployVerdict.wrong("says the task is " + state + ", but it is " + after.state());
            }
            if (now.startsWith(state + ", with its definition before the deploy")
                    && !Objects.equals(after.definition(), c.before().definition())) {
                return DeployVerdict.wrong("says the task has its definition before the deploy, but it has not");
            }
            if (after.sameAs(c.before())) {
                return DeployVerdict.wrong("says the task could not be restored, but it is as it was: " + message);
            }
        }
        if (c.before().exists()) {
            String where = a.run().backupLocation() == null ? "kept in memory only" : "kept at " + a.run().backupLocation();
            if (!message.contains(where)) {
                return DeployVerdict.wrong("exit 6 does not say where the backup is (" + where + "): " + message);
            }
            if (a.repair() == null || !a.repair().restored()) {
                return DeployVerdict.wrong("the backup it names does not restore the task: "
                        + (a.repair() == null ? "no restore was made" : a.repair().how()));
            }
        } else if (!message.contains(CREATED_LEFT)) {
            return DeployVerdict.wrong("exit 6 for a task the deploy created does not say it is left as the deploy made "
                    + "it: " + message);
        }
        return DeployVerdict.right("not restored under " + c.fault() + ", said precisely, backup good");
    }

    private static DeployVerdict unchanged(DeployAttempt a, String why) {
        TaskTruth before = a.deploy().before();
        if (!a.after().sameAs(before)) {
            return DeployVerdict.wrong("exit " + a.run().exit() + " (" + why + "), but " + a.after().differenceFrom(before)
                    + (a.run().message().isEmpty() ? "" : ": " + a.run().message()));
        }
        return DeployVerdict.right(why);
    }
}
