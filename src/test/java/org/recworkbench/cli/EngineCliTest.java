package org.recworkbench.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** recommend, explain and similarity on the 4 × 4 matrix whose values AlgorithmsByHandTest derives by hand. */
class EngineCliTest {

    @TempDir
    Path folder;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return folder.resolve("db").toString();
    }

    @BeforeEach
    void importFourByFour() throws IOException {
        Path ratings = folder.resolve("ratings.csv");
        Files.writeString(ratings, String.join("\n", "u1,i1,5", "u1,i2,3", "u1,i3,4", "u2,i1,3", "u2,i2,1",
                "u2,i4,3", "u3,i1,4", "u3,i2,3", "u3,i3,4", "u3,i4,3", "u4,i2,5", "u4,i3,1", "u4,i4,2",
                "+evil,i5,1", ""), StandardCharsets.UTF_8);
        CliRun r = run("import", "--db", db(), "--name", "four", "--format", "csv", ratings.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void recommendWritesRankedUnseenItemsWithParamsAndExplanations() throws IOException {
        Path out = folder.resolve("recs.csv");
        CliRun r = run("recommend", "--db", db(), "--dataset", "four", "--algo", "item-knn", "-p", "k=2",
                "--users", "u1,u4", "--n", "5", "--explain", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("user_id,rank,item_id,item_title,score,predicted_rating,algorithm,params,"
                + "explanation");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("u1,1,i4,,").contains(",item-knn,k=2;similarity=cosine;shrinkage=0;"
                + "min-overlap=1;normalise=mean-centre");
        // u4's only unseen item is i1; its score Σ s·r over i3 and i2 is 4.084269480385352 = 0.886·1 + 0.640·5,
        // its mean-centred prediction 3.6766984611091384; the reason is i2 (+3.20, rated 5), not the more similar
        // i3 (+0.89, rated 1)
        assertThat(lines.get(2)).startsWith("u4,1,i1,,4.08426").contains(",3.67669")
                .contains(",\"similar to i2: you rated it 5, s = 0.64 (+3.2); similar to i3: you rated it 1, s = 0.89 "
                        + "(+0.89)\"");
        assertThat(Files.list(folder).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void recommendNeutralisesIdsThatASpreadsheetWouldRun() {
        CliRun r = run("recommend", "--db", db(), "--dataset", "four", "--algo", "popular", "--users", "+evil",
                "--n", "1", "--out", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\r\n'+evil,1,i2,,4,,popular,\r\n");
    }

    @Test
    void recommendCanIncludeSeenItemsAndRefusesAnUnknownCategory() {
        CliRun seen = run("recommend", "--db", db(), "--dataset", "four", "--algo", "popular", "--users", "+evil",
                "--n", "5", "--include-seen", "--out", "-");
        assertThat(seen.code()).as(seen.err()).isZero();
        // +evil's only item is i5: a seen item, listed only when seen items are included
        assertThat(seen.out()).contains(",i5,");
        CliRun unseen = run("recommend", "--db", db(), "--dataset", "four", "--algo", "popular", "--users", "+evil",
                "--n", "5", "--out", "-");
        assertThat(unseen.out()).doesNotContain(",i5,").contains(",i2,");
        CliRun unknown = run("recommend", "--db", db(), "--dataset", "four", "--algo", "popular", "--category",
                "Garden", "--out", "-");
        assertThat(unknown.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(unknown.err()).contains("no item of four has the category \"Garden\"");
    }

    @Test
    void explainJsonCarriesScorePredictionContributionsAndSteps() {
        CliRun r = run("explain", "--db", db(), "--dataset", "four", "--algo", "item-knn", "-p", "k=2",
                "--user", "u4", "--item", "i1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject json = r.json();
        assertThat(json.get("user").getAsString()).isEqualTo("u4");
        assertThat(json.get("algorithm").getAsString()).isEqualTo("item-knn");
        assertThat(json.getAsJsonObject("params").get("k").getAsInt()).isEqualTo(2);
        assertThat(json.get("prediction").getAsDouble()).isCloseTo(3.6766984611091384, within(1e-6));
        JsonArray contributions = json.getAsJsonArray("contributions");
        // largest contribution first: i2 (s 0.640 · rating 5) before the more similar i3 (0.886 · 1)
        assertThat(contributions.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo("i2");
        JsonArray steps = json.getAsJsonArray("steps");
        JsonObject last = steps.get(steps.size() - 1).getAsJsonObject();
        assertThat(last.get("title").getAsString()).isEqualTo("Prediction");
        assertThat(last.get("latex").getAsString()).contains("\\frac");
        assertThat(last.get("value").getAsDouble()).isEqualTo(json.get("prediction").getAsDouble());
    }

    @Test
    void explainTextPrintsEveryStep() {
        CliRun r = run("explain", "--db", db(), "--dataset", "four", "--algo", "bias", "--user", "u1", "--item",
                "i4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Global mean", "Item bias of i4", "User bias of u1", "Baseline");
    }

    @Test
    void similarityPairJsonGivesValueOverlapAndDerivation() {
        CliRun r = run("similarity", "--db", db(), "--dataset", "four", "--of", "users", "--measure", "cosine",
                "--pair", "u1,u2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject json = r.json();
        assertThat(json.get("a").getAsString()).isEqualTo("u1");
        assertThat(json.get("measure").getAsString()).isEqualTo("cosine");
        assertThat(json.get("similarity").getAsDouble()).isCloseTo(0.5839971160707451, within(1e-9));
        assertThat(json.get("overlap").getAsInt()).isEqualTo(2);
        assertThat(json.getAsJsonArray("steps")).hasSizeGreaterThan(4);
    }

    @Test
    void similarityTopKCsvListsNeighboursBestFirst() throws IOException {
        Path out = folder.resolve("sims.csv");
        CliRun r = run("similarity", "--db", db(), "--dataset", "four", "--of", "items", "--k", "2",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("row_id,neighbour_id,similarity,overlap");
        assertThat(lines).filteredOn(l -> l.startsWith("i1,")).hasSize(2).first().asString().startsWith("i1,i3,");
    }

    @Test
    void algorithmsListsEveryRegisteredAlgorithmWithItsParameters() {
        CliRun r = run("algorithms", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonArray algorithms = r.json().getAsJsonArray("algorithms");
        assertThat(algorithms).hasSize(org.recworkbench.algo.AlgorithmRegistry.all().size());
        int at = org.recworkbench.algo.AlgorithmRegistry.all().indexOf(org.recworkbench.algo.AlgorithmRegistry
                .require("item-knn"));
        JsonObject knn = algorithms.get(at).getAsJsonObject();
        assertThat(knn.get("id").getAsString()).isEqualTo("item-knn");
        JsonObject k = knn.getAsJsonArray("params").get(0).getAsJsonObject();
        assertThat(k.get("name").getAsString()).isEqualTo("k");
        assertThat(k.get("max").getAsDouble()).isEqualTo(100);
        assertThat(k.get("rescoreOnly").getAsBoolean()).isTrue();
        assertThat(run("algorithms").out()).contains("implicit-als", "-p alpha=3.0");
    }

    @Test
    void badParametersAndUnknownIdsExitWithTwoAndOneLine() {
        CliRun k = run("recommend", "--db", db(), "--dataset", "four", "--algo", "user-knn", "-p", "k=0",
                "--out", "-");
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err().strip()).isEqualTo("error: user-knn: k must be an integer in [1, 100]; got 0");
        CliRun name = run("recommend", "--db", db(), "--dataset", "four", "--algo", "user-knn", "-p", "kk=3",
                "--out", "-");
        assertThat(name.err()).contains("Unknown parameter \"kk\"; expected one of k, similarity, shrinkage");
        CliRun user = run("explain", "--db", db(), "--dataset", "four", "--algo", "popular", "--user", "nobody",
                "--item", "i1");
        assertThat(user.code()).isEqualTo(2);
        assertThat(user.err().strip()).isEqualTo("error: User \"nobody\" is not in dataset four");
        CliRun algo = run("explain", "--db", db(), "--dataset", "four", "--algo", "magic", "--user", "u1",
                "--item", "i1");
        assertThat(algo.err()).contains("Unknown algorithm \"magic\"; expected one of popular");
    }

    @Test
    void serveRefusesABadPortOrAnUnknownDatasetBeforeListening() {
        CliRun port = run("serve", "--db", db(), "--dataset", "four", "--algo", "item-knn", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err().strip()).isEqualTo("error: --port must be between 0 and 65535; got 70000");
        CliRun dataset = run("serve", "--db", db(), "--dataset", "nine", "--algo", "item-knn", "--port", "0");
        assertThat(dataset.code()).isEqualTo(2);
        assertThat(dataset.err()).contains("No dataset named \"nine\"");
        CliRun help = run("serve", "--help");
        assertThat(help.out()).contains("127.0.0.1").contains("/recommend").contains("/events").contains("/health")
                .contains("--token").contains("--max-value");
        CliRun max = run("serve", "--db", db(), "--dataset", "four", "--algo", "item-knn", "--max-value", "0");
        assertThat(max.code()).isEqualTo(2);
        assertThat(max.err()).contains("--max-value must be a positive number");
        CliRun token = run("serve", "--db", db(), "--dataset", "four", "--algo", "item-knn", "--token", " ");
        assertThat(token.code()).isEqualTo(2);
        assertThat(token.err()).contains("--token must not be blank");
    }

    @Test
    void serveGeneratesA128BitTokenForTokenAuto() {
        String a = ServeCommand.generatedToken();
        assertThat(a).matches("[0-9a-f]{32}").isNotEqualTo(ServeCommand.generatedToken());
    }

    @Test
    void replayPrintsThePrequentialHitRateAndLatencies() {
        CliRun r = run("replay", "--db", db(), "--dataset", "four", "--algo", "popular", "--train-fraction", "0.5",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        var o = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(o.get("algorithm").getAsString()).isEqualTo("popular");
        assertThat(o.get("order").getAsString()).isEqualTo("file");
        assertThat(o.get("trainEvents").getAsInt() + o.get("replayed").getAsInt() + o.get("skipped").getAsInt())
                .isEqualTo(14);
        assertThat(o.get("hitRate").getAsDouble()).isBetween(0.0, 1.0);
        // measured latencies are reported, not bounded: the default build asserts nothing about the clock
        assertThat(o.getAsJsonObject("latencyMillis").get("p99").getAsDouble()).isNotNegative();
        CliRun text = run("replay", "--db", db(), "--dataset", "four", "--algo", "popular");
        assertThat(text.out()).contains("prequential hit rate@10").contains("update latency: p50");
        CliRun bad = run("replay", "--db", db(), "--dataset", "four", "--algo", "popular", "--train-fraction", "1.5");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("between 0 and 1");
    }

    @Test
    void replayKeepsItemKnnCurrentIncrementallyAndTakesLiveOptions() {
        CliRun r = run("replay", "--db", db(), "--dataset", "four", "--algo", "item-knn", "--half-life", "12h",
                "--session-weight", "0.5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        var o = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(o.get("method").getAsString()).isEqualTo("incremental item-kNN");
        CliRun bad = run("replay", "--db", db(), "--dataset", "four", "--algo", "item-knn", "--half-life", "soon");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--half-life expects a duration");
        assertThat(LiveOptions.seconds("7d")).isEqualTo(604800);
        assertThat(LiveOptions.seconds("30m")).isEqualTo(1800);
        assertThat(LiveOptions.seconds("90")).isEqualTo(90);
    }
}
