package org.recworkbench.serve;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.recworkbench.stream.RecommendationService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's request parsing under Jazzer: any method, path, query, headers and body (each request complete, so
 * no deadline is waited for) gets a well-formed HTTP response — never a 500 or a broken model — and every refusal is
 * a JSON {@code {"error": …}} in plain words. In a normal build the committed corpus is replayed; {@code mvn verify}
 * then fuzzes it for a bounded time (pom.xml, execution fuzz-service).
 */
class ServiceRequestFuzzTest {

    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final List<String> PATHS = List.of("/recommend", "/events", "/items", "/health", "/explain",
            "/", "/recommend/", "//events");
    private static final Set<Integer> ALLOWED = Set.of(200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 411, 413,
            414, 415, 431, 507);

    private static RecommendServer server;

    @BeforeAll
    static void start() throws IOException {
        server = RecommendServer.start(new RecommendationService(RawHttp.shopModel()), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @FuzzTest(maxDuration = "5m")
    void request(FuzzedDataProvider data) throws IOException {
        String method = data.pickValue(METHODS);
        String path = data.consumeBoolean() ? data.pickValue(PATHS) : "/" + data.consumeAsciiString(40);
        String query = data.consumeBoolean() ? "?" + data.consumeString(200) : "";
        StringBuilder headers = new StringBuilder();
        if (data.consumeBoolean()) {
            headers.append("Content-Type: ").append(data.consumeAsciiString(40)).append("\r\n");
        }
        if (data.consumeBoolean()) {
            headers.append("Origin: ").append(data.consumeAsciiString(40)).append("\r\n");
        }
        byte[] body = data.consumeRemainingAsBytes();
        String target = (path + query).replace("\r", "%0D").replace("\n", "%0A").replace(" ", "%20");
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nConnection: close\r\n" + headers.toString().replace("\n\r", "")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] request = new byte[head.getBytes(StandardCharsets.ISO_8859_1).length + body.length];
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(body, 0, request, h.length, body.length);

        RawHttp.Reply reply;
        // the harness itself talks to the loopback service; the server-side request forgery detector stays on for
        // every other address
        try (var allowed = BugDetectors.allowNetworkConnections((host, port) -> port == server.port())) {
            reply = RawHttp.send(server.port(), request);
        }
        assertThat(ALLOWED).as("status of " + method + " " + target).contains(reply.status());
        if (reply.status() >= 400 && !method.equals("HEAD")) {
            assertThat(reply.headers().get("content-type")).startsWith("application/json");
            String error = JsonParser.parseString(reply.body()).getAsJsonObject().get("error").getAsString();
            assertThat(error).isNotBlank().doesNotContain("Exception", "java.", "com.google", "\tat ");
        }
    }
}
