package io.jenkins.plugins.aem.bench.soak.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.Kind;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.TaskChange;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseEnd.TaskEnd;
import io.jenkins.plugins.aem.simulator.ImportRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges one release against the simulator's ground truth, never against what the client says of itself.
 *
 * <ul>
 *   <li>No task that existed is gone once the tasks named as not back are restored; no task outside the release is
 *       touched, nor any task whose file did not change; no ImportTask reaches a task that is not stopped; no stack
 *       trace reaches the user; every endpoint keeps its password.</li>
 *   <li>A dry run changes nothing and exits 7 exactly when something would change, else 0. A release with a task the
 *       plan refuses exits 1 and sends no ImportTask at all.</li>
 *   <li><b>0</b>: every change made: each changed task holds its file's definition and the state it was found in
 *       (running on the new definition if it ran), each created task exists, stopped, the endpoint has its new host.</li>
 *   <li>Atomic: <b>5</b>, and 1 to 4 or 130 (which a fault must explain), leave every change unmade, every task as it
 *       was. <b>6</b> only after a fault that outlasts the deadline; then every change is unmade but on the tasks the
 *       release names, each named with the state it is really in and its backup, which really puts it back. An atomic
 *       release with changes both made and unmade beyond the tasks it names is <i>mixed</i>.</li>
 *   <li>Not atomic: each task stands alone: DEPLOYED made, a task put back (or never started) unmade, a task named as
 *       not back restored by its backup; the endpoint changed exactly when the task that carries it was deployed.</li>
 *   <li>Nothing changes in the 1.6 s after a release that said how it left every task.</li>
 * </ul>
 */
final class ReleaseJudge {

    private static final String NOW = "The task is now ";

    private ReleaseJudge() {
    }

    /** One change the release was to make, and whether the ground truth has it made or unmade. */
    private record Item(String name, boolean made, boolean unmade) {
    }

    static ReleaseVerdict judge(ReleaseAttempt a) {
        ReleaseCase c = a.release();
        int lost = (int) a.before().tasks().keySet().stream().filter(t -> !a.last().task(t).exists()).count();
        if (lost > 0) {
            return new ReleaseVerdict(false, false, lost, lost + " task(s) gone (exit " + a.end().exit() + ")");
        }
        String broken = common(a);
        if (broken != null) {
            return ReleaseVerdict.wrong(broken);
        }
        List<Item> items = items(a, a.after());
        if (c.dryRun()) {
            int exit = items.isEmpty() ? 0 : 7;
            return a.end().exit() != exit ? ReleaseVerdict.wrong("a dry run ended " + a.end().exit() + ", expected " + exit)
                    : unmade(a, items, "dry run");
        }
        if (c.fault() == ReleaseFault.TASK_REFUSED) {
            return a.end().exit() != 1 ? ReleaseVerdict.wrong("a task is refused (" + c.refusal() + "), but it ended "
                    + a.end().exit() + ": " + a.end().message()) : unmade(a, items, "refused as it must be");
        }
        ReleaseVerdict v = byExit(a, items);
        if (v.right() && a.end().notBack().isEmpty()) {
            for (String t : c.changes().keySet()) {
                if (!a.settled().task(t).sameAs(a.after().task(t))) {
                    return ReleaseVerdict.wrong(t + " changed after the release ended: "
                            + a.settled().task(t).differenceFrom(a.after().task(t)));
                }
            }
        }
        return v;
    }

    /** What every release must hold to, whatever its end; null when it does. */
    private static String common(ReleaseAttempt a) {
        ReleaseCase c = a.release();
        for (ImportRecord r : a.imports()) {
            if (r.taskState() != null && !"STOPPED".equals(r.taskState()) && !"ERROR".equals(r.taskState())) {
                return "ImportTask reached " + r.task() + " while it was " + r.taskState();
            }
            TaskChange change = c.changes().get(r.task());
            if (change == null || change.kind() == Kind.NONE) {
                return "ImportTask reached " + r.task() + ", which the release was not to change";
            }
        }
        String output = a.end().output();
        if (output.contains("\tat ") || output.contains("Exception in thread") || output.contains("internal error")) {
            return "a stack trace or internal error reached the user";
        }
        for (Map.Entry<String, TaskTruth> t : a.before().tasks().entrySet()) {
            TaskChange change = c.changes().get(t.getKey());
            if (change == null || change.kind() == Kind.NONE) {
                TaskTruth after = a.after().task(t.getKey());
                if (!Objects.equals(after.state(), t.getValue().state())
                        || !DefinitionTree.sameTask(after.definition(), t.getValue().definition())) {
                    return t.getKey() + " was not to change, but " + after.differenceFrom(t.getValue());
                }
            }
        }
        if (!a.secrets().isEmpty()) {
            return "endpoints no longer hold their password: " + a.secrets();
        }
        return null;
    }

    private static ReleaseVerdict byExit(ReleaseAttempt a, List<Item> items) {
        ReleaseCase c = a.release();
        int exit = a.end().exit();
        if (exit == 0) {
            List<String> unmade = items.stream().filter(i -> !i.made()).map(Item::name).toList();
            return unmade.isEmpty() ? ReleaseVerdict.right("released as the folder says")
                    : verdict(c, items, "ended 0, but not made: " + unmade);
        }
        if (exit != 5 && exit != 6 && exit != 1 && exit != 3 && exit != 4 && exit != 130) {
            return ReleaseVerdict.wrong("exit code " + exit + ": " + a.end().message());
        }
        if (!a.struck()) {
            return ReleaseVerdict.wrong("ended " + exit + " with no fault in its way: " + a.end().message()
                    + failures(a.end()));
        }
        String named = notBack(a);
        if (named != null) {
            return ReleaseVerdict.wrong(named);
        }
        List<Item> judged = items(a, a.last());
        if (c.atomic()) {
            List<String> made = judged.stream().filter(i -> !i.unmade()).map(Item::name).toList();
            return made.isEmpty() ? ReleaseVerdict.right("atomic, ended " + exit + ", every change unmade")
                    : verdict(c, judged, "atomic, ended " + exit + ", but made: " + made);
        }
        return alone(a, judged);
    }

    /** Not atomic: each task as its own end says, and the endpoint with the task that carries it. */
    private static ReleaseVerdict alone(ReleaseAttempt a, List<Item> items) {
        ReleaseCase c = a.release();
        for (Item i : items) {
            boolean deployed = i.name().startsWith("endpoint ") ? owner(a).map(o -> "DEPLOYED".equals(a.end().task(o).result()))
                    .orElse(false) : "DEPLOYED".equals(a.end().task(i.name()).result());
            if (deployed ? !i.made() : !i.unmade()) {
                return ReleaseVerdict.wrong(i.name() + " ended " + (i.name().startsWith("endpoint ") ? "with its task "
                        + owner(a).map(o -> a.end().task(o).result()).orElse("none") : a.end().task(i.name()).result())
                        + ", but the ground truth has it " + (i.made() ? "made" : i.unmade() ? "unmade" : "neither made nor unmade"));
            }
        }
        return ReleaseVerdict.right("each task as it ended, exit " + a.end().exit() + " under " + c.fault());
    }

    /** The task of the release that carries the changed endpoint: the first by name the server has that uses it. */
    private static java.util.Optional<String> owner(ReleaseAttempt a) {
        ReleaseCase c = a.release();
        return c.tasks().stream().filter(t -> ReleaseTruth.endpointsOf(a.before().task(t).definition())
                .contains(c.endpoint().name())).sorted().findFirst();
    }

    /** The tasks named as not back: each excused by a lasting fault, its state said truly, its backup named and good. */
    private static String notBack(ReleaseAttempt a) {
        for (String task : a.end().notBack()) {
            TaskEnd end = a.end().task(task);
            if (!a.release().fault().excusesNotRestored(end.message())) {
                return task + " is named as not back after a passing fault, " + a.release().fault() + ": " + end.message();
            }
            int at = end.message().indexOf(NOW);
            if (at < 0) {
                return task + " is named as not back without its state: " + end.message();
            }
            String now = end.message().substring(at + NOW.length());
            TaskTruth after = a.after().task(task);
            if (now.startsWith("in a state that could not be read") ? !a.outageAtEnd()
                    : now.startsWith("deleted") ? after.exists() : !now.startsWith(after.state() + "")) {
                return task + " is said to be " + now.split("[,.]", 2)[0] + ", but it is " + (after.exists() ? after.state()
                        : "gone") + ": " + end.message();
            }
            TaskChange change = a.release().changes().get(task);
            if (change.kind() != Kind.CREATE) {
                if (end.backup() == null || !end.message().contains("kept at " + end.backup())) {
                    return task + " is named as not back without where its backup is: " + end.message();
                }
                DeployAttempt.Repair repair = a.repairs().get(task);
                if (repair == null || !repair.restored()) {
                    return "the backup of " + task + " does not put it back: " + (repair == null ? "no restore" : repair.how());
                }
            }
        }
        return null;
    }

    private static ReleaseVerdict unmade(ReleaseAttempt a, List<Item> items, String why) {
        List<String> made = items.stream().filter(i -> !i.unmade()).map(Item::name).toList();
        if (!a.imports().isEmpty()) {
            return ReleaseVerdict.wrong(why + ", but " + a.imports().size() + " ImportTask were sent");
        }
        return made.isEmpty() ? ReleaseVerdict.right(why) : ReleaseVerdict.wrong(why + ", but made: " + made);
    }

    /** Wrong; and mixed when atomic with changes both made and unmade, beyond the tasks named as not back. */
    private static ReleaseVerdict verdict(ReleaseCase c, List<Item> items, String why) {
        boolean someMade = items.stream().anyMatch(i -> i.made() && !i.unmade());
        boolean someUnmade = items.stream().anyMatch(i -> i.unmade() && !i.made());
        return new ReleaseVerdict(false, c.atomic() && someMade && someUnmade, 0, why);
    }

    /**
     * The release's changes, each made or unmade (or neither) in {@code truth}. The tasks named as not back are left out
     * of the truth right after the release; after the repairs, those the server had must be back, and those the
     * release created are left out still: nothing restores a task that did not exist, an engineer deletes it.
     */
    private static List<Item> items(ReleaseAttempt a, ReleaseTruth truth) {
        ReleaseCase c = a.release();
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, TaskChange> e : c.changes().entrySet()) {
            String task = e.getKey();
            boolean named = a.end().notBack().contains(task);
            if (e.getValue().kind() == Kind.NONE || named && (truth == a.after() || e.getValue().kind() == Kind.CREATE)) {
                continue;
            }
            TaskTruth before = a.before().task(task);
            TaskTruth now = truth.task(task);
            ObjectNode expected = expected(a, task);
            if (e.getValue().kind() == Kind.CHANGE && expected.equals(ReleaseTruth.taskPart(before.definition()))) {
                continue; // only its endpoint changes: the endpoint's item says it
            }
            boolean unmade = e.getValue().kind() == Kind.CREATE ? !now.exists() : now.exists()
                    && DefinitionTree.sameTask(now.definition(), before.definition()) && Objects.equals(now.state(), before.state())
                    && (!before.isRunning() || now.running() == null || DefinitionTree.sameTask(now.running(), before.definition()));
            String state = e.getValue().kind() == Kind.CREATE ? "STOPPED" : before.state();
            boolean made = now.exists() && ReleaseTruth.taskPart(now.definition()).equals(expected)
                    && Objects.equals(now.state(), state)
                    && (!now.isRunning() || now.running() != null && DefinitionTree.sameTask(now.running(), now.definition()));
            items.add(new Item(task, made, unmade));
        }
        if (c.endpoint() != null) {
            String host = truth.host(c.endpoint().name());
            items.add(new Item("endpoint " + c.endpoint().name(), c.endpoint().host().equals(host),
                    Objects.equals(a.before().host(c.endpoint().name()), host)));
        }
        return items;
    }

    /** The task part the release's file gives the task: its truth before (or its source's), edited as the file was. */
    private static ObjectNode expected(ReleaseAttempt a, String task) {
        TaskChange change = a.release().changes().get(task);
        ObjectNode root = DefinitionTree.parse(a.before().task(change.kind() == Kind.CREATE ? change.source() : task).definition());
        if (change.kind() == Kind.CREATE) {
            DefinitionEdit.rename(task).apply(root);
        }
        change.edit().apply(root);
        return ReleaseTruth.taskPart(root);
    }

    private static String failures(ReleaseEnd end) {
        StringBuilder out = new StringBuilder();
        end.tasks().forEach((t, e) -> {
            if (!e.message().isEmpty()) {
                out.append("; ").append(t).append(": ").append(e.message());
            }
        });
        return out.toString();
    }
}
