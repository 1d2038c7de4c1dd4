package io.jenkins.plugins.aem.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** Configures and starts an {@link AemSimulator}; obtained from {@link AemSimulator#builder()}. */
public final class AemSimulatorBuilder {
    String host = "127.0.0.1";
    int port;
    boolean tls;
    List<String> tlsHostnames = List.of("localhost", "127.0.0.1");
    Path keystore;
    char[] keystorePassword;
    final Map<String, Credentials.Account> users = new LinkedHashMap<>();
    final Set<String> tokens = new LinkedHashSet<>();
    Duration sessionIdleTimeout = Duration.ofMinutes(5);
    Duration serverWaitCap = Duration.ofSeconds(60);
    DetailsShape detailsShape = DetailsShape.FLAT;
    TestEndpointShape testEndpointShape = TestEndpointShape.REQUESTSTATE;
    Long seed;
    int journalCapacity = 100_000;
    final List<SimServer> servers = new ArrayList<>();
    final List<Consumer<Faults>> faultSetup = new ArrayList<>();
    Set<String> publishedPasswords = Set.of();
    int unauthorizedStatus = 403;
    boolean shuffleExportKeys = true;

    AemSimulatorBuilder() {
    }

    /** The address to bind (default 127.0.0.1; 0.0.0.0 for every interface). */
    public AemSimulatorBuilder host(String v) { host = Objects.requireNonNull(v); return this; }
    /** The port; 0 (default) picks a free one. */
    public AemSimulatorBuilder port(int v) { port = v; return this; }
    /** Serve HTTPS with a self-signed certificate generated at start (or the keystore given). */
    public AemSimulatorBuilder tls(boolean v) { tls = v; return this; }

    /** Host names and IP addresses of the generated certificate (the bind address is always added). */
    public AemSimulatorBuilder tlsHostnames(String... names) {
        tlsHostnames = List.of(names);
        return this;
    }

    /** Serve HTTPS with this keystore (PKCS12 or JKS) instead of a generated certificate. */
    public AemSimulatorBuilder keystore(Path path, char[] password) {
        keystore = Objects.requireNonNull(path);
        keystorePassword = password.clone();
        tls = true;
        return this;
    }

    /**
     * Marks the passwords of the users configured so far as published (the demo configuration's, shown in the banner
     * and in {@code --help}), so that they are not reported to {@link SecretObserver}s: showing them is the point, not
     * a leak. Users added later keep secret passwords.
     */
    AemSimulatorBuilder publishedCredentials() {
        publishedPasswords = Credentials.passwordsOf(users);
        return this;
    }

    /** An operator user (Operator on All Tasks and All Endpoints: runs, stops and exports). Repeatable. */
    public AemSimulatorBuilder user(String name, String password) {
        return user(name, password, Role.OPERATOR, Role.OPERATOR);
    }

    /** A viewer user (reads only; run and stop answer UNAUTHORIZED_REQUEST). */
    public AemSimulatorBuilder viewer(String name, String password) {
        return user(name, password, Role.VIEWER, Role.VIEWER);
    }

    /** A designer (Designer on All Tasks and All Endpoints): runs, stops, exports, imports and deletes tasks. */
    public AemSimulatorBuilder designer(String name, String password) {
        return user(name, password, Role.DESIGNER, Role.DESIGNER);
    }

    /**
     * A designer with no right on endpoints (Designer on All Tasks only): ImportTask without endpoints passes; an
     * import that carries endpoints answers {@code AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT}, and ExportTask, which
     * needs Operator on All Endpoints, answers {@code AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT}.
     */
    public AemSimulatorBuilder designerWithoutEndpoints(String name, String password) {
        return user(name, password, Role.DESIGNER, Role.NONE);
    }

    /** A user with a role on All Tasks and a role on All Endpoints, e.g. Designer on tasks and Operator on endpoints. */
    public AemSimulatorBuilder user(String name, String password, Role onAllTasks, Role onAllEndpoints) {
        users.put(name, new Credentials.Account(checkPassword(password),
                new Role.Access(onAllTasks, Set.of(), onAllEndpoints)));
        return this;
    }

    /**
     * A user with Operator on these tasks (wire names, {@code task} or {@code task__project}) and no role above them,
     * as security teams give a CI account: AEM refuses it GetServerList, GetServerDetails, GetTaskList and every other
     * task with {@code UNAUTHORIZED_REQUEST} (see {@link #unauthorizedStatus}).
     */
    public AemSimulatorBuilder taskOperator(String name, String password, String... tasks) {
        users.put(name, new Credentials.Account(checkPassword(password),
                new Role.Access(Role.NONE, Set.of(tasks), Role.NONE)));
        return this;
    }

    /**
     * The HTTP status of an {@code UNAUTHORIZED_REQUEST} refusal for lack of a role (default 403). AEM documents none,
     * so clients must branch on the code; set 401 or 500 to check that they do.
     */
    public AemSimulatorBuilder unauthorizedStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("unauthorizedStatus must be an HTTP error status, 400 to 599");
        }
        unauthorizedStatus = status;
        return this;
    }

    /** A personal access token, accepted as the login {@code api-token:<token>} with operator rights. */
    public AemSimulatorBuilder token(String token) { tokens.add(Objects.requireNonNull(token)); return this; }
    /** Sliding idle expiry of sessions (default 5 minutes, as AEM). */
    public AemSimulatorBuilder sessionIdleTimeout(Duration v) { sessionIdleTimeout = Objects.requireNonNull(v); return this; }
    /** Longest server-side wait of run and stop, whatever {@code timeout} asks (default 60 s). */
    public AemSimulatorBuilder serverWaitCap(Duration v) { serverWaitCap = Objects.requireNonNull(v); return this; }
    /** Shape of GetTaskDetails answers (default FLAT). */
    public AemSimulatorBuilder detailsShape(DetailsShape v) { detailsShape = Objects.requireNonNull(v); return this; }
    /**
     * How TestEndpoint answers: the key of its result (default REQUESTSTATE, the REST page's example), or ABSENT for an
     * AEM release without the call.
     */
    public AemSimulatorBuilder testEndpointShape(TestEndpointShape v) { testEndpointShape = Objects.requireNonNull(v); return this; }
    /** Seed of the random used for faults and duration ranges (default: random). */
    public AemSimulatorBuilder seed(long v) { seed = v; return this; }
    /** How many journal entries to keep (oldest dropped first; default 100,000). */
    public AemSimulatorBuilder journalCapacity(int v) { journalCapacity = Math.max(1, v); return this; }
    /**
     * Whether ExportTask lists each object's keys in a new random order every time (default true): AEM promises no
     * order, and a client that compares exports without normalising them must fail here too. False keeps the order
     * of the stored definition, for reading exports by eye.
     */
    public AemSimulatorBuilder shuffleExportKeys(boolean v) { shuffleExportKeys = v; return this; }
    /** Adds a server. The object stays live: its state can be changed while running. */
    public AemSimulatorBuilder server(SimServer v) { servers.add(Objects.requireNonNull(v)); return this; }
    /** Faults to set right after start (they can also be changed later through {@link AemSimulator#faults()}). */
    public AemSimulatorBuilder faults(Consumer<Faults> setup) { faultSetup.add(Objects.requireNonNull(setup)); return this; }

    /** Starts the simulator; it listens when this returns. */
    public AemSimulator start() throws IOException {
        return AemSimulator.start(this);
    }

    private static String checkPassword(String password) {
        if (Objects.requireNonNull(password, "password").contains(":")) {
            throw new IllegalArgumentException("AEM passwords cannot contain ':'");
        }
        return password;
    }
}
