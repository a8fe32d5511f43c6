package org.recworkbench.serve;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on a loopback socket: one thread per connection up to {@link HttpLimits#maxConnections}
 * (one more is answered 503 and closed), a deadline on each request's head and body (408), on a keep-alive
 * connection's idle wait and on taking a response, and size limits answered 413, 414 and 431 before the connection
 * is closed gracefully. A slow client holds only its own thread, so it cannot delay anyone else's request. Bodies
 * need a Content-Length (chunked uploads get 411).
 */
final class HttpTransport implements AutoCloseable {

    /** A parsed request; header names are lower case. */
    record Request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /** A JSON response; {@code headers} are extra ones (Allow, WWW-Authenticate, …). */
    record Response(int status, String json, Map<String, String> headers) {

        Response(int status, String json) {
            this(status, json, Map.of());
        }
    }

    interface Handler {
        Response handle(Request request);
    }

    /** A request the transport answers itself (bad syntax, too large, too slow) before closing. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final com.google.gson.Gson GSON = new com.google.gson.Gson();
    private static final long LINGER_BYTES = 64L << 20;
    private static final int LINGER_MILLIS = 2_000;

    private final HttpLimits limits;
    private final Handler handler;
    private final ServerSocket listener;
    private final Semaphore slots;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private HttpTransport(HttpLimits limits, Handler handler, ServerSocket listener) {
        this.limits = limits;
        this.handler = handler;
        this.listener = listener;
        this.slots = new Semaphore(limits.maxConnections());
        AtomicInteger number = new AtomicInteger();
        // twice the cap: a thread that has released its slot may not be back in the pool when the next connection
        // comes; the semaphore, not the pool, is what bounds connections
        this.workers = new ThreadPoolExecutor(0, 2 * limits.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> daemon(r, "recommend-http-" + number.incrementAndGet()));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "recommend-http-watchdog"));
        this.acceptor = daemon(this::accept, "recommend-http-accept");
    }

    /** Listens on the loopback address at the port (0 picks a free one). */
    static HttpTransport start(int port, HttpLimits limits, Handler handler) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        HttpTransport t = new HttpTransport(limits, handler, listener);
        t.watchdog.scheduleWithFixedDelay(t::cutStalledWrites, 250, 250, TimeUnit.MILLISECONDS);
        t.acceptor.start();
        return t;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Connections being served now. */
    int openConnections() {
        return open.size();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection c : open) {
            c.cut();
        }
        workers.shutdownNow();
        watchdog.shutdownNow();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refuseBusy(socket);
                continue;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                slots.release();
                refuseBusy(socket);
            }
        }
    }

    /** Over the connection cap: a short 503 and close (small enough for the socket buffer: never blocks). */
    private void refuseBusy(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(head(new Response(503, error("The service has " + limits.maxConnections()
                    + " connections open, its limit; retry shortly"), Map.of("Retry-After", "1")), false, false));
            out.flush();
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    private void cutStalledWrites() {
        long now = System.nanoTime();
        for (Connection c : open) {
            long deadline = c.writeDeadline;
            if (deadline != 0 && now - deadline > 0) {
                c.cut();
            }
        }
    }

    private void serve(Socket socket) {
        Connection c = new Connection(socket);
        open.add(c);
        try {
            socket.setTcpNoDelay(true);
            BufferedInputStream in = new BufferedInputStream(c.input, 8192);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            boolean keepAlive = true;
            boolean first = true;
            while (keepAlive && !closed) {
                c.input.deadline(first ? limits.headMillis() : limits.idleMillis());
                first = false;
                in.mark(1);
                try {
                    if (in.read() < 0) {
                        return;
                    }
                } catch (SocketTimeoutException idle) {
                    return;
                }
                in.reset();
                c.input.deadline(limits.headMillis());
                Request request;
                boolean http11;
                try {
                    Parsed parsed = readRequest(c, in, out);
                    request = parsed.request;
                    http11 = parsed.http11;
                } catch (Refusal r) {
                    c.write(out, new Response(r.status, error(r.getMessage()), Map.of()), false, false);
                    lingeringClose(c, in);
                    return;
                } catch (SocketTimeoutException slow) {
                    c.write(out, new Response(408, error("The request did not arrive in time; send the headers within "
                            + limits.headMillis() / 1000.0 + " s and the body within " + limits.bodyMillis() / 1000.0
                            + " s"), Map.of()), false, false);
                    return;
                }
                String connection = lower(request.header("connection"));
                keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
                Response response;
                try {
                    response = handler.handle(request);
                } catch (RuntimeException unexpected) {
                    response = new Response(500, error("Internal error; the request was not applied"));
                }
                c.write(out, response, keepAlive, request.method().equals("HEAD"));
            }
        } catch (IOException gone) {
            // the client went away or was cut for being too slow
        } finally {
            c.cut();
            open.remove(c);
            slots.release();
        }
    }

    private record Parsed(Request request, boolean http11) {
    }

    private Parsed readRequest(Connection c, BufferedInputStream in, OutputStream out) throws IOException, Refusal {
        String line = readLine(in, limits.maxRequestLine(), 414, "The request line is longer than "
                + limits.maxRequestLine() + " bytes; shorten the query");
        if (line.isEmpty()) {
            // one empty line before a request is allowed (RFC 9112 §2.2)
            line = readLine(in, limits.maxRequestLine(), 414, "The request line is longer than "
                    + limits.maxRequestLine() + " bytes; shorten the query");
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new Refusal(parts.length == 3 && parts[2].startsWith("HTTP/") ? 505 : 400,
                    "Expected a request line \"METHOD /path HTTP/1.1\"");
        }
        String method = parts[0];
        String target = parts[1];
        if (!target.startsWith("/")) {
            throw new Refusal(400, "The request target must be a path starting with /");
        }
        boolean http11 = !parts[2].equals("HTTP/1.0");
        Map<String, String> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        while (true) {
            String h = readLine(in, limits.maxHeaderBytes() - headerBytes, 431, "The headers are larger than "
                    + limits.maxHeaderBytes() + " bytes");
            if (h.isEmpty()) {
                break;
            }
            headerBytes += h.length() + 2;
            if (headers.size() >= limits.maxHeaders()) {
                throw new Refusal(431, "More than " + limits.maxHeaders() + " header lines");
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || h.charAt(0) == ' ' || h.charAt(0) == '\t' || h.substring(0, colon).strip().length()
                    != colon) {
                throw new Refusal(400, "Malformed header line");
            }
            String name = h.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            String before = headers.putIfAbsent(name, value);
            if (before != null) {
                if ((name.equals("host") || name.equals("content-length")) && !before.equals(value)) {
                    throw new Refusal(400, "Conflicting " + name + " headers");
                }
                if (!name.equals("host") && !name.equals("content-length")) {
                    headers.put(name, before + ", " + value);
                }
            }
        }
        byte[] body = readBody(c, in, out, headers, http11);
        int q = target.indexOf('?');
        return new Parsed(new Request(method, q < 0 ? target : target.substring(0, q), q < 0 ? null
                : target.substring(q + 1), headers, body), http11);
    }

    private byte[] readBody(Connection c, BufferedInputStream in, OutputStream out, Map<String, String> headers,
                            boolean http11) throws IOException, Refusal {
        if (headers.containsKey("transfer-encoding")) {
            throw new Refusal(411, "Send the body with a Content-Length (chunked bodies are not accepted)");
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        if (length.isEmpty() || length.length() > 18 || !length.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new Refusal(400, "Content-Length must be a whole number of bytes");
        }
        long n = Long.parseLong(length);
        if (n > limits.maxBody()) {
            throw new Refusal(413, "The body is larger than " + limits.maxBody() / (1024 * 1024) + " MB");
        }
        if (http11 && lower(headers.get("expect")).equals("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        c.input.deadline(limits.bodyMillis());
        byte[] body = in.readNBytes((int) n);
        if (body.length < n) {
            throw new IOException("the client closed before sending its body");
        }
        return body;
    }

    /** A line up to CRLF (or LF), at most max bytes, as ISO-8859-1. */
    private static String readLine(InputStream in, int max, int status, String tooLong) throws IOException, Refusal {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed mid-request");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= max) {
                throw new Refusal(status, tooLong);
            }
            line.append((char) b);
        }
    }

    /** After refusing a request mid-upload: stop writing, read (and drop) what is in flight, then close. */
    private static void lingeringClose(Connection c, InputStream in) {
        try {
            c.socket.shutdownOutput();
            c.input.deadline(LINGER_MILLIS);
            byte[] sink = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < LINGER_BYTES && (n = in.read(sink)) >= 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // closed or slow: close anyway
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** {"error": message} as JSON. */
    static String error(String message) {
        return GSON.toJson(Map.of("error", message));
    }

    static byte[] head(Response r, boolean keepAlive, boolean omitBody) {
        byte[] body = r.json().getBytes(StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder(160);
        s.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        s.append("Content-Type: application/json; charset=utf-8\r\n");
        s.append("Content-Length: ").append(body.length).append("\r\n");
        s.append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n");
        r.headers().forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
        s.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        s.append("\r\n");
        byte[] head = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (omitBody) {
            return head;
        }
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            case 507 -> "Insufficient Storage";
            default -> "Status";
        };
    }

    /** One client's socket, its read deadline and, while a response is written, its write deadline. */
    private final class Connection {
        final Socket socket;
        final DeadlineInput input;
        volatile long writeDeadline;

        Connection(Socket socket) {
            this.socket = socket;
            InputStream raw;
            try {
                raw = socket.getInputStream();
            } catch (IOException e) {
                raw = InputStream.nullInputStream();
            }
            this.input = new DeadlineInput(raw, socket);
        }

        void write(OutputStream out, Response r, boolean keepAlive, boolean omitBody) throws IOException {
            writeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.writeMillis());
            try {
                out.write(head(r, keepAlive, omitBody));
                out.flush();
            } finally {
                writeDeadline = 0;
            }
        }

        void cut() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Reads that fail with SocketTimeoutException once a deadline passes, however the bytes trickle in. */
    private static final class DeadlineInput extends FilterInputStream {
        private final Socket socket;
        private long deadline;

        DeadlineInput(InputStream in, Socket socket) {
            super(in);
            this.socket = socket;
        }

        void deadline(int millis) {
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        }

        private void arm() throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
        }
    }
}
