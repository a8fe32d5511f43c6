package org.recworkbench.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code evaluate --recommendations}: lists made elsewhere measured on a stored test dataset.
 *
 * <p>The implicit training data: u1 {i1, i2}, u2 {i3}, u3 {i1, i4, i5, i6}; the test data: u1 {i3, i5},
 * u2 {i1, i2, i6}, u3 {i2} (implicit: every test entry is relevant). The list file orders by score:
 * <ul>
 * <li>u1: i3 0.9, i2 0.8 (a training item of u1: dropped), i4 0.7, i5 0.7 (tie: file order, after i4), i9 (unknown
 * item) → [i3, i4, i5]; relevant {i3, i5}: P@2 = 1/2, R@2 = 1/2, DCG@2 = 1/log₂2 = 1, IDCG@2 = 1 + 1/log₂3 =
 * 1.63093, NDCG@2 = 0.61315, hit@3 = 1;</li>
 * <li>u2: i4 0.9, i6 0.5, i1 0.1 → [i4, i6, i1]; relevant {i1, i2, i6}: P@2 = 1/2, R@2 = 1/3, DCG@2 = 1/log₂3 =
 * 0.63093, IDCG@2 = 1.63093, NDCG@2 = 0.38685, hit@3 = 1;</li>
 * <li>u3: no list (an empty list: every metric 0);</li>
 * <li>u7: an unknown user, skipped and counted.</li>
 * </ul>
 * Means over the three users: P@2 = 1/3, R@2 = (1/2 + 1/3)/3 = 5/18, NDCG@2 = (0.61315 + 0.38685)/3 = 1/3 (the two
 * add up to exactly 1), hit@3 = 2/3.
 */
class ExternalRecommendationsCliTest {

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

    @BeforeEach
    void importTrainAndTest() throws IOException {
        Path train = write("train.csv", "u1,i1", "u1,i2", "u2,i3", "u3,i1", "u3,i4", "u3,i5", "u3,i6");
        Path test = write("test.csv", "u1,i3", "u1,i5", "u2,i1", "u2,i2", "u2,i6", "u3,i2");
        assertThat(CliRun.of("import", "--db", db(), "--name", "tiny", "--format", "csv", train.toString()).code())
                .isZero();
        assertThat(CliRun.of("import", "--db", db(), "--name", "tiny-test", "--format", "csv", test.toString())
                .code()).isZero();
    }

    private Path handList() throws IOException {
        return write("recs.csv", "user_id,item_id,score", "u1,i3,0.9", "u1,i2,0.8", "u1,i4,0.7", "u1,i5,0.7",
                "u1,i9,0.6", "u2,i4,0.9", "u2,i6,0.5", "u2,i1,0.1", "u7,i1,1.0");
    }

    private CliRun evaluate(Path recs, String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--db", db(), "--dataset", "tiny", "--test-dataset",
                "tiny-test", "--recommendations", recs.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aListFromElsewhereGetsTheHandComputedMetricsAndItsCounts() throws IOException {
        CliRun r = evaluate(handList(), "--metrics", "precision@2,recall@2,ndcg@2,hit@3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject json = r.json();
        assertThat(json.get("algorithm").getAsString()).isEqualTo("external");
        assertThat(json.getAsJsonObject("params").get("file").getAsString()).isEqualTo("recs.csv");
        assertThat(json.getAsJsonObject("params").get("sha256").getAsString()).hasSize(64);
        assertThat(json.get("split").getAsString()).isEqualTo("test-dataset:tiny-test");
        JsonObject m = json.getAsJsonObject("metrics");
        assertThat(m.get("precision@2").getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.get("recall@2").getAsDouble()).isCloseTo(5.0 / 18, within(1e-12));
        assertThat(m.get("ndcg@2").getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.get("hit@3").getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(json.getAsJsonObject("intervals").get("precision@2").isJsonArray()).isTrue();
        JsonObject e = json.getAsJsonObject("external");
        assertThat(e.get("order").getAsString()).isEqualTo("score");
        assertThat(e.get("rows").getAsInt()).isEqualTo(9);
        assertThat(e.get("listed_users").getAsInt()).isEqualTo(2);
        assertThat(e.get("unknown_users").getAsInt()).isEqualTo(1);
        assertThat(e.get("unknown_user_rows").getAsInt()).isEqualTo(1);
        assertThat(e.get("unknown_items").getAsInt()).isEqualTo(1);
        assertThat(e.get("training_items_dropped").getAsInt()).isEqualTo(1);
        assertThat(e.get("test_users_without_list").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonArray("folds").get(0).getAsJsonObject().get("ranked_users").getAsInt()).isEqualTo(3);
    }

    @Test
    void ranksOrderAscendingAndSemicolonsAndQuotesAreRead() throws IOException {
        // the same lists as ranks, in another order, semicolon-delimited with quoted ids: the same values
        Path recs = write("ranks.csv", "\"user\";\"item\";\"rank\"", "u2;\"i1\";3", "u2;i6;2", "u2;i4;1",
                "u1;i5;3", "u1;i4;2", "u1;i3;1");
        CliRun r = evaluate(recs, "--metrics", "precision@2,recall@2,ndcg@2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject m = r.json().getAsJsonObject("metrics");
        assertThat(m.get("recall@2").getAsDouble()).isCloseTo(5.0 / 18, within(1e-12));
        assertThat(m.get("ndcg@2").getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.json().getAsJsonObject("external").get("order").getAsString()).isEqualTo("rank");
    }

    @Test
    void aPandasStyleTabFileWithByteOrderMarkAndIndexColumnIsRead() throws IOException {
        // DataFrame.to_csv(sep="\t") writes an unnamed index column first; camelCase names as in Spark
        Path recs = folder.resolve("spark.tsv");
        Files.writeString(recs, "\uFEFF\tuserId\titemId\tscore\n0\tu1\ti3\t0.9\n1\tu1\ti4\t0.7\n"
                + "2\tu1\ti5\t0.7\n3\tu2\ti4\t0.9\n4\tu2\ti6\t0.5\n5\tu2\ti1\t1e-1\n", StandardCharsets.UTF_8);
        Path perUser = folder.resolve("users.csv");
        CliRun r = evaluate(recs, "--metrics", "ndcg@2,hit@3", "--json", "--per-user-out", perUser.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().getAsJsonObject("metrics").get("ndcg@2").getAsDouble()).isCloseTo(1.0 / 3,
                within(1e-12));
        List<String> users = Files.readAllLines(perUser, StandardCharsets.UTF_8);
        assertThat(users.get(0)).isEqualTo("fold,user_id,ndcg@2,hit@3");
        assertThat(users).anySatisfy(line -> assertThat(line).startsWith("1,u3,0,0"));
    }

    @Test
    void theRunIsStoredListedAndRepeatedWhileTheFileIsUnchanged() throws IOException {
        Path recs = handList();
        CliRun r = evaluate(recs, "--metrics", "precision@2,ndcg@2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        long id = r.json().get("run").getAsLong();

        CliRun list = CliRun.of("runs", "--db", db(), "--json");
        JsonArray runs = list.json().getAsJsonArray("runs");
        assertThat(runs).anySatisfy(x -> {
            assertThat(x.getAsJsonObject().get("run").getAsLong()).isEqualTo(id);
            assertThat(x.getAsJsonObject().get("algorithm").getAsString()).isEqualTo("external");
        });
        assertThat(CliRun.of("runs", "--db", db()).out()).contains("external");

        CliRun again = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id), "--json");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().get("rerun_of").getAsLong()).isEqualTo(id);
        assertThat(again.json().getAsJsonObject("metrics").get("ndcg@2").getAsDouble())
                .isCloseTo(1.0 / 3, within(1e-12));

        Files.writeString(recs, "u1,i6,0.1\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CliRun changed = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id));
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err()).contains("recs.csv").contains("has changed since");
        Files.delete(recs);
        CliRun gone = CliRun.of("runs", "--db", db(), "--rerun", Long.toString(id));
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).contains("is no longer there");
    }

    @Test
    void anExternalRunComparesWithAnInternalOneOnTheSameTestSet() throws IOException {
        long a = evaluate(handList(), "--metrics", "precision@2,ndcg@2", "--json").json().get("run").getAsLong();
        CliRun internal = CliRun.of("evaluate", "--db", db(), "--dataset", "tiny", "--test-dataset", "tiny-test",
                "--algo", "popular", "--metrics", "precision@2,ndcg@2", "--json");
        assertThat(internal.code()).as(internal.err()).isZero();
        long b = internal.json().get("run").getAsLong();
        CliRun c = CliRun.of("compare", "--db", db(), Long.toString(a), Long.toString(b), "--json");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.json().get("paired").getAsBoolean()).isTrue();
    }

    @Test
    void badRowsAreRefusedWithFileLineAndColumn() throws IOException {
        CliRun score = evaluate(write("a.csv", "user,item,score", "u1,i3,0.9", "u1,i4,high"));
        assertThat(score.code()).isEqualTo(2);
        assertThat(score.err()).contains("a.csv:3:3: score \"high\" is not a finite number");

        CliRun rank = evaluate(write("b.csv", "user,item,rank", "u1,i3,0"));
        assertThat(rank.code()).isEqualTo(2);
        assertThat(rank.err()).contains("b.csv:2:3: rank \"0\" is not a whole number ≥ 1");

        CliRun twice = evaluate(write("c.csv", "user,item,rank", "u1,i3,1", "u1,i4,2", "u1,i3,3"));
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("c.csv:4:2: user u1 is given item i3 twice (first on line 2)");

        CliRun twiceDropped = evaluate(write("c2.csv", "user;item;rank", "u1;i2;1", "x1;i3;1", "u1;i2;2"));
        assertThat(twiceDropped.code()).isEqualTo(2);
        assertThat(twiceDropped.err()).contains("c2.csv:4:2: user u1 is given item i2 twice (first on line 2)");

        CliRun twiceUnknown = evaluate(write("c3.csv", "user,item,rank", "u1,i3,1", "x1,i3,1", "x1,i3,2"));
        assertThat(twiceUnknown.code()).isEqualTo(2);
        assertThat(twiceUnknown.err()).contains("c3.csv:4:2: user x1 is given item i3 twice (first on line 3)");

        CliRun noRank = evaluate(write("d.csv", "user,item,title", "u1,i3,x"));
        assertThat(noRank.code()).isEqualTo(2);
        assertThat(noRank.err()).contains("d.csv:1: the header user,item,title has no rank or score column");

        CliRun fields = evaluate(write("e.csv", "user,item,rank", "u1,i3"));
        assertThat(fields.code()).isEqualTo(2);
        assertThat(fields.err()).contains("e.csv:2: the row has 2 fields; expected 3");

        Path empty = folder.resolve("f.csv");
        Files.writeString(empty, "");
        CliRun none = evaluate(empty);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("f.csv: the file is empty");

        CliRun unknown = evaluate(write("g.csv", "user,item,rank", "x1,i3,1", "u1,x9,1"));
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("g.csv: no row names both a user and an item of dataset tiny "
                + "(1 unknown users, 1 unknown items)");
    }

    @Test
    void ratingMetricsAndSplitsAreRefusedClearly() throws IOException {
        Path recs = handList();
        CliRun rmse = evaluate(recs, "--metrics", "rmse,ndcg@10");
        assertThat(rmse.code()).isEqualTo(2);
        assertThat(rmse.err()).contains("rmse needs predicted ratings");
        CliRun split = CliRun.of("evaluate", "--db", db(), "--dataset", "tiny", "--split", "holdout:0.2",
                "--recommendations", recs.toString());
        assertThat(split.code()).isEqualTo(2);
        assertThat(split.err()).contains("--recommendations needs --test-dataset");
        CliRun both = evaluate(recs, "--algo", "popular");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("either --algo/--model or --recommendations");
        CliRun neither = CliRun.of("evaluate", "--db", db(), "--dataset", "tiny", "--test-dataset", "tiny-test");
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("--algo ID", "--model FILE", "--recommendations FILE.csv");
        CliRun params = evaluate(recs, "-p", "k=10");
        assertThat(params.code()).isEqualTo(2);
        assertThat(params.err()).contains("--recommendations takes none");
    }

    /**
     * Our own {@code recommend --out} file, read back as an external list, measures exactly what {@code evaluate
     * --algo} measures for the same model on the same split: both rank the items the user has not seen in training
     * and cut at N.
     */
    @Test
    void ourOwnRecommendFileMeasuresAsTheModelItself() throws IOException {
        Random random = new Random(7);
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
        Path trainFile = write("gen-train.csv", train.toArray(String[]::new));
        Path testFile = write("gen-test.csv", test.toArray(String[]::new));
        assertThat(CliRun.of("import", "--db", db(), "--name", "gen", "--format", "csv", trainFile.toString())
                .code()).isZero();
        assertThat(CliRun.of("import", "--db", db(), "--name", "gen-test", "--format", "csv", testFile.toString())
                .code()).isZero();
        Path recs = folder.resolve("knn.csv");
        CliRun rec = CliRun.of("recommend", "--db", db(), "--dataset", "gen", "--algo", "item-knn", "-p", "k=10",
                "--users", "all", "--n", "10", "--out", recs.toString());
        assertThat(rec.code()).as(rec.err()).isZero();
        String metrics = "precision@10,recall@10,ndcg@10,map@10,mrr@5,hit@5,novelty@10";
        CliRun internal = CliRun.of("evaluate", "--db", db(), "--dataset", "gen", "--test-dataset", "gen-test",
                "--algo", "item-knn", "-p", "k=10", "--metrics", metrics, "--json");
        assertThat(internal.code()).as(internal.err()).isZero();
        CliRun external = CliRun.of("evaluate", "--db", db(), "--dataset", "gen", "--test-dataset", "gen-test",
                "--recommendations", recs.toString(), "--metrics", metrics, "--json");
        assertThat(external.code()).as(external.err()).isZero();
        assertThat(external.json().getAsJsonObject("external").get("training_items_dropped").getAsInt()).isZero();
        JsonObject a = internal.json().getAsJsonObject("metrics");
        JsonObject b = external.json().getAsJsonObject("metrics");
        for (String key : metrics.split(",")) {
            assertThat(b.get(key).getAsDouble()).as(key).isCloseTo(a.get(key).getAsDouble(), within(1e-12));
        }
        assertThat(external.json().getAsJsonObject("intervals").toString())
                .isEqualTo(internal.json().getAsJsonObject("intervals").toString());
        assertThat(a.get("ndcg@10").getAsDouble()).isPositive();
    }
}
