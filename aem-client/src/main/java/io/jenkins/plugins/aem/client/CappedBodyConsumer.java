package io.jenkins.plugins.aem.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;

/** Reads an answer into memory, refusing bodies over a cap so that a misbehaving server cannot exhaust the heap. */
final class CappedBodyConsumer extends AbstractBinResponseConsumer<HttpResult> {

    /** AEM's largest answers (task lists of big servers) stay far below this. */
    static final int MAX_BODY = 1 << 20;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private final Map<String, String> headers = new HashMap<>();

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
        status = response.getCode();
        for (Header h : response.getHeaders()) {
            headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
    }

    @Override
    protected int capacityIncrement() {
        return 8192;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        if (body.size() + n > MAX_BODY) {
            throw new BodyTooLargeException();
        }
        byte[] chunk = new byte[n];
        src.get(chunk);
        body.write(chunk);
    }

    @Override
    protected HttpResult buildResult() {
        return new HttpResult(status, Map.copyOf(headers), body.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void releaseResources() {
    }

    /** The answer's body passed {@link #MAX_BODY}. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("the answer was larger than " + (MAX_BODY >> 20) + " MiB");
        }
    }
}
