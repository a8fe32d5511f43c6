package org.recworkbench.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.store.Fixtures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract of DESIGN.md: output shapes, exit codes, one-line errors. */
class CliTest {

    @TempDir
    Path folder;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return folder.resolve("db").toString();
    }

    @Test
    void generateThenImportThenListThenProfile() {
        Path shop = folder.resolve("shop");
        CliRun generated = run("generate", "--out", shop.toString(), "--users", "60", "--items", "40",
                "--density", "0.1", "--seed", "3", "--json");
        assertThat(generated.code()).isZero();
        long written = generated.json().get("interactions").getAsLong();

        CliRun imported = run("import", "--db", db(), "--name", "shop", "--format", "csv", "--header",
                "--items", shop.resolve("items.csv").toString(), "--json", shop.resolve("ratings.csv").toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonObject summary = imported.json();
        assertThat(summary.get("dataset").getAsString()).isEqualTo("shop");
        assertThat(summary.get("interactions").getAsLong()).isEqualTo(written);
        assertThat(summary.get("users").getAsInt()).isEqualTo(60);
        assertThat(summary.get("items").getAsInt()).isEqualTo(40);
        assertThat(summary.get("skipped").getAsLong()).isZero();
        assertThat(summary.get("duplicates").getAsLong()).isZero();

        CliRun listed = run("datasets", "--db", db(), "--json");
        JsonObject first = listed.json().getAsJsonArray("datasets").get(0).getAsJsonObject();
        assertThat(first.get("name").getAsString()).isEqualTo("shop");
        assertThat(first.get("kind").getAsString()).isEqualTo("explicit");
        assertThat(first.get("interactions").getAsLong()).isEqualTo(written);

        CliRun profile = run("profile", "--db", db(), "--dataset", "shop", "--json");
        assertThat(profile.json().get("users").getAsInt()).isEqualTo(60);
        assertThat(profile.json().getAsJsonArray("ratingHistogram")).hasSize(5);

        CliRun text = run("profile", "--db", db(), "--dataset", "shop");
        assertThat(text.out()).contains("Interactions per user", "Top 10% of items hold", "Cold users (< 5)");
    }

    @Test
    void importTextSummaryListsSkippedReasons() {
        CliRun r = run("import", "--db", db(), "--name", "ml", "--format", "movielens-100k",
                Fixtures.path("ml100k-tiny/u.data").toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Imported \"ml\" (movielens-100k, explicit): 5 interactions, 3 users, 4 items")
                .contains("duplicate pairs merged 1");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badFileContentExitsWithTwoAndOneLocatedLine() throws Exception {
        Path file = java.nio.file.Files.writeString(folder.resolve("bad.csv"), "u1,i1,4\nu2,i1,4,5\n");
        CliRun r = run("import", "--db", db(), "--name", "bad", "--format", "csv", file.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "error: bad.csv:2: expected 3 fields separated by \",\" (user,item,rating), found 4");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFileUnknownFormatAndUnknownDatasetAreBadInput() {
        CliRun missing = run("import", "--db", db(), "--name", "x", "--format", "csv", folder.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv: file not found");

        CliRun format = run("import", "--db", db(), "--name", "x", "--format", "excel", "f.csv");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("Unknown format \"excel\"").contains("movielens-100k");

        CliRun dataset = run("profile", "--db", db(), "--dataset", "ghost");
        assertThat(dataset.code()).isEqualTo(2);
        assertThat(dataset.err()).contains("No dataset named \"ghost\"");
        assertThat(dataset.err()).doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun r = run("import", "--db", db());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required");
    }

    @Test
    void invalidGeneratorParametersExitWithTwo() {
        CliRun r = run("generate", "--out", folder.resolve("g").toString(), "--users", "10", "--items", "10",
                "--density", "2");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: Invalid density: 2.0 (expected a value in (0, 1])");
    }
}
