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

    /**
     * The largest answer read into memory. AEM's answers other than GetTaskList are a few kilobytes; GetTaskList has no
     * bound, so the client reads it only within a budget ({@link ListRule}) and takes a larger one as "too large to
     * share", never as a failure.
     */
    static final int MAX_BODY = 1 << 20;

    /**
     * The largest task definition read: an export carries every table of the task, tens of thousands in large
     * installations, so it is allowed far more than a status read, and still bounded.
     */
    static final int MAX_DEFINITION = 64 << 20;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final int maxBody;
    private int status;
    private final Map<String, String> headers = new HashMap<>();

    CappedBodyConsumer(int maxBody) {
        this.maxBody = maxBody;
    }

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
        if (body.size() + n > maxBody) {
            throw new BodyTooLargeException(maxBody);
        }
        byte[] chunk = new byte[n];
        src.get(chunk);
        body.write(chunk);
    }

    @Override
    protected HttpResult buildResult() {
        return new HttpResult(status, Map.copyOf(headers), body.toString(StandardCharsets.UTF_8), body.size());
    }

    @Override
    public void releaseResources() {
    }

    /** The answer's body passed the cap. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(int cap) {
            super("an answer larger than " + (cap % (1 << 20) == 0 ? (cap >> 20) + " MiB" : cap + " bytes"));
        }
    }
}
