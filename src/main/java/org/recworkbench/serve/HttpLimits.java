package org.recworkbench.serve;

import org.recworkbench.data.InvalidInputException;

/**
 * What one client may cost the loopback service: open connections, time to send a request's head and body, time a
 * keep-alive connection may sit idle, time to take a response, and sizes (414 for a long request line, 431 for
 * large headers, 413 for a large body).
 *
 * @param maxConnections connections served at once; one more is answered 503 and closed
 * @param headMillis     from a request's first byte to the end of its headers (then 408)
 * @param bodyMillis     to receive the whole body once the headers are in (then 408)
 * @param idleMillis     a keep-alive connection's wait for its next request (then closed quietly)
 * @param writeMillis    for the client to take a response (then the connection is cut)
 * @param maxRequestLine bytes of "METHOD /path?query HTTP/1.1"
 * @param maxHeaderBytes bytes of all header lines together
 * @param maxHeaders     header lines
 * @param maxBody        bytes of a body
 */
public record HttpLimits(int maxConnections, int headMillis, int bodyMillis, int idleMillis, int writeMillis,
                         int maxRequestLine, int maxHeaderBytes, int maxHeaders, int maxBody) {

    public HttpLimits {
        if (maxConnections < 1 || headMillis < 1 || bodyMillis < 1 || idleMillis < 1 || writeMillis < 1
                || maxRequestLine < 64 || maxHeaderBytes < 256 || maxHeaders < 8 || maxBody < 0) {
            throw new InvalidInputException("Invalid HTTP limits: " + maxConnections + " connections, timeouts "
                    + headMillis + "/" + bodyMillis + "/" + idleMillis + "/" + writeMillis + " ms, sizes "
                    + maxRequestLine + "/" + maxHeaderBytes + "/" + maxHeaders + "/" + maxBody);
        }
    }

    /** 128 connections; head 10 s, body 30 s, idle 15 s, write 30 s; line 8 KiB, headers 16 KiB and 100, body 10 MiB. */
    public static HttpLimits defaults() {
        return new HttpLimits(128, 10_000, 30_000, 15_000, 30_000, 8 * 1024, 16 * 1024, 100, 10 * 1024 * 1024);
    }

    public HttpLimits withMaxConnections(int n) {
        return new HttpLimits(n, headMillis, bodyMillis, idleMillis, writeMillis, maxRequestLine, maxHeaderBytes,
                maxHeaders, maxBody);
    }

    public HttpLimits withTimeouts(int head, int body, int idle) {
        return new HttpLimits(maxConnections, head, body, idle, writeMillis, maxRequestLine, maxHeaderBytes,
                maxHeaders, maxBody);
    }
}
