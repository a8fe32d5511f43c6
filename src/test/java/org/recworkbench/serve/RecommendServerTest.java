package org.recworkbench.serve;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint and error case of the loopback service, over real HTTP on an ephemeral port. */
class RecommendServerTest {

    private static RecommendServer server;
    private static Dataset dataset;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Model model = RawHttp.shopModel();
        dataset = model.dataset();
        server = RecommendServer.start(new RecommendationService(model), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static List<String> ids(JsonObject recommendations) {
        List<String> out = new ArrayList<>();
        recommendations.getAsJsonArray("items").forEach(e -> out.add(e.getAsJsonObject().get("id").getAsString()));
        return out;
    }

    @Test
    void healthSaysWhatIsServed() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject o = json(r);
        assertThat(o.get("status").getAsString()).isEqualTo("ok");
        assertThat(o.get("dataset").getAsString()).isEqualTo("shop");
        assertThat(o.get("algorithm").getAsString()).isEqualTo("item-knn");
        assertThat(o.get("items").getAsInt()).as("30, or 31 once the new-item test has run").isBetween(30, 31);
    }

    @Test
    void aKnownUserGetsTheModelsListWithScoresAndReasons() throws Exception {
        HttpResponse<String> r = get("/recommend?user=u3&n=5");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject o = json(r);
        assertThat(o.get("source").getAsString()).isEqualTo("model");
        assertThat(o.getAsJsonArray("items")).hasSize(5);
        JsonObject first = o.getAsJsonArray("items").get(0).getAsJsonObject();
        assertThat(first.get("title").getAsString()).startsWith("Item ");
        assertThat(first.get("why").getAsString()).isNotBlank();
        int u = dataset.users().indexOf("u3");
        var algorithm = AlgorithmRegistry.require("item-knn");
        var top = new RecommendationService(algorithm.fit(dataset, algorithm.defaults(), Progress.NONE,
                Cancellation.NEVER)).recommend("u3", 5);
        assertThat(ids(o)).containsExactlyElementsOf(top.items().stream().map(RecommendationService.Item::id)
                .toList());
        assertThat(ids(o)).allSatisfy(id -> assertThat(Float.isNaN(dataset.ratings().value(u,
                dataset.items().indexOf(id)))).isTrue());
    }

    @Test
    void anUnknownUserGetsColdStartResultsAndEventsTurnThemIntoFoldIn() throws Exception {
        JsonObject cold = json(get("/recommend?user=stranger&n=4"));
        assertThat(cold.get("source").getAsString()).isEqualTo("popular");
        assertThat(ids(cold)).hasSize(4);
        String favourite = ids(cold).get(0);

        HttpResponse<String> applied = post("/events", "[{\"user\":\"stranger\",\"item\":\"" + favourite
                + "\",\"value\":5},{\"user\":\"stranger\",\"item\":\"i7\",\"value\":4,\"time\":1700000000}]");
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(json(applied).get("applied").getAsInt()).isEqualTo(2);

        JsonObject warm = json(get("/recommend?user=stranger&n=4"));
        // two interactions: below the cold-start threshold of 3, so the catalogue's text decides
        assertThat(warm.get("source").getAsString()).isEqualTo("content");
        assertThat(ids(warm)).doesNotContain(favourite, "i7").hasSize(4);
        warm.getAsJsonArray("items").forEach(e -> assertThat(e.getAsJsonObject().get("source").getAsString())
                .isIn("content", "popular"));

        assertThat(post("/events", "{\"user\":\"stranger\",\"item\":\"i9\",\"value\":3}").statusCode())
                .isEqualTo(200);
        JsonObject model = json(get("/recommend?user=stranger&n=4"));
        assertThat(model.get("source").getAsString()).isEqualTo("model");
        assertThat(model.get("method").getAsString()).isEqualTo("incremental item-kNN");
        assertThat(ids(model)).doesNotContain(favourite, "i7", "i9");
    }

    @Test
    void anEventOfAKnownUserChangesTheirNextList() throws Exception {
        List<String> before = ids(json(get("/recommend?user=u5&n=3")));
        assertThat(post("/events", "{\"user\":\"u5\",\"item\":\"" + before.get(0) + "\",\"value\":5}")
                .statusCode()).isEqualTo(200);
        JsonObject after = json(get("/recommend?user=u5&n=3"));
        assertThat(after.get("source").getAsString()).isEqualTo("model");
        assertThat(ids(after)).doesNotContain(before.get(0));
    }

    @Test
    void badRequestsGetFourHundredWithAJsonError() throws Exception {
        for (String bad : List.of("/recommend", "/recommend?user=u1&n=zero", "/recommend?user=u1&n=0",
                "/recommend?user=u1&n=5000")) {
            HttpResponse<String> r = get(bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("error").getAsString()).as(bad).isNotBlank();
        }
        assertThat(json(get("/recommend?user=u1&n=zero")).get("error").getAsString()).contains("\"zero\"");
        for (String body : List.of("not json", "{\"user\":\"u1\"}", "{\"user\":\"u1\",\"item\":\"nope\"}", "42",
                "[{\"item\":\"i1\"}]")) {
            HttpResponse<String> r = post("/events", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).get("error").getAsString()).as(body).isNotBlank();
        }
        assertThat(json(post("/events", "{\"user\":\"u1\",\"item\":\"nope\"}")).get("error").getAsString())
                .contains("Unknown item \"nope\"");
        HttpResponse<String> wrongMethod = post("/recommend?user=u1", "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> missing = get("/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").getAsString()).contains("/recommend");
    }

    @Test
    void newItemsAreAddedByTextAndThenTakeEvents() throws Exception {
        HttpResponse<String> added = post("/items", "[{\"id\":\"fresh\",\"title\":\"Item fresh\",\"text\":\"new\"},"
                + "{\"id\":\"i1\",\"title\":\"exists\"}]");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(json(added).get("added").getAsInt()).isEqualTo(1);
        assertThat(json(added).get("items").getAsInt()).isEqualTo(31);
        assertThat(json(get("/health")).get("items").getAsInt()).as("health counts items added since").isEqualTo(31);
        assertThat(post("/events", "{\"user\":\"u2\",\"item\":\"fresh\",\"value\":4}").statusCode()).isEqualTo(200);
        for (String body : List.of("{\"title\":\"no id\"}", "[1]", "\"x\"")) {
            HttpResponse<String> r = post("/items", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).get("error").getAsString()).as(body).isNotBlank();
        }
        assertThat(get("/items").statusCode()).isEqualTo(405);
    }

    @Test
    void trendingListsTheMostInteractedItems() throws Exception {
        JsonObject o = json(get("/trending?n=3"));
        assertThat(o.getAsJsonArray("items")).hasSize(3);
        assertThat(o.getAsJsonArray("items").get(0).getAsJsonObject().get("why").getAsString())
                .startsWith("popular: ");
        assertThat(get("/trending?n=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void itListensOnLoopbackOnly() {
        assertThat(server.port()).isPositive();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.address().getAddress().isAnyLocalAddress()).isFalse();
    }
}
