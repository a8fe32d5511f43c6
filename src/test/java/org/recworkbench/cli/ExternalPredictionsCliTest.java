package org.recworkbench.cli;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code evaluate --predictions}: predicted ratings made elsewhere measured on a stored test dataset.
 *
 * <p>The hand-computed data (explicit): training u1 {i1 4, i2 3}, u2 {i1 5, i3 2}, u3 {i2 4}; test u1 {i3 2},
 * u2 {i2 4}, u3 {i1 5, i3 3}. The Surprise-style file predicts u1·i3 2.5 (error 0.5), u2·i2 3 (−1), u3·i1 4.5
 * (−0.5) and not u3·i3: RMSE = √((0.25 + 1 + 0.25)/3) = √0.5, MAE = 2/3, coverage = 3/4.
 */
class ExternalPredictionsCliTest {

    private static final String RATING = "rmse,mae,coverage,user-rmse,user-mae";

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("db").toString();
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private void importData(String name, Path file) {
        CliRun r = CliRun.of("import", "--db", db(), "--name", name, "--format", "csv", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private void importHandData() throws IOException {
        importData("hand", write("hand.csv", "u1,i1,4", "u1,i2,3", "u2,i1,5", "u2,i3,2", "u3,i2,4"));
        importData("hand-test", write("hand-test.csv", "u1,i3,2", "u2,i2,4", "u3,i1,5", "u3,i3,3"));
    }

    private CliRun evaluate(String dataset, String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--db", db(), "--dataset", dataset,
                "--test-dataset", dataset + "-test"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun predictions(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("--predictions", file.toString()));
        args.addAll(List.of(more));
        return evaluate("hand", args.toArray(String[]::new));
    }

    /** Surprise: {@code predictions = algo.test(testset)} written as uid,iid,r_ui,est,details (csv module quoting). */
    private Path surpriseFile() throws IOException {
        return write("surprise.csv", "uid,iid,r_ui,est,details", "u1,i3,2.0,2.5,\"{'was_impossible': False}\"",
                "", "u2,i2,4.0,3,\"{'was_impossible': False}\"", "u3,i1,5.0,4.5,\"{'was_impossible': False}\"",
                "u9,i1,3.0,3.5,\"{'was_impossible': True, 'reason': 'User and/or item is unknown.'}\"",
                "u1,i9,3.0,3.5,\"{'was_impossible': True, 'reason': 'User and/or item is unknown.'}\"");
    }

    @Test
    void aSurpriseFileWithEstGetsTheHandComputedErrorsAndItsCounts() throws IOException {
        importHandData();
        CliRun r = predictions(surpriseFile(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject json = r.json();
        assertThat(json.get("algorithm").getAsString()).isEqualTo("external");
        JsonObject params = json.getAsJsonObject("params");
        assertThat(params.get("predictions-file").getAsString()).isEqualTo("surprise.csv");
        assertThat(params.get("predictions-sha256").getAsString()).hasSize(64);
        assertThat(params.has("file")).isFalse();
        JsonObject m = json.getAsJsonObject("metrics");
        // with --predictions only, the defaults are the rating metrics
        assertThat(m.keySet()).containsExactly("rmse", "mae", "coverage");
        assertThat(m.get("rmse").getAsDouble()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(m.get("mae").getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.get("coverage").getAsDouble()).isCloseTo(0.75, within(1e-12));
        JsonObject p = json.getAsJsonObject("external").getAsJsonObject("predictions");
        assertThat(p.get("rows").getAsInt()).isEqualTo(5);
        assertThat(p.get("predicted_pairs").getAsInt()).isEqualTo(3);
        assertThat(p.get("unknown_users").getAsInt()).isEqualTo(1);
        assertThat(p.get("unknown_items").getAsInt()).isEqualTo(1);

        CliRun text = predictions(surpriseFile(), "--no-save");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("surprise.csv (SHA-256 ").contains("5 rows, predictions for 3 pairs of 3 "
                + "users; skipped: 1 rows of 1 unknown users, 1 rows of 1 unknown items");
    }

    @Test
    void badRowsAreRefusedWithFileLineAndColumn() throws IOException {
        importHandData();
        CliRun nan = predictions(write("a.csv", "user,item,prediction", "u1,i3,2.5", "u2,i2,NaN"));
        assertThat(nan.code()).isEqualTo(2);
        assertThat(nan.err()).contains("a.csv:3:3: prediction \"NaN\" is not a finite number");

        CliRun inf = predictions(write("b.csv", "uid,iid,r_ui,est", "u1,i3,2,Infinity"));
        assertThat(inf.code()).isEqualTo(2);
        assertThat(inf.err()).contains("b.csv:2:4: prediction \"Infinity\" is not a finite number");

        CliRun text = predictions(write("b2.csv", "user,item,prediction", "u1,i3,high"));
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("b2.csv:2:3: prediction \"high\" is not a finite number");

        CliRun missing = predictions(write("c.csv", "user,item,rating", "u1,i3,2"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("c.csv:1: the header user,item,rating has no prediction column");

        CliRun noItem = predictions(write("c2.csv", "user,prediction", "u1,2"));
        assertThat(noItem.code()).isEqualTo(2);
        assertThat(noItem.err()).contains("c2.csv:1: the header user,prediction has no item column");

        CliRun both = predictions(write("c3.csv", "user,item,prediction,est", "u1,i3,2,3"));
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("c3.csv:1:4: the header names the prediction column twice");

        // the blank line is skipped but counted in the line numbers
        CliRun twice = predictions(write("d.csv", "user,item,prediction", "u1,i3,1", "", "u2,i2,3", "u1,i3,2"));
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("d.csv:5:2: user u1 is given item i3 twice (first on line 2)");

        CliRun twiceUnknown = predictions(write("d2.csv", "user,item,prediction", "u1,i3,1", "x1,i3,1",
                "x1,i3,2"));
        assertThat(twiceUnknown.code()).isEqualTo(2);
        assertThat(twiceUnknown.err()).contains("d2.csv:4:2: user x1 is given item i3 twice (first on line 3)");

        CliRun fields = predictions(write("e.csv", "user,item,prediction", "u1,i3"));
        assertThat(fields.code()).isEqualTo(2);
        assertThat(fields.err()).contains("e.csv:2: the row has 2 fields; expected 3");

        Path empty = folder.resolve("f.csv");
        Files.writeString(empty, "");
        CliRun none = predictions(empty);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("f.csv: the file is empty");

        CliRun unknown = predictions(write("g.csv", "user,item,prediction", "x1,i3,1", "u1,x9,1"));
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("g.csv: no row names both a user and an item of dataset hand "
                + "(1 unknown users, 1 unknown items)");
    }

    @Test
    void metricsTheFilesCannotAnswerAreRefused() throws IOException {
        importHandData();
        CliRun ranking = predictions(surpriseFile(), "--metrics", "rmse,ndcg@10");
        assertThat(ranking.code()).isEqualTo(2);
        assertThat(ranking.err()).contains("ndcg@10 needs recommendation lists").contains("--recommendations");
        CliRun params = predictions(surpriseFile(), "-p", "k=10");
        assertThat(params.code()).isEqualTo(2);
        assertThat(params.err()).contains("--predictions takes none");
        CliRun split = CliRun.of("evaluate", "--db", db(), "--dataset", "hand", "--split", "holdout:0.2",
                "--predictions", surpriseFile().toString());
        assertThat(split.code()).isEqualTo(2);
        assertThat(split.err()).contains("--predictions needs --test-dataset");
        CliRun algo = predictions(surpriseFile(), "--algo", "bias");
        assertThat(algo.code()).isEqualTo(2);
        assertThat(algo.err()).contains("either --algo/--model or --recommendations/--predictions");
    }

    @Test
    void theRunIsRepeatedWhileTheFileIsUnchangedAndRefusedAfterItChanges() throws IOException {
        importHandData();
        Path preds = surpriseFile();
        CliRun r = predictions(preds, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        long id = r.json().get("run").getAsLong();
        assertThat(CliRun.of("runs", "--db", db()).out()).contains("surprise.csv");

        CliRun again = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id), "--json");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().get("rerun_of").getAsLong()).isEqualTo(id);
        assertThat(again.json().getAsJsonObject("metrics").get("rmse").getAsDouble())
                .isCloseTo(Math.sqrt(0.5), within(1e-12));

        Files.writeString(preds, "u3,i3,3.0,2.0,{}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CliRun changed = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id));
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err()).contains("surprise.csv").contains("has changed since")
                .contains("evaluate --predictions");
        Files.delete(preds);
        CliRun gone = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id));
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).contains("is no longer there");
    }

    /** A small explicit dataset and a test set whose pairs mostly have a known user and item. */
    private List<String> generate() throws IOException {
        Random random = new Random(11);
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.25) {
                    String row = "v" + u + ",j" + i + "," + (1 + random.nextInt(5));
                    (random.nextDouble() < 0.8 ? train : test).add(row);
                }
            }
        }
        importData("gen", write("gen-train.csv", train.toArray(String[]::new)));
        importData("gen-test", write("gen-test.csv", test.toArray(String[]::new)));
        return test;
    }

    /** The internal model's predict for every test pair of a known user and item, written as a predictions file. */
    private Path predictionsOf(String algorithm, List<String> test, String name) throws IOException {
        List<String> lines = new ArrayList<>(List.of("user,item,rating,prediction"));
        try (Workspace workspace = Workspace.open(folder.resolve("db"))) {
            Dataset train = workspace.datasets().load("gen");
            var a = AlgorithmRegistry.require(algorithm);
            Model model = a.fit(train, a.defaults(), Progress.NONE, Cancellation.NEVER);
            for (String row : test) {
                String[] f = row.split(",");
                int u = train.users().indexOf(f[0]);
                int i = train.items().indexOf(f[1]);
                if (u >= 0 && i >= 0) {
                    lines.add(f[0] + "," + f[1] + "," + f[2] + "," + model.predict(u, i));
                }
            }
        }
        return write(name, lines.toArray(String[]::new));
    }

    private static void assertSameMetrics(CliRun internal, CliRun external, String metrics) {
        assertThat(internal.code()).as(internal.err()).isZero();
        assertThat(external.code()).as(external.err()).isZero();
        JsonObject a = internal.json().getAsJsonObject("metrics");
        JsonObject b = external.json().getAsJsonObject("metrics");
        for (String key : metrics.split(",")) {
            assertThat(b.get(key).getAsDouble()).as(key).isEqualTo(a.get(key).getAsDouble());
        }
        assertThat(external.json().getAsJsonObject("intervals").toString())
                .isEqualTo(internal.json().getAsJsonObject("intervals").toString());
    }

    @Test
    void predictionsWrittenFromAModelMeasureExactlyAsTheModelItself() throws IOException {
        List<String> test = generate();
        for (String algorithm : List.of("bias", "biased-mf")) {
            Path preds = predictionsOf(algorithm, test, algorithm + ".csv");
            CliRun internal = evaluate("gen", "--algo", algorithm, "--metrics", RATING, "--json");
            CliRun external = evaluate("gen", "--predictions", preds.toString(), "--metrics", RATING, "--json");
            assertSameMetrics(internal, external, RATING);
            assertThat(external.json().getAsJsonObject("metrics").get("coverage").getAsDouble()).isEqualTo(1.0);
            assertThat(external.json().getAsJsonObject("metrics").get("rmse").getAsDouble()).isPositive();
        }
        Path perUser = folder.resolve("per-user.csv");
        Path internalPerUser = folder.resolve("internal-per-user.csv");
        evaluate("gen", "--algo", "bias", "--metrics", RATING, "--per-user-out", internalPerUser.toString());
        evaluate("gen", "--predictions", folder.resolve("bias.csv").toString(), "--metrics", RATING,
                "--per-user-out", perUser.toString());
        assertThat(Files.readAllLines(perUser)).isEqualTo(Files.readAllLines(internalPerUser));
    }

    @Test
    void listsAndPredictionsTogetherGiveRankingAndRatingMetricsInOneRun() throws IOException {
        List<String> test = generate();
        Path preds = predictionsOf("biased-mf", test, "mf-preds.csv");
        Path recs = folder.resolve("mf-recs.csv");
        CliRun rec = CliRun.of("recommend", "--db", db(), "--dataset", "gen", "--algo", "biased-mf", "--users",
                "all", "--n", "10", "--out", recs.toString());
        assertThat(rec.code()).as(rec.err()).isZero();
        String metrics = "rmse,mae,coverage,precision@10,recall@10,ndcg@10";
        CliRun internal = evaluate("gen", "--algo", "biased-mf", "--metrics", metrics, "--json");
        CliRun both = evaluate("gen", "--recommendations", recs.toString(), "--predictions", preds.toString(),
                "--metrics", metrics, "--json");
        assertSameMetrics(internal, both, metrics);
        assertThat(both.json().getAsJsonObject("metrics").get("ndcg@10").getAsDouble()).isPositive();
        JsonObject params = both.json().getAsJsonObject("params");
        assertThat(params.get("file").getAsString()).isEqualTo("mf-recs.csv");
        assertThat(params.get("predictions-file").getAsString()).isEqualTo("mf-preds.csv");

        // without --metrics: the rating metrics and the list's defaults
        CliRun defaults = evaluate("gen", "--recommendations", recs.toString(), "--predictions", preds.toString(),
                "--json");
        assertThat(defaults.code()).as(defaults.err()).isZero();
        assertThat(defaults.json().getAsJsonObject("metrics").keySet()).contains("rmse", "mae", "coverage",
                "ndcg@10");

        long id = both.json().get("run").getAsLong();
        CliRun again = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id), "--json");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().getAsJsonObject("metrics").toString())
                .isEqualTo(both.json().getAsJsonObject("metrics").toString());
        Files.writeString(preds, "v0,j0,3,3.5\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CliRun changed = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id));
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err()).contains("mf-preds.csv").contains("has changed since");
    }
}
