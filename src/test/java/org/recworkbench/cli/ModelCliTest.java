package org.recworkbench.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** model save, info and export-factors, and --model on recommend and explain. */
class ModelCliTest {

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("db").toString();
    }

    @BeforeEach
    void importTwoDatasets() throws IOException {
        Path ratings = folder.resolve("ratings.csv");
        Files.writeString(ratings, String.join("\n", "u1,i1,5", "u1,i2,3", "u1,i3,4", "u2,i1,3", "u2,i2,1",
                "u2,i4,3", "u3,i1,4", "u3,i2,3", "u3,i3,4", "u3,i4,3", "u4,i2,5", "u4,i3,1", "u4,i4,2", ""),
                StandardCharsets.UTF_8);
        CliRun r = CliRun.of("import", "--db", db(), "--name", "four", "--format", "csv", ratings.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path changed = folder.resolve("changed.csv");
        Files.writeString(changed, Files.readString(ratings).replace("u4,i4,2", "u4,i4,3"), StandardCharsets.UTF_8);
        r = CliRun.of("import", "--db", db(), "--name", "changed", "--format", "csv", changed.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private Path save(String algo, String... params) {
        Path file = folder.resolve(algo + ".rwbm");
        List<String> args = new java.util.ArrayList<>(List.of("model", "save", "--db", db(), "--dataset", "four",
                "--algo", algo, "--out", file.toString()));
        for (String p : params) {
            args.add("-p");
            args.add(p);
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("wrote " + file);
        return file;
    }

    @Test
    void recommendWithASavedModelWritesTheSameListAsFittingAgain() {
        Path file = save("biased-mf", "factors=3");
        CliRun fitted = CliRun.of("recommend", "--db", db(), "--dataset", "four", "--algo", "biased-mf", "-p",
                "factors=3", "--n", "3", "--out", "-");
        CliRun loaded = CliRun.of("recommend", "--db", db(), "--dataset", "four", "--model", file.toString(), "--n",
                "3", "--out", "-");
        assertThat(loaded.code()).as(loaded.err()).isZero();
        assertThat(loaded.out()).isEqualTo(fitted.out()).contains(",biased-mf,");
    }

    @Test
    void explainWithASavedModelPrintsTheSameDerivation() {
        Path file = save("item-knn", "k=2");
        CliRun fitted = CliRun.of("explain", "--db", db(), "--dataset", "four", "--algo", "item-knn", "-p", "k=2",
                "--user", "u4", "--item", "i1", "--json");
        CliRun loaded = CliRun.of("explain", "--db", db(), "--dataset", "four", "--model", file.toString(),
                "--user", "u4", "--item", "i1", "--json");
        assertThat(loaded.code()).as(loaded.err()).isZero();
        assertThat(loaded.json()).isEqualTo(fitted.json());
    }

    @Test
    void evaluateWithASavedModelMeasuresItOnTheTestDatasetWithoutRefit() throws IOException {
        Path test = folder.resolve("test.csv");
        Files.writeString(test, String.join("\n", "u1,i4,4", "u2,i3,2", "u4,i1,4", ""), StandardCharsets.UTF_8);
        CliRun imported = CliRun.of("import", "--db", db(), "--name", "held", "--format", "csv", test.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        Path file = save("biased-mf", "factors=2");
        CliRun fitted = CliRun.of("evaluate", "--db", db(), "--dataset", "four", "--algo", "biased-mf", "-p",
                "factors=2", "--test-dataset", "held", "--metrics", "rmse,mae", "--no-save", "--json");
        CliRun loaded = CliRun.of("evaluate", "--db", db(), "--dataset", "four", "--model", file.toString(),
                "--test-dataset", "held", "--metrics", "rmse,mae", "--no-save", "--json");
        assertThat(loaded.code()).as(loaded.err()).isZero();
        assertThat(loaded.json().get("metrics")).isEqualTo(fitted.json().get("metrics"));
        assertThat(loaded.json().get("algorithm").getAsString()).isEqualTo("biased-mf");
        CliRun split = CliRun.of("evaluate", "--db", db(), "--dataset", "four", "--model", file.toString(),
                "--split", "holdout:0.2");
        assertThat(split.code()).isEqualTo(2);
        assertThat(split.err()).contains("evaluate --model needs --test-dataset NAME");
    }

    @Test
    void infoPrintsTheHeaderAndStateArrays() {
        Path file = save("als", "factors=2");
        CliRun r = CliRun.of("model", "info", "--model", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("format-version=1\n", "algorithm=als\n", "dataset=four\n", "users=4\n",
                "items=4\n", "content=state\n", "param.factors=2\n", "state.user-factors=double[8]\n",
                "state.item-factors=double[8]\n");
        CliRun json = CliRun.of("model", "info", "--model", file.toString(), "--json");
        assertThat(json.json().getAsJsonObject("header").get("algorithm").getAsString()).isEqualTo("als");
    }

    @Test
    void aModelOfAnotherDatasetIsRefusedWithExitCodeTwoAndOneLine() {
        Path file = save("als");
        CliRun r = CliRun.of("recommend", "--db", db(), "--dataset", "changed", "--model", file.toString(), "--out",
                "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: als.rwbm was fitted on dataset four (checksum ")
                .contains(", not on changed (checksum ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void modelAndAlgoTogetherAreRefused() {
        Path file = save("popular");
        CliRun r = CliRun.of("recommend", "--db", db(), "--dataset", "four", "--model", file.toString(), "--algo",
                "popular", "--out", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("give --model or --algo/-p, not both");
        CliRun none = CliRun.of("recommend", "--db", db(), "--dataset", "four", "--out", "-");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("Missing --algo ID (or --model FILE)");
    }

    @Test
    void exportFactorsWritesUsersAndItemsWithExternalIds() throws IOException {
        Path file = save("als", "factors=2");
        Path out = folder.resolve("factors");
        CliRun r = CliRun.of("model", "export-factors", "--db", db(), "--dataset", "four", "--model",
                file.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> users = Files.readAllLines(out.resolve("users.csv"));
        List<String> items = Files.readAllLines(out.resolve("items.csv"));
        assertThat(users.get(0)).isEqualTo("user_id,f1,f2");
        assertThat(users).hasSize(5);
        assertThat(users.get(1)).matches("u1,-?[0-9.E-]+,-?[0-9.E-]+");
        assertThat(items.get(0)).isEqualTo("item_id,f1,f2");
        assertThat(items.get(4)).startsWith("i4,");
    }

    @Test
    void exportFactorsRefusesAModelWithoutFactors() {
        Path file = save("item-knn");
        CliRun r = CliRun.of("model", "export-factors", "--db", db(), "--dataset", "four", "--model",
                file.toString(), "--out", folder.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: item-knn.rwbm holds an item-knn model, which has no user and item"
                + " factors");
        assertThat(Files.exists(folder.resolve("x"))).isFalse();
    }

    @Test
    void aDamagedFileIsRefusedWithExitCodeTwo() throws IOException {
        Path file = save("bpr");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        CliRun r = CliRun.of("model", "info", "--model", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: bpr.rwbm is truncated or damaged (its CRC32 does not match)\n");
    }
}
