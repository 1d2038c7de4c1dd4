package io.jenkins.plugins.aem.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to reach one AEM as one user. Immutable; build it with {@link #builder(String, Credentials)}.
 *
 * @param baseUrl        scheme, host, optional port and path prefix, without AEM's {@value #API_PATH} (which the client
 *                       adds) and without a trailing slash
 * @param credentials    the AEM login
 * @param tls            which certificates to trust
 * @param proxy          an HTTP proxy, or {@code null} for a direct connection
 * @param connectTimeout how long to wait for a TCP and TLS connection
 */
public record ConnectionSettings(URI baseUrl, Credentials credentials, TlsTrust tls, ProxySettings proxy,
                                 Duration connectTimeout) {

    /** The path AEM's REST API lives under, below the base URL. */
    public static final String API_PATH = "/attunityenterprisemanager/api/v1";

    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (credentials == null) {
            throw AemException.invalidInput("credentials", "are missing. Give the AEM user name and password.");
        }
        tls = tls == null ? TlsTrust.system() : tls;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw AemException.invalidInput("connectTimeout", "must be positive. Give it in seconds, for example 10.");
        }
    }

    /** The URL of an API call, for example {@code api("/servers")}. */
    public URI api(String rawPathAndQuery) {
        return URI.create(baseUrl + API_PATH + rawPathAndQuery);
    }

    /** Starts settings for the AEM at {@code url} (see {@link #parseUrl}). */
    public static Builder builder(String url, Credentials credentials) {
        return new Builder(parseUrl(url), credentials);
    }

    /**
     * Reads the AEM URL a user typed: {@code https://aem.example.com}, optionally with a port and a path prefix. A URL
     * that already ends in AEM's API path (or {@code /attunityenterprisemanager}) is accepted, and that part is dropped
     * so that it is not added twice.
     *
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) for anything else, naming the problem and the fix
     */
    public static URI parseUrl(String url) {
        String example = " Give the AEM address such as https://aem.example.com or https://aem.example.com:8443/prefix.";
        if (url == null || url.isBlank()) {
            throw AemException.invalidInput("url", "is empty." + example);
        }
        String text = url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw AemException.invalidInput("url", "'" + text + "' is not a valid URL (" + e.getReason() + ")." + example);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !text.contains("://")) {
            throw AemException.invalidInput("url", "'" + text + "' has no http:// or https:// scheme." + example);
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw AemException.invalidInput("url", "scheme '" + uri.getScheme() + "' is not supported; AEM is reached "
                    + "over http or https." + example);
        }
        if (uri.getRawUserInfo() != null) {
            throw AemException.invalidInput("url", "must not contain a user name or password. Remove them from the URL "
                    + "and give the login as credentials.");
        }
        if (uri.getHost() == null) {
            throw AemException.invalidInput("url", "'" + text + "' has no host name." + example);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw AemException.invalidInput("url", "must not contain a query (?...) or fragment (#...). Remove them."
                    + example);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = stripSuffix(stripSuffix(stripSuffix(path, "/"), API_PATH), "/attunityenterprisemanager");
        path = stripSuffix(path, "/");
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    }

    private static String stripSuffix(String text, String suffix) {
        return text.toLowerCase(Locale.ROOT).endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    /** {@code true} when the connection uses TLS. */
    public boolean https() {
        return "https".equals(baseUrl.getScheme());
    }

    /** The warning every operation starts with when certificates are not checked, or {@code null}. */
    String insecureWarning() {
        return tls.mode() != TlsTrust.Mode.INSECURE ? null : "TLS verification is OFF for " + baseUrl
                + ": any certificate is accepted. Use a CA bundle instead outside of tests.";
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + baseUrl + " as " + credentials.username() + ", tls=" + tls.mode()
                + (proxy == null ? "" : ", proxy=" + proxy.host() + ":" + proxy.port()) + "]";
    }

    /** Builds {@link ConnectionSettings}. */
    public static final class Builder {
        private final URI baseUrl;
        private final Credentials credentials;
        private TlsTrust tls = TlsTrust.system();
        private ProxySettings proxy;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder(URI baseUrl, Credentials credentials) {
            this.baseUrl = baseUrl;
            this.credentials = credentials;
        }

        public Builder tls(TlsTrust tls) {
            this.tls = tls;
            return this;
        }

        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(baseUrl, credentials, tls, proxy, connectTimeout);
        }
    }
}
