package org.recworkbench.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ModelState;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.cli.Cli;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * svd, svdpp, ncf, item-knn, user-knn and seed-cf keep their learned arrays in the model file: a file written and read back
 * gives the same lists, predictions, explanations and fold-ins bit for bit, and a state whose arrays do not fit is
 * refused naming the array.
 */
class StoredStateModelFileTest {

    @TempDir
    static Path folder;

    static Dataset shop;

    @BeforeAll
    static void importAGeneratedDataset() throws IOException {
        Path dir = folder.resolve("shop");
        Path db = folder.resolve("db");
        cli("generate", "--out", dir.toString(), "--users", "40", "--items", "30", "--density", "0.2", "--seed",
                "5");
        cli("import", "--db", db.toString(), "--name", "shop", "--format", "csv", "--header", "--items",
                dir.resolve("items.csv").toString(), dir.resolve("ratings.csv").toString());
        try (Workspace w = Workspace.open(db)) {
            shop = w.datasets().load("shop");
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    /** Each algorithm at its defaults and with parameters that take other paths through its state. */
    static Stream<Arguments> cases() {
        return Stream.<String[]>of(new String[] {"svd"}, new String[] {"svd", "fill=zero", "rank=4", "max-rank=7"},
                new String[] {"svd", "fill=user-mean", "rank=3"}, new String[] {"svdpp"},
                new String[] {"svdpp", "early-stop=2", "epochs=8", "factors=5"}, new String[] {"ncf"},
                new String[] {"ncf", "embedding=4", "layers=16", "epochs=2"}, new String[] {"item-knn"},
                new String[] {"item-knn", "neighbours=pool", "normalise=bias-baseline", "similarity=pearson",
                        "k=5"},
                new String[] {"item-knn", "rank-by=prediction", "normalise=z-score", "similarity=jaccard"},
                new String[] {"seed-cf"}, new String[] {"seed-cf", "include-self=false"}, new String[] {"user-knn"},
                new String[] {"user-knn", "neighbours=pool", "similarity=pearson", "k=5", "normalise=z-score"})
                .map(spec -> Arguments.of((Object) spec));
    }

    private static Model fit(String[] spec) {
        Algorithm<?> algorithm = AlgorithmRegistry.require(spec[0]);
        ParamValues values = ParamValues.parse(algorithm.params(), List.of(spec).subList(1, spec.length));
        return algorithm.fit(shop, values, Progress.NONE, Cancellation.NEVER);
    }

    private static Path saved(Model model, String[] spec) {
        Path file = folder.resolve(String.join("_", spec).replace('=', '-') + ".rwbm");
        ModelFile.save(model, file, "test");
        return file;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSavedModelLoadsWithoutRefitAndScoresBitForBit(String[] spec) {
        Model saved = fit(spec);
        Path file = saved(saved, spec);
        assertThat(cli("model", "info", "--model", file.toString())).contains("algorithm=" + spec[0] + "\n",
                "content=state\n");
        Model loaded = ModelFile.load(file, shop, Progress.NONE, Cancellation.NEVER);
        assertThat(loaded.params()).isEqualTo(saved.params());
        for (int u = 0; u < shop.userCount(); u += 3) {
            ScoredItems a = saved.recommend(u, 10);
            ScoredItems b = loaded.recommend(u, 10);
            assertThat(b.items()).as(spec[0] + " user " + u).isEqualTo(a.items());
            assertThat(b.scores()).as(spec[0] + " user " + u).isEqualTo(a.scores());
            assertThat(loaded.scoreAll(u)).isEqualTo(saved.scoreAll(u));
            for (int i = 0; i < shop.itemCount(); i++) {
                assertThat(Double.doubleToLongBits(loaded.predict(u, i))).as(spec[0] + " " + u + "," + i)
                        .isEqualTo(Double.doubleToLongBits(saved.predict(u, i)));
            }
            assertThat(loaded.explain(u, u % shop.itemCount())).isEqualTo(saved.explain(u, u % shop.itemCount()));
        }
        UserProfile profile = new UserProfile(new int[] {1, 4, 9, 16}, new double[] {5, 2, 4, 3});
        assertThat(loaded.foldIn(profile).isPresent()).isEqualTo(saved.foldIn(profile).isPresent());
        saved.foldIn(profile).ifPresent(expected -> {
            FoldIn actual = loaded.foldIn(profile).orElseThrow();
            assertThat(actual.scores()).isEqualTo(expected.scores());
            assertThat(actual.predictions()).isEqualTo(expected.predictions());
        });
    }

    /** Loading neither fits the algorithm nor rebuilds item-item similarities: the expensive parts are read. */
    @ParameterizedTest
    @MethodSource("cases")
    void loadingFitsNothing(String[] spec) {
        Path file = saved(fit(spec), spec);
        List<String> entered = new java.util.concurrent.CopyOnWriteArrayList<>();
        HeavyWork.forbidOn(() -> false, new HeavyWork.Listener() {
            @Override
            public void forbidden(String what, Throwable where) {
            }

            @Override
            public void entered(String what) {
                entered.add(what);
            }
        });
        try {
            ModelFile.load(file, shop, Progress.NONE, Cancellation.NEVER);
        } finally {
            HeavyWork.allowEverywhere();
        }
        assertThat(entered).noneMatch(what -> what.startsWith("Algorithm.fit") || what.equals("Similarities.dense"));
    }

    /** A rescore-only change (svd's rank, item-knn's k) works on the restored model as on the fitted one. */
    @ParameterizedTest
    @MethodSource("rescoreCases")
    void aRestoredModelRescoresLikeTheFittedOne(String id, String change) {
        Model saved = fit(new String[] {id});
        Model loaded = ModelFile.load(saved(saved, new String[] {id, "rescore"}), shop, Progress.NONE,
                Cancellation.NEVER);
        ParamValues changed = ParamValues.parse(AlgorithmRegistry.require(id).params(),
                List.of(change));
        Model a = saved.withParams(changed).orElseThrow();
        Model b = loaded.withParams(changed).orElseThrow();
        for (int u = 0; u < shop.userCount(); u += 5) {
            assertThat(b.scoreAll(u)).isEqualTo(a.scoreAll(u));
        }
    }

    static Stream<String[]> rescoreCases() {
        return Stream.of(new String[] {"svd", "rank=4"}, new String[] {"item-knn", "k=3"},
                new String[] {"item-knn", "neighbours=pool"}, new String[] {"seed-cf", "include-self=false"},
                new String[] {"user-knn", "neighbours=pool"});
    }

    /** Every array whose length the dataset and parameters fix, one element short, is refused by its name. */
    @ParameterizedTest
    @MethodSource("cases")
    void anArrayOfTheWrongLengthIsRefusedNamingIt(String[] spec) {
        ModelFile.Contents contents = ModelFile.read(saved(fit(spec), spec));
        for (String name : contents.state().arrays().keySet()) {
            if (name.equals("losses")) {
                continue;
            }
            ModelFile.Contents tampered = new ModelFile.Contents(contents.header(), shortened(contents.state(), name));
            assertThatThrownBy(() -> ModelFile.load(tampered, "m.rwbm", shop, Progress.NONE, Cancellation.NEVER))
                    .as(spec[0] + " " + name).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("\"" + name + "\"");
        }
    }

    /** The state of one set of parameters does not fit another (svd max-rank, ncf layers, svdpp factors). */
    @ParameterizedTest
    @MethodSource("mismatchedCases")
    void aStateOfOtherParametersIsRefused(String id, String param, String value, String array) {
        ModelFile.Contents contents = ModelFile.read(saved(fit(new String[] {id}), new String[] {id, "mismatch"}));
        Map<String, String> header = new java.util.LinkedHashMap<>(contents.header());
        header.put("param." + param, value);
        ModelFile.Contents tampered = new ModelFile.Contents(header, contents.state());
        assertThatThrownBy(() -> ModelFile.load(tampered, "m.rwbm", shop, Progress.NONE, Cancellation.NEVER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the model state's array \"" + array + "\" has");
    }

    static Stream<String[]> mismatchedCases() {
        return Stream.of(new String[] {"svd", "max-rank", "5", "singular-values"},
                new String[] {"svdpp", "factors", "7", "user-factors"},
                new String[] {"ncf", "layers", "64,32,16", "weights-1"},
                new String[] {"ncf", "embedding", "3", "weights-1"});
    }

    private static ModelState shortened(ModelState state, String target) {
        ModelState out = new ModelState();
        state.arrays().forEach((name, values) -> {
            Object kept = name.equals(target) ? shorten(values) : values;
            if (kept instanceof int[] ints) {
                out.putInts(name, ints);
            } else if (kept instanceof float[] floats) {
                out.putFloats(name, floats);
            } else {
                out.putDoubles(name, (double[]) kept);
            }
        });
        return out;
    }

    private static Object shorten(Object values) {
        int length = Array.getLength(values);
        if (values instanceof int[] ints) {
            return Arrays.copyOf(ints, length - 1);
        }
        if (values instanceof float[] floats) {
            return Arrays.copyOf(floats, length - 1);
        }
        return Arrays.copyOf((double[]) values, length - 1);
    }
}
