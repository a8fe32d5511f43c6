package org.recworkbench.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.eval.DatasetChecksum;
import org.recworkbench.eval.Fold;
import org.recworkbench.eval.Splitters;
import org.recworkbench.store.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * export on a real workspace: files read back through our importer (csv, surprise, spark) or a small parser (mm),
 * and the parts of a split equal to the folds evaluate uses with the same spec and seed.
 */
class ExportCliTest {

    /** One interaction by external ids. */
    record Row(String user, String item, float value, int time) {
    }

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("db").toString();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** 6 users × 6 items, 24 ratings (one of them 3.5) with distinct timestamps. */
    @BeforeEach
    void importRatings() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int u = 1; u <= 6; u++) {
            for (int i = 1; i <= 6; i++) {
                if ((u + 2 * i) % 3 != 0) {
                    String rating = u == 2 && i == 2 ? "3.5" : Integer.toString((u + i) % 5 + 1);
                    csv.append("u").append(u).append(",i").append(i).append(',').append(rating).append(',')
                            .append(1_000_000 + 100 * u + i).append('\n');
                }
            }
        }
        Path ratings = folder.resolve("ratings.csv");
        Files.writeString(ratings, csv, StandardCharsets.UTF_8);
        CliRun r = run("import", "--db", db(), "--name", "six", "--format", "csv", ratings.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private Dataset load(String name) {
        try (Workspace workspace = Workspace.open(Path.of(db()))) {
            return workspace.datasets().load(name);
        }
    }

    private static Set<Row> rows(Dataset data, RatingMatrix part) {
        Set<Row> set = new HashSet<>();
        for (int u = 0; u < part.userCount(); u++) {
            for (int p = part.rowStart(u), end = p + part.rowLength(u); p < end; p++) {
                set.add(new Row(data.users().id(u), data.items().id(part.rowItem(p)), part.rowValue(p),
                        part.rowTimestamp(p)));
            }
        }
        return set;
    }

    /** Rows of a csv or surprise file (user,item,rating,timestamp; ids without quotes here). */
    private static Set<Row> readCsv(Path file, boolean header) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<Row> set = new HashSet<>();
        for (String line : header ? lines.subList(1, lines.size()) : lines) {
            String[] f = line.split(",", -1);
            set.add(new Row(f[0], f[1], Float.parseFloat(f[2]), Integer.parseInt(f[3])));
        }
        assertThat(set).hasSize(lines.size() - (header ? 1 : 0));
        return set;
    }

    private static Map<String, String> mapping(Path file) throws IOException {
        Map<String, String> map = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 2);
            map.put(f[0], f[1]);
        }
        return map;
    }

    @Test
    void csvExportReadsBackThroughTheImporterAsTheSameDataset() throws IOException {
        Path out = folder.resolve("six.csv");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "csv", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("user,item,rating,timestamp");

        CliRun back = run("import", "--db", db(), "--name", "again", "--format", "csv", "--header", out.toString());
        assertThat(back.code()).as(back.err()).isZero();

        Dataset original = load("six");
        Dataset again = load("again");
        assertThat(rows(again, again.ratings())).isEqualTo(rows(original, original.ratings()));
        assertThat(DatasetChecksum.of(again)).isEqualTo(DatasetChecksum.of(original));
    }

    @Test
    void surpriseExportHasNoHeaderAndReadsBackAsTheSameRows() throws IOException {
        Path out = folder.resolve("six.surprise.csv");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "surprise", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("line_format='user item rating timestamp', sep=',', rating_scale=(1, 5)");

        CliRun back = run("import", "--db", db(), "--name", "again", "--format", "csv", out.toString());
        assertThat(back.code()).as(back.err()).isZero();
        Dataset original = load("six");
        Dataset again = load("again");
        assertThat(rows(again, again.ratings())).isEqualTo(rows(original, original.ratings()));
    }

    @Test
    void sparkExportMapsIntegerIdsBackToTheExternalOnes() throws IOException {
        Path out = folder.resolve("spark");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "spark", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("ratings.csv")).get(0)).isEqualTo("userId,itemId,rating,timestamp");

        Map<String, String> users = mapping(out.resolve("users.csv"));
        Map<String, String> items = mapping(out.resolve("items.csv"));
        Set<Row> mapped = new HashSet<>();
        for (Row row : readCsv(out.resolve("ratings.csv"), true)) {
            mapped.add(new Row(users.get(row.user()), items.get(row.item()), row.value(), row.time()));
        }
        Dataset original = load("six");
        assertThat(mapped).isEqualTo(rows(original, original.ratings()));
    }

    @Test
    void matrixMarketExportParsesBackToTheSameMatrix() throws IOException {
        Path out = folder.resolve("mm");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "mm", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Dataset original = load("six");

        List<String> lines = Files.readAllLines(out.resolve("ratings.mtx"));
        assertThat(lines.get(0)).isEqualTo("%%MatrixMarket matrix coordinate real general");
        assertThat(lines.get(1)).isEqualTo("% dataset six, ratings");
        assertThat(lines.get(2)).isEqualTo("6 6 24");
        Map<String, String> users = mapping(out.resolve("users.csv"));
        Map<String, String> items = mapping(out.resolve("items.csv"));
        Set<String> parsed = new HashSet<>();
        for (String line : lines.subList(3, lines.size())) {
            String[] f = line.split(" ");
            parsed.add(users.get(f[0]) + "," + items.get(f[1]) + "," + Float.parseFloat(f[2]));
        }
        Set<String> expected = new HashSet<>();
        for (Row row : rows(original, original.ratings())) {
            expected.add(row.user() + "," + row.item() + "," + row.value());
        }
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void holdoutExportEqualsTheEvaluationsFoldAndRecordsTheSeed() throws IOException {
        Path out = folder.resolve("holdout");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "csv", "--out", out.toString(),
                "--split", "holdout:0.25", "--seed", "7");
        assertThat(r.code()).as(r.err()).isZero();

        Dataset data = load("six");
        Fold fold = Splitters.parse("holdout:0.25").split(data, 7).get(0);
        assertThat(readCsv(out.resolve("test.csv"), true)).isEqualTo(rows(data, fold.test()));
        assertThat(readCsv(out.resolve("train.csv"), true)).isEqualTo(rows(data, fold.train().ratings()));

        JsonObject manifest = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
        assertThat(manifest.get("dataset").getAsString()).isEqualTo("six");
        assertThat(manifest.get("checksum").getAsString()).isEqualTo(DatasetChecksum.of(data));
        assertThat(manifest.get("format").getAsString()).isEqualTo("csv");
        assertThat(manifest.get("split").getAsString()).isEqualTo("holdout:0.25");
        assertThat(manifest.get("seed").getAsLong()).isEqualTo(7);
        assertThat(manifest.get("interactions").getAsInt()).isEqualTo(24);
        JsonArray files = manifest.getAsJsonArray("files");
        assertThat(files).hasSize(2);
        JsonObject train = files.get(0).getAsJsonObject();
        JsonObject test = files.get(1).getAsJsonObject();
        assertThat(train.get("file").getAsString()).isEqualTo("train.csv");
        assertThat(train.get("entries").getAsInt()).isEqualTo(fold.trainSize());
        assertThat(test.get("file").getAsString()).isEqualTo("test.csv");
        assertThat(test.get("entries").getAsInt()).isEqualTo(fold.testSize()).isEqualTo(6);
        assertThat(manifest.get("columns").getAsString()).startsWith("header user,item,rating,timestamp");
    }

    @Test
    void kfoldExportWritesEveryFoldAsTheEvaluationSplitsIt() throws IOException {
        Path out = folder.resolve("kfold");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "surprise", "--out", out.toString(),
                "--split", "kfold:3");
        assertThat(r.code()).as(r.err()).isZero();

        Dataset data = load("six");
        List<Fold> folds = Splitters.parse("kfold:3").split(data, 42);
        Set<Row> allTest = new HashSet<>();
        for (Fold fold : folds) {
            Path dir = out.resolve("fold-" + (fold.index() + 1));
            Set<Row> test = readCsv(dir.resolve("test.csv"), false);
            assertThat(test).isEqualTo(rows(data, fold.test()));
            assertThat(readCsv(dir.resolve("train.csv"), false)).isEqualTo(rows(data, fold.train().ratings()));
            allTest.addAll(test);
        }
        assertThat(allTest).isEqualTo(rows(data, data.ratings()));
        JsonObject manifest = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
        assertThat(manifest.get("seed").getAsLong()).isEqualTo(42);
        assertThat(manifest.getAsJsonArray("files")).hasSize(6);
        assertThat(manifest.getAsJsonArray("files").get(5).getAsJsonObject().get("fold").getAsInt()).isEqualTo(3);
    }

    @Test
    void validationPartIsCarvedAsEvaluateCarvesIt() throws IOException {
        Path out = folder.resolve("validation");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "csv", "--out", out.toString(),
                "--split", "holdout:0.25", "--validation", "0.2", "--seed", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();

        Dataset data = load("six");
        Fold outer = Splitters.parse("holdout:0.25").split(data, 3).get(0);
        Fold carved = Splitters.parse("holdout:0.25/validation:0.2").split(data, 3).get(0);
        Set<Row> train = readCsv(out.resolve("train.csv"), true);
        Set<Row> validation = readCsv(out.resolve("validation.csv"), true);
        Set<Row> test = readCsv(out.resolve("test.csv"), true);
        assertThat(train).isEqualTo(rows(data, carved.train().ratings()));
        assertThat(validation).isEqualTo(rows(data, carved.test())).isNotEmpty();
        assertThat(test).isEqualTo(rows(data, outer.test()));
        Set<Row> all = new HashSet<>(train);
        all.addAll(validation);
        all.addAll(test);
        assertThat(all).hasSize(24);
        assertThat(r.json().get("split").getAsString()).isEqualTo("holdout:0.25/validation:0.2");
    }

    /** Rows of a RecBole .inter file (tab-separated, typed header). */
    private static Set<Row> readInter(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("user_id:token\titem_id:token\trating:float\ttimestamp:float");
        Set<Row> set = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            set.add(new Row(f[0], f[1], Float.parseFloat(f[2]), Integer.parseInt(f[3])));
        }
        return set;
    }

    @Test
    void recboleSplitWritesItsBenchmarkFilesNamedAfterTheFolder() throws IOException {
        Path out = folder.resolve("six-bench");
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "recbole", "--out", out.toString(),
                "--split", "holdout:0.25", "--validation", "0.2", "--json");
        assertThat(r.code()).as(r.err()).isZero();

        Dataset data = load("six");
        Fold outer = Splitters.parse("holdout:0.25").split(data, 42).get(0);
        Fold carved = Splitters.parse("holdout:0.25/validation:0.2").split(data, 42).get(0);
        assertThat(readInter(out.resolve("six-bench.train.inter"))).isEqualTo(rows(data, carved.train().ratings()));
        assertThat(readInter(out.resolve("six-bench.valid.inter"))).isEqualTo(rows(data, carved.test()));
        assertThat(readInter(out.resolve("six-bench.test.inter"))).isEqualTo(rows(data, outer.test()));
        assertThat(r.json().get("load").getAsString()).contains("dataset='six-bench'")
                .contains("'benchmark_filename': ['train', 'valid', 'test']");
    }

    @Test
    void recboleSplitWithoutValidationIsRefused() {
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "recbole", "--out",
                folder.resolve("x").toString(), "--split", "kfold:3");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("--validation");
    }

    @Test
    void implicitCountsReadBackWithImplicitAndMatrixMarketNamesTheFoldInItsComment() throws IOException {
        Path orders = folder.resolve("orders.csv");
        Files.writeString(orders, "c1,p1,3\nc1,p2,1\nc2,p1,2\nc1,p1,4\n", StandardCharsets.UTF_8);
        assertThat(run("import", "--db", db(), "--name", "shop", "--format", "csv", "--implicit",
                orders.toString()).code()).isZero();
        Path out = folder.resolve("shop.csv");
        CliRun r = run("export", "--db", db(), "--dataset", "shop", "--format", "csv", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("user,item,rating\nc1,p1,7\nc1,p2,1\nc2,p1,2\n");
        assertThat(run("import", "--db", db(), "--name", "shop-again", "--format", "csv", "--header", "--implicit",
                out.toString()).code()).isZero();
        Dataset shop = load("shop");
        Dataset again = load("shop-again");
        assertThat(again.kind()).isEqualTo(shop.kind());
        assertThat(rows(again, again.ratings())).isEqualTo(rows(shop, shop.ratings()));

        Path mm = folder.resolve("six-mm");
        CliRun folds = run("export", "--db", db(), "--dataset", "six", "--format", "mm", "--out", mm.toString(),
                "--split", "kfold:3", "--seed", "5");
        assertThat(folds.code()).as(folds.err()).isZero();
        List<String> lines = Files.readAllLines(mm.resolve("fold-2/test.mtx"));
        assertThat(lines.get(1)).isEqualTo("% dataset six, test of fold 2, split kfold:3, seed 5");
        assertThat(lines.get(2)).isEqualTo("6 6 " + (lines.size() - 3));
    }

    @Test
    void aTemporalSplitOfDataWithoutTimestampsIsBadInput() throws IOException {
        Path plain = folder.resolve("plain.csv");
        Files.writeString(plain, "u1,i1,4\nu1,i2,3\nu2,i1,5\n", StandardCharsets.UTF_8);
        assertThat(run("import", "--db", db(), "--name", "plain", "--format", "csv", plain.toString()).code())
                .isZero();
        Path out = folder.resolve("temporal");
        CliRun r = run("export", "--db", db(), "--dataset", "plain", "--format", "csv", "--out", out.toString(),
                "--split", "temporal:0.2");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --split temporal:0.2: ").contains("timestamps");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void unknownFormatIsBadInputListingTheKnownOnes() {
        CliRun r = run("export", "--db", db(), "--dataset", "six", "--format", "parquet", "--out",
                folder.resolve("x").toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo(
                "error: --format: unknown format \"parquet\"; expected one of csv, surprise, spark, mm, libsvm, recbole");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = folder.resolve("out");
        List<CliRun> runs = new ArrayList<>();
        runs.add(run("export", "--db", db(), "--dataset", "six", "--format", "csv", "--out", out.toString(),
                "--validation", "0.1"));
        runs.add(run("export", "--db", db(), "--dataset", "six", "--format", "csv", "--out", out.toString(),
                "--split", "holdout:2"));
        runs.add(run("export", "--db", db(), "--dataset", "six", "--format", "spark", "--out", "-"));
        runs.add(run("export", "--db", db(), "--dataset", "nope", "--format", "csv", "--out", out.toString()));
        for (CliRun r : runs) {
            assertThat(r.code()).as(r.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(r.err()).startsWith("error: ");
        }
        assertThat(runs.get(0).err()).contains("--split");
        assertThat(runs.get(1).err()).contains("--split");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aNonEmptyFolderIsReplacedOnlyWithForceAndSaysSo() throws IOException {
        Path out = folder.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliRun refused = run("export", "--db", db(), "--dataset", "six", "--format", "mm", "--out", out.toString());
        assertThat(refused.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");

        CliRun forced = run("export", "--db", db(), "--dataset", "six", "--format", "mm", "--out", out.toString(),
                "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("replaced " + out);
        assertThat(Files.exists(out.resolve("notes.txt"))).isFalse();
        assertThat(Files.exists(out.resolve("ratings.mtx"))).isTrue();
    }

    @Test
    void aFailedSplitExportLeavesNothing() throws IOException {
        Path ratings = folder.resolve("odd.csv");
        Files.writeString(ratings, "\"a,b\",i1,4\nu2,i1,3\nu2,i2,5\n", StandardCharsets.UTF_8);
        assertThat(run("import", "--db", db(), "--name", "odd", "--format", "csv", ratings.toString()).code())
                .isZero();
        Path exports = folder.resolve("exports");
        Files.createDirectories(exports);

        CliRun r = run("export", "--db", db(), "--dataset", "odd", "--format", "surprise", "--out",
                exports.resolve("odd").toString(), "--split", "holdout:0.5");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("\"a,b\"");
        try (Stream<Path> left = Files.list(exports)) {
            assertThat(left).isEmpty();
        }
    }
}
