package org.recworkbench.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * evaluate, sweep, runs and compare on a real workspace. The 4 × 4 training matrix has 14 ratings summing to 42, so
 * global-mean predicts μ = 3 everywhere; the test dataset's two known entries (u1,i4,4) and (u4,i1,2) give errors −1
 * and +1: RMSE = MAE = 1. Its entries for the unknown user u9 and item i9 cannot be mapped and are reported.
 */
class EvaluationCliTest {

    @TempDir
    Path folder;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return folder.resolve("db").toString();
    }

    @BeforeEach
    void importTrainAndTest() throws IOException {
        Path ratings = folder.resolve("ratings.csv");
        Files.writeString(ratings, String.join("\n", "u1,i1,5", "u1,i2,3", "u1,i3,4", "u2,i1,3", "u2,i2,1",
                "u2,i4,3", "u3,i1,4", "u3,i2,3", "u3,i3,4", "u3,i4,3", "u4,i2,5", "u4,i3,1", "u4,i4,2",
                "=evil,i5,1", ""), StandardCharsets.UTF_8);
        Path test = folder.resolve("test.csv");
        Files.writeString(test, String.join("\n", "u1,i4,4", "u4,i1,2", "u9,i1,5", "u2,i9,4", ""),
                StandardCharsets.UTF_8);
        assertThat(run("import", "--db", db(), "--name", "four", "--format", "csv", ratings.toString()).code())
                .isZero();
        assertThat(run("import", "--db", db(), "--name", "four-test", "--format", "csv", test.toString()).code())
                .isZero();
    }

    @Test
    void evaluateOnAGivenTestDatasetMatchesTheHandComputedErrorsAndIsRecorded() throws IOException {
        Path results = folder.resolve("results.csv");
        Path perUser = folder.resolve("users.csv");
        CliRun r = run("evaluate", "--db", db(), "--dataset", "four", "--algo", "global-mean", "--test-dataset",
                "four-test", "--metrics", "rmse,mae,coverage", "--json", "--out", results.toString(),
                "--per-user-out", perUser.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject json = r.json();
        assertThat(json.get("dataset").getAsString()).isEqualTo("four");
        assertThat(json.get("algorithm").getAsString()).isEqualTo("global-mean");
        assertThat(json.get("split").getAsString()).isEqualTo("test-dataset:four-test");
        JsonObject metrics = json.getAsJsonObject("metrics");
        assertThat(metrics.get("rmse").getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.get("mae").getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.get("coverage").getAsDouble()).isEqualTo(1.0);
        JsonObject fold = json.getAsJsonArray("folds").get(0).getAsJsonObject();
        assertThat(fold.get("test").getAsInt()).isEqualTo(2);
        assertThat(fold.get("dropped_test_entries").getAsInt()).isEqualTo(2);
        long id = json.get("run").getAsLong();
        assertThat(id).isPositive();

        List<String> csv = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("run,dataset,algorithm,params,split,seed,scope,metric,value,low,high,n");
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith(id + ",four,global-mean,,"
                + "test-dataset:four-test,42,all,rmse,1,"));
        // u1's only error is −1 and u4's +1: per-user RMSE 1 each, in user order
        List<String> users = Files.readAllLines(perUser, StandardCharsets.UTF_8);
        assertThat(users.get(0)).isEqualTo("fold,user_id,rmse,mae,coverage");
        assertThat(users.subList(1, users.size())).containsExactly("1,u1,1,1,1", "1,u4,1,1,1");

        CliRun again = run("runs", "--db", db(), "--rerun", Long.toString(id), "--json");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().get("rerun_of").getAsLong()).isEqualTo(id);
        assertThat(again.json().get("same_dataset").getAsBoolean()).isTrue();
        assertThat(again.json().getAsJsonObject("metrics")).isEqualTo(metrics);

        CliRun runs = run("runs", "--db", db(), "--json");
        assertThat(runs.code()).as(runs.err()).isZero();
        JsonArray list = runs.json().getAsJsonArray("runs");
        assertThat(list).hasSize(2);
        assertThat(list.get(1).getAsJsonObject().getAsJsonObject("metrics").get("rmse").getAsDouble())
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSweepWithValidationChoosesOnItAndReportsTheChoiceOnTheTest() {
        Path shop = folder.resolve("shop");
        assertThat(run("generate", "--out", shop.toString(), "--users", "60", "--items", "40", "--density", "0.3",
                "--seed", "3").code()).isZero();
        assertThat(run("import", "--db", db(), "--name", "shop", "--format", "csv", "--header",
                shop.resolve("ratings.csv").toString()).code()).isZero();
        CliRun r = run("sweep", "--db", db(), "--dataset", "shop", "--algo", "item-knn", "-p", "k=2,8,32",
                "--metrics", "rmse", "--validation", "0.1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("split").getAsString()).isEqualTo("holdout:0.2/validation:0.1");
        JsonArray points = r.json().getAsJsonArray("points");
        double best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (var p : points) {
            double rmse = p.getAsJsonObject().getAsJsonObject("metrics").get("rmse").getAsDouble();
            if (rmse < best) {
                best = rmse;
                bestK = p.getAsJsonObject().getAsJsonObject("params").get("k").getAsInt();
            }
        }
        JsonObject chosen = r.json().getAsJsonObject("chosen");
        assertThat(chosen.get("on").getAsString()).isEqualTo("validation");
        assertThat(chosen.getAsJsonObject("params").get("k").getAsInt()).isEqualTo(bestK);
        double test = chosen.getAsJsonObject("test").get("rmse").getAsDouble();
        CliRun direct = run("evaluate", "--db", db(), "--dataset", "shop", "--algo", "item-knn", "-p", "k=" + bestK,
                "--metrics", "rmse", "--json", "--no-save");
        assertThat(direct.json().getAsJsonObject("metrics").get("rmse").getAsDouble()).isEqualTo(test);
        // the history tells validation points from the reported test run
        JsonArray runs = run("runs", "--db", db(), "--json").json().getAsJsonArray("runs");
        assertThat(runs).anySatisfy(x -> assertThat(x.getAsJsonObject().get("split").getAsString())
                .isEqualTo("holdout:0.2"));
        assertThat(runs).filteredOn(x -> x.getAsJsonObject().get("split").getAsString().endsWith("/validation:0.1"))
                .hasSize(3);

        // a random search over three parameters, within a budget, chosen on validation too
        CliRun random = run("sweep", "--db", db(), "--dataset", "shop", "--algo", "item-knn", "-p", "k=2,8,32",
                "-p", "shrinkage=0,10", "-p", "similarity=cosine,pearson", "--search", "random:5", "--metrics",
                "rmse", "--validation", "0.1", "--json", "--no-save");
        assertThat(random.code()).as(random.err()).isZero();
        assertThat(random.json().get("search").getAsString()).isEqualTo("random:5");
        assertThat(random.json().getAsJsonArray("points")).hasSize(5);
        assertThat(random.json().getAsJsonObject("chosen").getAsJsonObject("params").keySet())
                .containsExactly("k", "shrinkage", "similarity");
        assertThat(run("sweep", "--db", db(), "--dataset", "shop", "--algo", "item-knn", "-p", "k=2,8",
                "--search", "random:0").err()).contains("random:N");
    }

    @Test
    void sweepStreamsOnePointPerValueAndCompareTestsTwoRunsOnTheSameSplit() {
        CliRun r = run("sweep", "--db", db(), "--dataset", "four", "--algo", "item-knn", "-p", "k=1,2,3",
                "--split", "leave-one-out", "--metrics", "rmse,mae", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonArray points = r.json().getAsJsonArray("points");
        assertThat(points).hasSize(3);
        assertThat(points.get(0).getAsJsonObject().getAsJsonObject("params").get("k").getAsInt()).isEqualTo(1);
        assertThat(points.get(2).getAsJsonObject().getAsJsonObject("params").get("k").getAsInt()).isEqualTo(3);
        long first = points.get(0).getAsJsonObject().get("run").getAsLong();
        long last = points.get(2).getAsJsonObject().get("run").getAsLong();

        CliRun c = run("compare", "--db", db(), Long.toString(first), Long.toString(last), "--json");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.json().get("paired").getAsBoolean()).isTrue();
        JsonObject rmse = c.json().getAsJsonArray("metrics").get(0).getAsJsonObject();
        assertThat(rmse.get("metric").getAsString()).isEqualTo("rmse");
        assertThat(rmse.get("difference").getAsDouble()).isCloseTo(
                rmse.get("b").getAsDouble() - rmse.get("a").getAsDouble(), within(1e-12));

        CliRun deleted = run("runs", "--db", db(), "--delete", Long.toString(first));
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(run("runs", "--db", db(), "--json").json().getAsJsonArray("runs")).hasSize(2);
        assertThat(run("compare", "--db", db(), Long.toString(first), Long.toString(last)).code())
                .isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : List.of("evaluate", "sweep", "runs", "compare", "import", "generate", "algorithms",
                "recommend")) {
            CliRun help = run(command, "--help");
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: recworkbench " + command);
        }
    }

    @Test
    void badSplitsMetricsAndSweepsAreInputErrorsWithReadableMessages() {
        CliRun split = run("evaluate", "--db", db(), "--dataset", "four", "--algo", "popular", "--split", "kfold:1");
        assertThat(split.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(split.err()).contains("kfold needs 2 to 100 folds").doesNotContain("Exception");
        CliRun temporal = run("evaluate", "--db", db(), "--dataset", "four", "--algo", "popular", "--split",
                "temporal:0.2");
        assertThat(temporal.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(temporal.err()).contains("need timestamps");
        CliRun metric = run("evaluate", "--db", db(), "--dataset", "four", "--algo", "popular", "--metrics",
                "precision");
        assertThat(metric.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(metric.err()).contains("precision needs a cut-off, e.g. precision@10");
        CliRun noAxis = run("sweep", "--db", db(), "--dataset", "four", "--algo", "item-knn", "-p", "k=3");
        assertThat(noAxis.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noAxis.err()).contains("sweep needs at least one axis");
        CliRun range = run("sweep", "--db", db(), "--dataset", "four", "--algo", "item-knn", "-p", "k=1..3");
        assertThat(range.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(range.err()).contains("a range needs a point count");
    }
}
