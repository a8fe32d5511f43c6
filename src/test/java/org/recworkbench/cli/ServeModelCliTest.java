package org.recworkbench.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.export.ModelFile;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;
import org.recworkbench.stream.RecommendationService;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** serve --model FILE: the service answers with the saved model's lists; a file of another dataset is refused. */
class ServeModelCliTest {

    @TempDir
    static Path folder;

    private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/recommend");

    @BeforeAll
    static void importTwoGeneratedDatasets() {
        for (String[] d : new String[][] {{"shop", "3"}, {"other", "4"}}) {
            Path dir = folder.resolve(d[0]);
            ok(CliRun.of("generate", "--out", dir.toString(), "--users", "30", "--items", "40", "--density", "0.2",
                    "--seed", d[1]));
            ok(CliRun.of("import", "--db", db(), "--name", d[0], "--format", "csv", "--header", "--items",
                    dir.resolve("items.csv").toString(), dir.resolve("ratings.csv").toString()));
        }
    }

    private static String db() {
        return folder.resolve("db").toString();
    }

    private static void ok(CliRun r) {
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static Path save(String algo) {
        Path file = folder.resolve(algo + ".rwbm");
        ok(CliRun.of("model", "save", "--db", db(), "--dataset", "shop", "--algo", algo, "--out", file.toString()));
        return file;
    }

    @Test
    void serveWithAModelFileAnswersWithTheSavedModelsList() throws Exception {
        for (String algo : List.of("svd", "item-knn")) {
            Path file = save(algo);
            List<String> users = new ArrayList<>();
            List<List<String>> expected = new ArrayList<>();
            try (Workspace w = Workspace.open(Path.of(db()))) {
                Dataset shop = w.datasets().load("shop");
                // users with at least ten unrated items, so the model fills the whole list
                for (int u = 0; u < shop.userCount() && users.size() < 3; u++) {
                    if (shop.ratings().rowLength(u) + 10 <= shop.itemCount()) {
                        users.add(shop.users().id(u));
                    }
                }
                Model model = ModelFile.load(file, shop, Progress.NONE, Cancellation.NEVER);
                RecommendationService service = new RecommendationService(model);
                org.recworkbench.algo.Algorithm<?> a = org.recworkbench.algo.AlgorithmRegistry.require(algo);
                RecommendationService fitted = new RecommendationService(a.fit(shop, a.defaults(), Progress.NONE,
                        Cancellation.NEVER));
                for (String user : users) {
                    expected.add(service.recommendedIds(user, 10));
                    assertThat(fitted.recommendedIds(user, 10)).isEqualTo(expected.get(expected.size() - 1));
                }
            }
            assertThat(expected).as(algo).hasSize(3).allSatisfy(list -> assertThat(list).hasSize(10));
            try (Served served = Served.start("serve", "--db", db(), "--dataset", "shop", "--model", file.toString(),
                    "--port", "0")) {
                for (int k = 0; k < users.size(); k++) {
                    HttpResponse<String> r = served.get("/recommend?user=" + users.get(k) + "&n=10");
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    assertThat(ids(JsonParser.parseString(r.body()).getAsJsonObject())).as(algo)
                            .isEqualTo(expected.get(k));
                }
                JsonObject health = JsonParser.parseString(served.get("/health").body()).getAsJsonObject();
                assertThat(health.get("algorithm").getAsString()).isEqualTo(algo);
            }
        }
    }

    @Test
    void serveRefusesAModelFileOfAnotherDatasetBeforeListening() {
        Path file = save("svdpp");
        CliRun r = CliRun.of("serve", "--db", db(), "--dataset", "other", "--model", file.toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: svdpp.rwbm was fitted on dataset shop (checksum ")
                .contains(", not on other (checksum ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).doesNotContain("Serving");
    }

    private static List<String> ids(JsonObject recommendations) {
        List<String> out = new ArrayList<>();
        recommendations.getAsJsonArray("items").forEach(e -> out.add(e.getAsJsonObject().get("id").getAsString()));
        return out;
    }

    /** The serve command running on its own thread until closed (an interrupt ends its wait and closes the server). */
    private static final class Served implements AutoCloseable {

        private static final HttpClient CLIENT = HttpClient.newHttpClient();
        private final Thread thread;
        private final StringWriter err = new StringWriter();
        private final int port;

        private Served(String[] args) throws InterruptedException {
            StringWriter out = new StringWriter();
            thread = new Thread(() -> Cli.run(args, new PrintWriter(out), new PrintWriter(err)), "serve-under-test");
            thread.setDaemon(true);
            thread.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            Matcher m = PORT.matcher("");
            while (!m.reset(out.toString()).find()) {
                assertThat(thread.isAlive()).as("serve ended early: " + err).isTrue();
                assertThat(System.nanoTime()).as("serve did not start: " + err).isLessThan(deadline);
                Thread.sleep(20);
            }
            port = Integer.parseInt(m.group(1));
        }

        static Served start(String... args) throws InterruptedException {
            return new Served(args);
        }

        HttpResponse<String> get(String pathAndQuery) throws Exception {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).as("serve did not stop").isFalse();
        }
    }
}
