package io.jenkins.plugins.aem.client;

import io.jenkins.plugins.aem.client.definition.EndpointCatalog;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import io.jenkins.plugins.aem.client.definition.TaskDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans one task of a release exactly as its single deploy would before changing anything, from what the release
 * read of the server once for all its tasks (the server's facts, its task list, its endpoint list): it reads the
 * task's backup (ExportTask with endpoints; nothing more when the server lacks the task), works the plan out, and
 * finds the refusals. So a dry run of a folder costs one request per task the server has. A task that rotates secrets
 * (updateSecrets) also finds the other tasks that use them, as its single deploy does, so that the plan names them.
 */
final class ReleasePlanner {

    /** What the release read of its server, once. */
    record Server(ServerFacts facts, Map<String, TaskStatus> tasks, Set<String> endpoints, AemException endpointsRefused) {
    }

    private final ReleaseRun run;
    private final Server server;
    /** The other tasks that use the endpoints each task rotates, as found when it was planned. */
    private final Map<String, EndpointUsers> users = new ConcurrentHashMap<>();

    ReleasePlanner(ReleaseRun run, Server server) {
        this.run = run;
        this.server = server;
    }

    /**
     * The request of one task's deploy: the release's options, the task's definition, the secrets of what it carries
     * (rotated, with updateSecrets, only by the task that carries them: an endpoint is rotated once). Its backup's
     * place and its checkpoints are added only when it is deployed.
     */
    DeployRequest request(String task, String definition) {
        Set<String> carried = run.files().carried(task);
        Map<String, EndpointSecret> secrets = new TreeMap<>();
        DeployRequest each = run.request().each();
        each.secrets().forEach((key, secret) -> {
            if (carried.contains(endpointOf(key))) {
                secrets.put(key, secret);
            }
        });
        TaskRef ref = new TaskRef(run.request().server(), task);
        DeployRequest mine = each.withTask(ref, definition).withUpdateSecrets(false).withSecrets(secrets);
        return each.updateSecrets() && !secrets.isEmpty() ? mine.withUpdateSecrets(true) : mine;
    }

    /** The other tasks that use the endpoints {@code task} rotates, as its plan names them. */
    EndpointUsers users(String task) {
        return users.getOrDefault(task, EndpointUsers.NONE);
    }

    /** The endpoint a secret's key ({@code ENDPOINT} or {@code ENDPOINT/FIELD}) fills. */
    static String endpointOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /**
     * The task's plan. A refusal of this task is part of the plan; the failure of a read that says nothing about the
     * task (AEM out of reach, a deadline, a cancel) fails the future: no plan can be made.
     */
    CompletableFuture<PlannedTask> plan(String task) {
        ReleaseFiles.TaskFile file = run.files().tasks().get(task);
        TaskRef ref = new TaskRef(run.request().server(), task);
        DeployJournal journal = new DeployJournal(run.progress().forTask(task), Deadline.after(run.request().each().timeout()));
        Deadline deadline = Deadline.after(run.request().each().timeout());
        InFlight flight = run.flight();
        return run.folder().run("read " + file.path(), f -> run.files().definition(f, task)).thenCompose(text -> {
            DeployRequest request = request(task, text);
            TaskDefinition desired = PreparedDeploy.desired(request, journal);
            TaskStatus status = server.tasks().get(task);
            DefinitionCalls calls = run.calls(ref, journal);
            CompletableFuture<TaskDefinition> backup = status == null ? CompletableFuture.completedFuture(null)
                    : DeployFacts.backup(calls, deadline, flight);
            return backup.thenCompose(b -> {
                DeployFacts facts = new DeployFacts(server.facts(), status, b, catalog(task, b, journal));
                PreparedDeploy found = PreparedDeploy.prepare(request, desired, facts, journal);
                return EndpointUsers.find(calls, found.rotated(), deadline, flight).thenApply(using -> {
                    users.put(task, using);
                    PreparedDeploy prepared = found.withUsers(using, request);
                    journal.fact(new ProgressFact.DeployPlanned(ref, prepared.plan()));
                    AemException refusal = prepared.plan().noChange() ? null : prepared.refusal(request, status);
                    PlannedTask.Verdict verdict = refusal != null ? PlannedTask.Verdict.REFUSED
                            : prepared.plan().noChange() ? PlannedTask.Verdict.NO_CHANGE
                            : prepared.plan().createsTask() ? PlannedTask.Verdict.CREATE : PlannedTask.Verdict.CHANGE;
                    return new PlannedTask(ref, file.path(), verdict, prepared.plan().lines(), journal.warnings(), refusal,
                            List.copyOf(prepared.toTest()), using.toRestart(request));
                });
            });
        }).exceptionallyCompose(e -> {
            AemException error = run.reader().transport(e, "the plan of " + ref);
            boolean aboutTheTask = error.kind() == FailureKind.INVALID_INPUT || error.kind() == FailureKind.DEPLOY_REFUSED
                    || error.errorCode() != null;
            return aboutTheTask ? CompletableFuture.completedFuture(PlannedTask.refused(ref, file.path(), journal.warnings(),
                    error))
                    : CompletableFuture.failedFuture(error);
        });
    }

    /**
     * The endpoints the task may count on: the server's, and those other tasks of the release bring, which are there by
     * the time this task is deployed (a task that needs one follows the task that creates it).
     */
    private EndpointCatalog catalog(String task, TaskDefinition backup, DeployJournal journal) {
        Set<String> names = new TreeSet<>();
        run.files().tasks().get(task).uses().stream()
                .filter(e -> run.files().owner(e) != null && !task.equals(run.files().owner(e))).forEach(names::add);
        if (server.endpointsRefused() != null) {
            names.addAll(DeployFacts.withoutList(server.endpointsRefused(), backup, journal).names());
            return new EndpointCatalog(names, false);
        }
        names.addAll(server.endpoints());
        return new EndpointCatalog(names, true);
    }
}
