package org.recworkbench.serve;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Model;
import org.recworkbench.stream.LimitExceededException;
import org.recworkbench.stream.RecommendationService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 19 §1: bad JSON, values off the scale, floods of items, foreign hosts and origins, tokens, a broken model. */
class HostileRequestsTest {

    private static Model model;
    private static RecommendationService service;
    private static RecommendServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        model = RawHttp.shopModel();
        service = new RecommendationService(model);
        server = RecommendServer.start(service, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(RecommendServer s, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(RecommendServer s, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A plain JSON error: the status, and a message with no Java class, stack frame or library address. */
    private static String plainError(int status, int expected, String contentType, String body, String what) {
        assertThat(status).as(what).isEqualTo(expected);
        assertThat(contentType).as(what).startsWith("application/json");
        JsonObject o = JsonParser.parseString(body).getAsJsonObject();
        String error = o.get("error").getAsString();
        assertThat(error).as(what).isNotBlank().doesNotContain("Exception", "java.", "com.google", "gson", "github",
                "\tat ", "JsonObject", "JsonPrimitive");
        return error;
    }

    private static String plainError(HttpResponse<String> r, int expected, String what) {
        return plainError(r.statusCode(), expected, r.headers().firstValue("Content-Type").orElse(""), r.body(),
                what);
    }

    private static Map<String, List<String>> everyList() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (int u = 0; u < 60; u++) {
            lists.put("u" + u, service.recommendedIds("u" + u, 10));
        }
        return lists;
    }

    @Test
    void malformedBodiesAndQueriesGetPlainJsonErrors() throws Exception {
        long events = service.eventCount();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{}", "has no \"user\"");
        bodies.put("{\"user\":null,\"item\":null}", "has no \"user\"");
        bodies.put("{\"user\":{},\"item\":\"i1\"}", "must be a string");
        bodies.put("{\"user\":\"u1\",\"item\":[\"i1\"]}", "must be a string");
        bodies.put("{\"user\":\"u1\",\"item\":\"i1\",\"value\":\"5\"}", "must be a number");
        bodies.put("{\"user\":\"u1\",\"item\":\"i1\",\"value\":{}}", "must be a number");
        bodies.put("{\"user\":\"u1\",\"item\":\"i1\",\"time\":1.5}", "whole number");
        bodies.put("{\"user\":\"u1\",\"item\":\"i1\",\"time\":-3}", "whole number");
        bodies.put("{\"user\":\"u1\",\"item\":\"i1\"} {}", "not valid JSON");
        bodies.put("{user:'u1',item:'i1'}", "not valid JSON");
        bodies.put("not json", "not valid JSON");
        bodies.put("", "not valid JSON");
        bodies.put("[".repeat(5000) + "]".repeat(5000), "not valid JSON");
        bodies.put("[1]", "is not an object");
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            String what = e.getKey().length() > 60 ? "deep nesting" : e.getKey();
            assertThat(plainError(post(server, "/events", e.getKey()), 400, what)).as(what).contains(e.getValue());
        }
        for (String body : List.of("{}", "{\"id\":{}}", "{\"id\":\"x\",\"title\":[]}", "{\"id\":\"x\",\"text\":{}}",
                "[{\"id\":\"x\"},{\"id\":\"x\"}]")) {
            plainError(post(server, "/items", body), 400, body);
        }
        for (String query : List.of("/recommend?user=%zz", "/recommend?user=%E0%A4%A", "/recommend?user=u1&n=%",
                "/recommend?user=u1&n=99999999999", "/trending?n=1e3")) {
            // HttpClient will not send a malformed escape: written by hand
            RawHttp.Reply r = RawHttp.send(server.port(), RawHttp.request(server.port(), "GET", query, "", null));
            plainError(r.status(), 400, r.headers().get("content-type"), r.body(), query);
        }
        assertThat(service.eventCount()).as("nothing applied").isEqualTo(events);
        assertThat(service.itemCount()).isEqualTo(30);
    }

    @Test
    void valuesOffTheRatingScaleAreRefusedAndChangeNoList() throws Exception {
        Map<String, List<String>> before = everyList();
        for (String value : List.of("1e300", "-1e300", "6", "0", "-1", "5.5")) {
            String error = plainError(post(server, "/events", "{\"user\":\"u1\",\"item\":\"i2\",\"value\":" + value
                    + "}"), 400, value);
            assertThat(error).contains("outside 1–5");
        }
        String mixed = "[{\"user\":\"u2\",\"item\":\"i3\",\"value\":4},{\"user\":\"u4\",\"item\":\"i5\",\"value\":1e300}]";
        plainError(post(server, "/events", mixed), 400, "one good, one off the scale");
        assertThat(everyList()).as("all or none: no list changed").isEqualTo(before);

        try (RecommendServer wide = RecommendServer.start(new RecommendationService(model), 0,
                RecommendServer.Settings.defaults().withMaxValue(100))) {
            assertThat(wide.valueRange()).containsExactly(1, 100);
            assertThat(post(wide, "/events", "{\"user\":\"u1\",\"item\":\"i2\",\"value\":50}").statusCode())
                    .isEqualTo(200);
            plainError(post(wide, "/events", "{\"user\":\"u1\",\"item\":\"i2\",\"value\":1e300}"), 400, "1e300");
        }
    }

    @Test
    void itemFloodsAreCappedAndAppliedAllOrNone() throws Exception {
        RecommendationService fresh = new RecommendationService(model);
        try (RecommendServer s = RecommendServer.start(fresh, 0,
                RecommendServer.Settings.defaults().withMaxNewItems(600))) {
            StringBuilder flood = new StringBuilder("[");
            for (int k = 0; k < 2000; k++) {
                flood.append(k == 0 ? "" : ",").append("{\"id\":\"n").append(k).append("\",\"text\":\"new\"}");
            }
            String body = flood.append("]").toString();
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThat(plainError(post(s, "/items", body), 400, "2,000 items")).contains("At most 500 items");
            }
            assertThat(fresh.itemCount()).as("a refused request adds nothing").isEqualTo(30);
            StringBuilder events = new StringBuilder("[");
            for (int k = 0; k <= 10_000; k++) {
                events.append(k == 0 ? "" : ",").append("{\"user\":\"u1\",\"item\":\"i1\",\"value\":3}");
            }
            assertThat(plainError(post(s, "/events", events.append("]").toString()), 400, "10,001 events"))
                    .contains("At most 10000 events");
            assertThat(fresh.eventCount()).isZero();
            assertThat(post(s, "/items", items(0, 400)).statusCode()).isEqualTo(200);
            String error = plainError(post(s, "/items", items(400, 300)), 409, "over the total");
            assertThat(error).contains("at most 600 new items").contains("400 were added");
            assertThat(fresh.itemCount()).isEqualTo(430);
            assertThat(post(s, "/items", items(400, 200)).statusCode()).isEqualTo(200);
            assertThat(get(s, "/recommend?user=u3&n=10").statusCode()).isEqualTo(200);
            assertThat(post(s, "/events", "{\"user\":\"u3\",\"item\":\"n599\",\"value\":4}").statusCode())
                    .isEqualTo(200);
            assertThat(get(s, "/health").statusCode()).isEqualTo(200);
            assertThat(fresh.itemCount()).isEqualTo(630);
        }
    }

    private static String items(int from, int count) {
        StringBuilder b = new StringBuilder("[");
        for (int k = from; k < from + count; k++) {
            b.append(k == from ? "" : ",").append("{\"id\":\"n").append(k).append("\",\"title\":\"New ").append(k)
                    .append("\"}");
        }
        return b.append("]").toString();
    }

    @Test
    void itemsThatWouldNotFitInTheHeapAreRefusedBeforeAnythingGrows() {
        RecommendationService fresh = new RecommendationService(model);
        List<RecommendationService.NewItemText> many = new ArrayList<>();
        for (int k = 0; k < 60_000; k++) {
            many.add(new RecommendationService.NewItemText("n" + k, "", ""));
        }
        assertThatThrownBy(() -> fresh.addItems(many, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.memory()).isTrue())
                .hasMessageContaining("nothing was added");
        assertThat(fresh.itemCount()).isEqualTo(30);
        assertThat(fresh.brokenReason()).isNull();
        assertThat(fresh.recommend("u3", 5).items()).hasSize(5);
    }

    @Test
    void aBrokenModelMakesHealthAnswer503WithTheReason() throws Exception {
        RecommendationService broken = new RecommendationService(model);
        try (RecommendServer s = RecommendServer.start(broken, 0)) {
            broken.markBroken("an update failed half-way (out of memory)");
            HttpResponse<String> health = get(s, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonObject o = JsonParser.parseString(health.body()).getAsJsonObject();
            assertThat(o.get("status").getAsString()).isEqualTo("broken");
            assertThat(o.get("reason").getAsString()).contains("out of memory");
            assertThat(plainError(get(s, "/recommend?user=u1"), 503, "recommend")).contains("broken");
            plainError(post(s, "/events", "{\"user\":\"u1\",\"item\":\"i1\",\"value\":3}"), 503, "events");
        }
    }

    @Test
    void requestsForAnotherHostAreRefused() throws Exception {
        int port = server.port();
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1:" + (port + 1),
                "127.0.0.1.evil.example:" + port)) {
            RawHttp.Reply r = RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n");
            plainError(r.status(), 403, r.headers().get("content-type"), r.body(), host);
        }
        RawHttp.Reply none = RawHttp.send(port, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertThat(none.status()).as("no Host").isEqualTo(403);
        assertThat(RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: LOCALHOST:" + port
                + "\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void crossOriginWritesAreRefusedAndSameOriginOnesApplied() throws Exception {
        int port = server.port();
        long events = service.eventCount();
        String event = "{\"user\":\"u7\",\"item\":\"i1\",\"value\":3}";
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:" + (port + 1),
                "https://127.0.0.1:" + port)) {
            RawHttp.Reply r = RawHttp.send(port, RawHttp.request(port, "POST", "/events", "Origin: " + origin
                    + "\r\n", event));
            plainError(r.status(), 403, r.headers().get("content-type"), r.body(), origin);
        }
        assertThat(service.eventCount()).isEqualTo(events);
        for (String origin : List.of("http://127.0.0.1:" + port, "http://localhost:" + port)) {
            assertThat(RawHttp.send(port, RawHttp.request(port, "POST", "/events", "Origin: " + origin + "\r\n",
                    event)).status()).as(origin).isEqualTo(200);
        }
        assertThat(RawHttp.send(port, RawHttp.request(port, "GET", "/health", "Origin: http://evil.example\r\n",
                null)).status()).as("reads are not writes").isEqualTo(200);
    }

    @Test
    void aTokenGuardsWritesButNotReads() throws Exception {
        RecommendationService guarded = new RecommendationService(model);
        try (RecommendServer s = RecommendServer.start(guarded, 0,
                RecommendServer.Settings.defaults().withToken("s3cret"))) {
            String event = "{\"user\":\"u1\",\"item\":\"i1\",\"value\":3}";
            HttpResponse<String> none = post(s, "/events", event);
            plainError(none, 401, "no token");
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            plainError(post(s, "/events", event, "Authorization", "Bearer wrong"), 401, "wrong token");
            plainError(post(s, "/items", "{\"id\":\"x\"}", "Authorization", "Basic czNjcmV0"), 401, "basic");
            assertThat(guarded.eventCount()).isZero();
            assertThat(post(s, "/events", event, "Authorization", "Bearer s3cret").statusCode()).isEqualTo(200);
            assertThat(guarded.eventCount()).isEqualTo(1);
            assertThat(get(s, "/recommend?user=u1").statusCode()).isEqualTo(200);
        }
    }
}
