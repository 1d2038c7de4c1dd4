package io.jenkins.plugins.aem.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jenkins.plugins.aem.simulator.config.SimulatorConfig;
import io.jenkins.plugins.aem.simulator.tls.SelfSignedCertificates;
import io.jenkins.plugins.aem.simulator.tls.ServerCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stateful fake Qlik Enterprise Manager REST API on the JDK's HTTP server, for tests, benchmarks and demos.
 * Start one with {@link #builder()} or {@link #fromConfig(Path)}; close it to free its port and threads.
 */
public final class AemSimulator implements AutoCloseable {
    private final Registry registry;
    private final Sessions sessions;
    private final Credentials credentials;
    private final Faults faults;
    private final Journal journal;
    private final RequestsInFlight inFlight = new RequestsInFlight();
    private final Responder responder = new Responder();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final HttpServer server;
    private final ServerCertificate certificate;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile DetailsShape detailsShape;
    private volatile TestEndpointShape testEndpointShape;

    private AemSimulator(AemSimulatorBuilder b) throws IOException {
        InetAddress bind = InetAddress.getByName(b.host);
        certificate = b.tls ? certificate(b, bind) : null; // first: nothing to clean up if it fails
        long seed = b.seed != null ? b.seed : new Random().nextLong();
        Clock clock = Clock.systemUTC();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, new DaemonThreads("aem-sim-timer"));
        timer.setRemoveOnCancelPolicy(true);
        scheduler = timer;
        workers = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                new DaemonThreads("aem-sim-http"));
        detailsShape = b.detailsShape;
        testEndpointShape = b.testEndpointShape;
        SecretReporter secrets = SecretReporter.load(b.publishedPasswords);
        registry = new Registry(b.servers, scheduler, new Random(seed ^ 0x5DEECE66DL), clock, seed, secrets,
                b.shuffleExportKeys);
        sessions = new Sessions(b.sessionIdleTimeout, secrets);
        credentials = new Credentials(b.users, b.tokens);
        credentials.reportTo(secrets);
        faults = new Faults(new Random(seed));
        journal = new Journal(b.journalCapacity);
        Json json = new Json();
        ReadController reads = new ReadController(registry, json, clock, () -> detailsShape);
        Duration cap = b.serverWaitCap;
        AemError unauthorized = AemErrors.forbidden(b.unauthorizedStatus);
        CommandController commands = new CommandController(registry, reads, json, () -> cap, unauthorized);
        ReplicateCalls gate = new ReplicateCalls(registry, reads, json);
        DefinitionController definitions = new DefinitionController(registry, gate, json, unauthorized, scheduler,
                new Random(seed ^ 0xE4B0L));
        EndpointController endpoints = new EndpointController(registry, gate, json, unauthorized, scheduler, () -> cap,
                () -> testEndpointShape);
        Dispatcher dispatcher = new Dispatcher(credentials, sessions, faults, reads, commands, definitions, endpoints,
                json, unauthorized);
        ApiHandler handler = new ApiHandler(dispatcher, faults, sessions, journal, responder, scheduler, workers, clock,
                secrets, inFlight);
        try {
            HttpServerTuning.apply();
            InetSocketAddress address = new InetSocketAddress(bind, b.port);
            server = certificate == null ? HttpServer.create(address, 4096) : HttpsServer.create(address, 4096);
            if (server instanceof HttpsServer https) {
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.context()));
            }
        } catch (IOException e) {
            shutdownThreads();
            if (certificate != null) {
                certificate.dispose();
            }
            throw new IOException("cannot listen on " + b.host + ":" + b.port + ": " + e.getMessage(), e);
        }
        server.createContext("/", handler);
        server.setExecutor(workers);
        b.faultSetup.forEach(setup -> setup.accept(faults));
        long sweep = Math.max(1000, Math.min(b.sessionIdleTimeout.toMillis(), 60_000));
        scheduler.scheduleAtFixedRate(sessions::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        String scheme = certificate == null ? "http" : "https";
        String host = bind.isAnyLocalAddress() ? "localhost" : bind.getHostAddress();
        host = host.contains(":") ? "[" + host + "]" : host;
        server.start();
        baseUrl = URI.create(scheme + "://" + host + ":" + server.getAddress().getPort());
    }

    static AemSimulator start(AemSimulatorBuilder b) throws IOException {
        return new AemSimulator(b);
    }

    /** A builder with no users and no servers. */
    public static AemSimulatorBuilder builder() {
        return new AemSimulatorBuilder();
    }

    /** A builder set up from a JSON configuration file (see the module README). */
    public static AemSimulatorBuilder fromConfig(Path json) throws IOException {
        return SimulatorConfig.load(json).toBuilder();
    }

    /** A builder with the demo configuration ({@code demo-config.json}: admin / demo-password, two servers). */
    public static AemSimulatorBuilder demo() throws IOException {
        return SimulatorConfig.demo().toBuilder().publishedCredentials();
    }

    /** What a user types as the AEM URL, e.g. {@code http://127.0.0.1:8080} (no API path). */
    public URI baseUrl() { return baseUrl; }
    /** {@link #baseUrl()} plus {@code /attunityenterprisemanager/api/v1}. */
    public URI apiBaseUrl() { return URI.create(baseUrl + Route.BASE); }
    /** The port listened on. */
    public int port() { return baseUrl.getPort(); }
    /** Whether this simulator serves HTTPS. */
    public boolean isTls() { return certificate != null; }
    /** The server certificate in PEM form, or null without TLS. */
    public String certificatePem() { return certificate == null ? null : certificate.pem(); }
    /** Every request received. */
    public Journal journal() { return journal; }
    /** How many requests the simulator holds now, and the most it held at once. */
    public RequestsInFlight inFlight() { return inFlight; }
    /** The injected faults, changeable at any time. */
    public Faults faults() { return faults; }
    /** Ends every session at once: the next call of each client answers INVALID_SESSION_ID. */
    public void expireAllSessions() { sessions.expireAll(); }
    /** Every session ID ever issued (secret values; for secret scans in tests). */
    public List<String> issuedSessionIds() { return sessions.issuedIds(); }
    /** Changes the GetTaskDetails shape while running. */
    public void detailsShape(DetailsShape shape) { detailsShape = shape; }
    /** Changes how TestEndpoint answers (or whether this AEM has it), as another AEM release would. */
    public void testEndpointShape(TestEndpointShape shape) { testEndpointShape = java.util.Objects.requireNonNull(shape); }

    /** Every configured password and token, plus every issued session ID. */
    public List<String> secrets() {
        List<String> all = new ArrayList<>(credentials.secrets());
        all.addAll(sessions.issuedIds());
        return all;
    }

    /** The configured user names, in order. */
    public List<String> userNames() { return List.copyOf(credentials.users().keySet()); }
    /** The servers, in configured order (live objects). */
    public List<SimServer> servers() { return List.copyOf(registry.servers()); }
    /** The tasks of a server that reads show now: configured ones, then imported ones, less deleted ones. */
    public List<SimTask> tasks(String server) { return List.copyOf(registry.tasks(server)); }

    /**
     * A server's repository: its tasks (ImportTask and DeleteTask change them), their definitions, its endpoints, and
     * the ImportTask and DeleteTask calls it received. Throws when the server is unknown.
     */
    public ServerRepository repository(String server) {
        ServerRepository r = registry.repository(server);
        if (r == null) {
            throw new NoSuchElementException("no server " + server);
        }
        return r;
    }

    /** A server by name; throws when unknown. */
    public SimServer server(String name) {
        SimServer s = registry.server(name);
        if (s == null) {
            throw new NoSuchElementException("no server " + name);
        }
        return s;
    }

    /**
     * A task by wire name ({@code task__project} for Compose; the bare Compose name works when unique), as reads show
     * it now: a task an import is still creating, or one deleted, throws. A task deleted and imported again is a new
     * object.
     */
    public SimTask task(String server, String task) {
        SimTask t = registry.task(server, task);
        if (t == null) {
            throw new NoSuchElementException("no task " + task + " on server " + server);
        }
        return t;
    }

    /** Stops listening, drops every connection (hung ones too), ends the threads and deletes a generated key. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        responder.closeAll();
        server.stop(0);
        shutdownThreads();
        if (certificate != null) {
            certificate.dispose();
        }
    }

    private void shutdownThreads() {
        scheduler.shutdownNow();
        workers.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServerCertificate certificate(AemSimulatorBuilder b, InetAddress bind) throws IOException {
        if (b.keystore != null) {
            return ServerCertificate.load(b.keystore, b.keystorePassword, false);
        }
        List<String> names = new ArrayList<>(b.tlsHostnames);
        if (!bind.isAnyLocalAddress() && !names.contains(bind.getHostAddress())) {
            names.add(bind.getHostAddress()); // so that baseUrl() itself passes hostname verification
        }
        return SelfSignedCertificates.generate(names);
    }
}
