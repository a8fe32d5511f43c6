package org.recworkbench.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ModelState;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.cli.Cli;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Model files: every algorithm round-trips bit for bit, and every damaged or foreign file is refused. */
class ModelFileTest {

    @TempDir
    static Path folder;

    static Dataset shop;
    static Dataset other;

    @BeforeAll
    static void importTwoGeneratedDatasets() throws IOException {
        Path db = folder.resolve("db");
        generateAndImport(db, "shop", 3);
        generateAndImport(db, "other", 4);
        try (Workspace w = Workspace.open(db)) {
            shop = w.datasets().load("shop");
            other = w.datasets().load("other");
        }
    }

    private static void generateAndImport(Path db, String name, int seed) {
        Path dir = folder.resolve(name);
        cli("generate", "--out", dir.toString(), "--users", "40", "--items", "30", "--density", "0.2", "--seed",
                Integer.toString(seed));
        cli("import", "--db", db.toString(), "--name", name, "--format", "csv", "--header", "--items",
                dir.resolve("items.csv").toString(), dir.resolve("ratings.csv").toString());
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
    }

    private static Model fit(String id, Dataset data) {
        Algorithm<?> a = AlgorithmRegistry.require(id);
        return a.fit(data, a.defaults(), Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void everyRegisteredAlgorithmLoadsWithBitIdenticalScores() {
        for (Algorithm<?> algorithm : AlgorithmRegistry.all()) {
            Model saved = algorithm.fit(shop, algorithm.defaults(), Progress.NONE, Cancellation.NEVER);
            Path file = folder.resolve(algorithm.id() + ".rwbm");
            ModelFile.save(saved, file, "test");
            Model loaded = ModelFile.load(file, shop, Progress.NONE, Cancellation.NEVER);
            assertThat(loaded.algorithmId()).isEqualTo(algorithm.id());
            assertThat(loaded.params()).as(algorithm.id()).isEqualTo(saved.params());
            assertThat(ModelFile.read(file).state().isEmpty()).as(algorithm.id())
                    .isEqualTo(!ModelFile.storesState(algorithm));
            for (int u = 0; u < shop.userCount(); u++) {
                assertThat(loaded.scoreAll(u)).as(algorithm.id() + " user " + u).isEqualTo(saved.scoreAll(u));
                for (int i = 0; i < shop.itemCount(); i += 7) {
                    assertThat(Double.doubleToLongBits(loaded.predict(u, i))).as(algorithm.id())
                            .isEqualTo(Double.doubleToLongBits(saved.predict(u, i)));
                }
            }
        }
    }

    @Test
    void theExpensiveModelsStoreTheirStateAsTheReadmeSays() {
        assertThat(AlgorithmRegistry.all().stream().filter(ModelFile::storesState).map(Algorithm::id))
                .containsExactlyInAnyOrder("biased-mf", "als", "implicit-als", "bpr", "nmf", "ease", "slope-one",
                        "p3alpha", "rp3beta", "svd", "svdpp", "ncf", "item-knn", "user-knn", "seed-cf");
    }

    @Test
    void changedParametersRoundTripExactly() {
        Algorithm<?> a = AlgorithmRegistry.require("biased-mf");
        ParamValues values = ParamValues.parse(a.params(), List.of("factors=7", "learning-rate=0.0123456789"));
        Model saved = a.fit(shop, values, Progress.NONE, Cancellation.NEVER);
        Path file = folder.resolve("tuned.rwbm");
        ModelFile.save(saved, file, "test");
        Model loaded = ModelFile.load(file, shop, Progress.NONE, Cancellation.NEVER);
        assertThat(loaded.params()).isEqualTo(values);
        assertThat(loaded.scoreAll(3)).isEqualTo(saved.scoreAll(3));
    }

    @Test
    void anotherDatasetIsRefusedNamingBoth() {
        Path file = folder.resolve("als-shop.rwbm");
        ModelFile.save(fit("als", shop), file, "test");
        assertThatThrownBy(() -> ModelFile.load(file, other, Progress.NONE, Cancellation.NEVER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("als-shop.rwbm was fitted on dataset shop (checksum ")
                .hasMessageContaining(", not on other (checksum ");
    }

    @Test
    void aFileWithoutTheMagicIsRefused() throws IOException {
        Path file = folder.resolve("notes.rwbm");
        Files.writeString(file, "hello, this is not a model");
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage("notes.rwbm is not a workbench model file (it does not start with RWBM)");
    }

    @Test
    void aNewerFormatVersionIsRefused() {
        byte[] bytes = ModelFile.encode(fit("popular", shop), "test", Instant.EPOCH);
        bytes[7] = 9;
        assertThatThrownBy(() -> ModelFile.decode(bytes, "m.rwbm")).isInstanceOf(InvalidInputException.class)
                .hasMessage("m.rwbm has model format version 9; this workbench reads version 1 (it was written by a"
                        + " newer workbench)");
    }

    @Test
    void aTruncatedOrFlippedFileFailsItsCrc() {
        byte[] bytes = ModelFile.encode(fit("bpr", shop), "test", Instant.EPOCH);
        assertThatThrownBy(() -> ModelFile.decode(Arrays.copyOf(bytes, bytes.length / 2), "m.rwbm"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("m.rwbm is truncated");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        assertThatThrownBy(() -> ModelFile.decode(flipped, "m.rwbm"))
                .hasMessage("m.rwbm is truncated or damaged (its CRC32 does not match)");
        assertThatThrownBy(() -> ModelFile.decode(Arrays.copyOf(bytes, 10), "m.rwbm"))
                .hasMessage("m.rwbm is truncated (10 bytes)");
    }

    @Test
    void anUnknownAlgorithmIsRefused() {
        Map<String, String> header = header(fit("popular", shop));
        header.put("algorithm", "deep-magic");
        ModelFile.Contents contents = ModelFile.decode(ModelFile.encode(header, new ModelState()), "m.rwbm");
        assertThatThrownBy(() -> ModelFile.load(contents, "m.rwbm", shop, Progress.NONE, Cancellation.NEVER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("m.rwbm holds a model of the unknown algorithm \"deep-magic\"");
    }

    @Test
    void parametersTheSpecsRefuseAreRefused() {
        Map<String, String> header = header(fit("item-knn", shop));
        header.put("param.k", "-3");
        ModelFile.Contents contents = ModelFile.decode(ModelFile.encode(header, new ModelState()), "m.rwbm");
        assertThatThrownBy(() -> ModelFile.load(contents, "m.rwbm", shop, Progress.NONE, Cancellation.NEVER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("m.rwbm: parameters of item-knn refused: k must be");
    }

    @Test
    void aStateThatDoesNotFitTheParametersIsRefused() {
        Model als = fit("als", shop);
        Map<String, String> header = header(als);
        header.put("param.factors", "3");
        ModelState state = ((org.recworkbench.algo.Persistable) als).state();
        ModelFile.Contents contents = ModelFile.decode(ModelFile.encode(header, state), "m.rwbm");
        assertThatThrownBy(() -> ModelFile.load(contents, "m.rwbm", shop, Progress.NONE, Cancellation.NEVER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the model state's array \"user-factors\" has");
    }

    @Test
    void aFailedSaveLeavesNoFileBehind() throws IOException {
        Path dir = Files.createDirectories(folder.resolve("atomic"));
        Path target = dir.resolve("m.rwbm");
        Files.writeString(target, "the old content");
        Model broken = new BrokenModel(fit("als", shop));
        assertThatThrownBy(() -> ModelFile.save(broken, target, "test")).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("the old content");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.rwbm");
        }
    }

    private static Map<String, String> header(Model model) {
        return new LinkedHashMap<>(ModelFile.decode(ModelFile.encode(model, "test", Instant.EPOCH), "m").header());
    }

    /** A persistable model whose state cannot be taken: the save fails after the part file was opened. */
    private record BrokenModel(Model inner) implements org.recworkbench.algo.Persistable {
        @Override
        public ModelState state() {
            throw new IllegalStateException("no state");
        }

        @Override
        public Dataset dataset() {
            return inner.dataset();
        }

        @Override
        public String algorithmId() {
            return inner.algorithmId();
        }

        @Override
        public ParamValues params() {
            return inner.params();
        }

        @Override
        public double[] scoreAll(int user) {
            return inner.scoreAll(user);
        }

        @Override
        public double predict(int user, int item) {
            return inner.predict(user, item);
        }

        @Override
        public org.recworkbench.algo.Explanation explain(int user, int item) {
            return inner.explain(user, item);
        }
    }
}
