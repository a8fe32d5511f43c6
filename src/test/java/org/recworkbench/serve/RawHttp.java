package org.recworkbench.serve;

import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Requests written byte by byte over a socket, for what HttpClient will not send; and the tests' small dataset. */
final class RawHttp {

    record Reply(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /** 60 users, 30 items, ratings 1–5: the same shop as RecommendServerTest. */
    static Model shopModel() {
        SplittableRandom random = new SplittableRandom(3);
        DatasetBuilder b = new DatasetBuilder("shop", DatasetKind.EXPLICIT);
        for (int i = 0; i < 30; i++) {
            b.item("i" + i, "Item " + i, new String[] {"c" + i % 3}, "");
        }
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 30; i++) {
                if (random.nextDouble() < 0.5 / (1 + i * 0.1)) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        Dataset dataset = b.build();
        var algorithm = AlgorithmRegistry.require("item-knn");
        return algorithm.fit(dataset, algorithm.defaults(), Progress.NONE, Cancellation.NEVER);
    }

    static Socket open(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(15_000);
        return s;
    }

    /** Sends the bytes on a new connection and reads one response. */
    static Reply send(int port, byte[] request) throws IOException {
        try (Socket s = open(port)) {
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    static Reply send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.UTF_8));
    }

    /** A request with Host 127.0.0.1:port, Connection: close and the extra header lines given. */
    static String request(int port, String method, String target, String extraHeaders, String body) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + extraHeaders + (body == null ? "" : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n") + "\r\n" + (body == null ? "" : body);
    }

    /** One response: status line, headers, Content-Length bytes of body. */
    static Reply read(InputStream in) throws IOException {
        return read(in, false);
    }

    /** One response; a response to HEAD has no body whatever its Content-Length says. */
    static Reply read(InputStream in, boolean head) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("the connection closed without a response");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = head ? new byte[0] : in.readNBytes(length);
        return new Reply(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
