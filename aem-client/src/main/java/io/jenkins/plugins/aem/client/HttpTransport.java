package io.jenkins.plugins.aem.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One asynchronous HTTP/1.1 client for one combination of TLS trust, proxy and connect timeout. It only moves bytes:
 * what an answer means is decided by {@link ResponseReader}.
 */
final class HttpTransport implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final TimeValue SHUTDOWN_WAIT = TimeValue.ofSeconds(2);

    private final CloseableHttpAsyncClient client;
    private final PoolingAsyncClientConnectionManager connections;
    private final boolean proxyAuthentication;

    HttpTransport(TlsTrust tls, ProxySettings proxy, Duration connectTimeout, int maxPerRoute) {
        ClientTlsStrategyBuilder tlsStrategy = ClientTlsStrategyBuilder.create().setSslContext(TlsContexts.sslContext(tls));
        if (tls.mode() == TlsTrust.Mode.INSECURE) {
            tlsStrategy.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        } else {
            // Checked by the client itself, so it holds whatever trust manager the CA bundle needs.
            tlsStrategy.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(new DefaultHostnameVerifier());
        }
        connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tlsStrategy.buildAsync())
                // AEM advertises HTTP/2 without supporting it.
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setTimeToLive(Timeout.ofMinutes(5)).build())
                .setMaxConnPerRoute(maxPerRoute)
                .setMaxConnTotal(Math.max(maxPerRoute * 4, 32))
                .build();
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).setSoTimeout(Timeout.ofMinutes(5)).build())
                .setThreadFactory(threads())
                // Redirects would resend the session header to wherever they point; AEM never redirects its API.
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement();
        proxyAuthentication = proxy != null && proxy.credentials() != null;
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setProxy(proxyHost);
            if (proxy.credentials() != null) {
                builder.setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                        .add(new AuthScope(proxyHost), proxy.credentials().username(),
                                proxy.credentials().password().toCharArray())
                        .build());
            }
        }
        client = builder.build();
        client.start();
    }

    private static ThreadFactory threads() {
        int id = IDS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "aem-client-io-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Sends a request. The future fails with the network stack's exception (never one that quotes the request) and
     * cancelling it aborts the exchange.
     */
    CompletableFuture<HttpResult> send(String method, URI uri, Map<String, String> headers, String jsonBody,
                                       Duration responseTimeout) {
        return send(method, uri, headers, jsonBody, responseTimeout, CappedBodyConsumer.MAX_BODY);
    }

    /** As {@link #send(String, URI, Map, String, Duration)}, breaking the answer off once its body passes {@code maxBody}. */
    CompletableFuture<HttpResult> send(String method, URI uri, Map<String, String> headers, String jsonBody,
                                       Duration responseTimeout, int maxBody) {
        SimpleRequestBuilder request = SimpleRequestBuilder.create(method).setUri(uri);
        headers.forEach(request::addHeader);
        if (jsonBody != null) {
            // As bytes, so the body goes with a Content-Length of its exact UTF-8 size and never chunked: AEM's import
            // requires that length, and a character count breaks on non-ASCII names.
            request.setBody(jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
        }
        request.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, responseTimeout.toMillis())))
                // AEM's 401 must reach us as it is: HttpClient's own challenge handling would send the login again.
                .setAuthenticationEnabled(proxyAuthentication)
                .build());
        SimpleHttpRequest built = request.build();
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        Future<HttpResult> inFlight = client.execute(SimpleRequestProducer.create(built), new CappedBodyConsumer(maxBody), null, null,
                new FutureCallback<>() {
                    @Override
                    public void completed(HttpResult r) {
                        result.complete(r);
                    }

                    @Override
                    public void failed(Exception e) {
                        result.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        result.cancel(false);
                    }
                });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                inFlight.cancel(true);
            }
        });
        return result;
    }

    /**
     * Closes the client without noise. An immediate close shuts the I/O reactor's selector under its running threads,
     * which then log a {@code ClosedSelectorException} at ERROR (SEVERE in a Jenkins log) on every shutdown. So the
     * reactor is asked to end its own loop first, for a bounded time (every call was cancelled before), and only what
     * is left after that is closed at once.
     */
    @Override
    public void close() {
        // Every connection is dropped first (nothing of ours is in flight any more), so that the reactor has no session
        // to wind down and ends at once: a graceful close of a kept-alive connection waits on the peer.
        connections.close(CloseMode.IMMEDIATE);
        client.initiateShutdown();
        try {
            client.awaitShutdown(SHUTDOWN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close(CloseMode.IMMEDIATE);
    }
}
