package io.jenkins.plugins.aem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for framings no client library sends: a body without Content-Length, a
 * chunked body, a Content-Length that does not match the body.
 */
final class RawHttp {
    /** What came back: the status (0 when nothing came before the timeout) and the whole text received. */
    record Answer(int status, String text) {
    }

    private RawHttp() {
    }

    /**
     * Sends {@code POST path} with the session header, the extra header lines given (each ending in CRLF), and the
     * body bytes as they are; reads until the server closes the connection or {@code timeoutMillis} passes.
     */
    static Answer post(AemSimulator sim, String session, String path, String headers, byte[] body, int timeoutMillis)
            throws IOException {
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            String head = "POST " + Route.BASE + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + RawClient.SESSION + ": " + session + "\r\nContent-Type: application/json\r\n" + headers + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // the server is still waiting (for the rest of a body): report what came so far
            } catch (IOException e) {
                // closed with unread bytes in its buffer: a reset after the answer; report what came
            }
            String text = got.toString(StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
            return new Answer(status, text);
        }
    }

    /** The body of a chunked request: one chunk, then the last. */
    static byte[] chunked(byte[] body) {
        String size = Integer.toHexString(body.length) + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(size.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
