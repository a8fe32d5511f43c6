package org.recworkbench.algo.hybrid;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.NewItem;
import org.recworkbench.algo.NewItemScoring;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The hybrid over the catalogue and new items. SHOP is the catalogue of {@code ContentAndHybridByHandTest}: "red
 * apple", "green apple", "red car"; u1 rates the first 5 and the second 1.
 */
class HybridNewItemsTest {

    private static final String[] NONE = new String[0];
    private static final Dataset SHOP = new DatasetBuilder("shop", DatasetKind.EXPLICIT)
            .item("i1", "red apple", NONE, "")
            .item("i2", "green apple", NONE, "")
            .item("i3", "red car", NONE, "")
            .add("u1", "i1", 5).add("u1", "i2", 1)
            .build();
    private static final Dataset SHOP_WITH_USERS = new DatasetBuilder("shop", DatasetKind.EXPLICIT)
            .item("i1", "red apple", NONE, "")
            .item("i2", "green apple", NONE, "")
            .item("i3", "red car", NONE, "")
            .item("i4", "blue car", NONE, "")
            .add("u1", "i1", 5).add("u1", "i2", 1).add("u1", "i3", 4)
            .add("u2", "i1", 4).add("u2", "i3", 5).add("u2", "i4", 2)
            .add("u3", "i2", 3).add("u3", "i4", 4)
            .build();
    private static final List<NewItem> RED_CAR = List.of(new NewItem("n1", "red car"));

    private static Model fit(Algorithm<?> algorithm, Dataset data, String... params) {
        return algorithm.fit(data, ParamValues.parse(algorithm.params(), List.of(params)), Progress.NONE,
                Cancellation.NEVER);
    }

    @Test
    void newItemWithAnExistingItemsTextGetsThatItemsContentPart() {
        Model m = fit(new HybridAlgorithm(), SHOP, "alpha=0", "cf=popular");
        double[] s = ((NewItemScoring) m).scoresWithNewItems(new int[] {0, 1}, new double[] {5, 1}, RED_CAR);
        assertThat(s).hasSize(4);
        assertThat(s[3]).isFinite().isCloseTo(s[2], within(1e-12));
    }

    @Test
    void newItemWithTextGetsAFiniteBlendWithTheOtherComponentAtItsLowest() {
        // popular: 1, 1, 0 and no score for the new item, which counts as the lowest (0 after min-max), as i3's 0
        // does; the content scores keep their min and max, so the new item blends exactly as i3 (see the by-hand
        // test: 1.0, 0.3, 0.46347164767735755).
        Model m = fit(new HybridAlgorithm(), SHOP, "alpha=0.3", "cf=popular");
        double[] s = ((NewItemScoring) m).scoresWithNewItems(new int[] {0, 1}, new double[] {5, 1}, RED_CAR);
        assertThat(s).containsExactly(new double[] {1.0, 0.3, 0.46347164767735755, 0.46347164767735755},
                within(1e-12));
    }

    @Test
    void profileOfExistingItemsOnlyScoresTheCatalogueExactlyAsFoldIn() {
        Model m = fit(new HybridAlgorithm(), SHOP_WITH_USERS, "alpha=0.4");
        int[] items = {0, 3};
        double[] values = {5, 2};
        double[] folded = m.foldIn(new UserProfile(items, values)).orElseThrow().scores();
        double[] s = ((NewItemScoring) m).scoresWithNewItems(items, values, List.of());
        assertThat(s).isEqualTo(folded);
        double[] z = ((NewItemScoring) m.withParams(m.params().with("normalisation", "z-score")).orElseThrow())
                .scoresWithNewItems(items, values, List.of());
        assertThat(z).isEqualTo(m.withParams(m.params().with("normalisation", "z-score")).orElseThrow()
                .foldIn(new UserProfile(items, values)).orElseThrow().scores());
    }

    @Test
    void userWhoseOnlyInteractionIsANewItemIsRecommendedByItsText() {
        Dataset clicks = new DatasetBuilder("clicks", DatasetKind.IMPLICIT)
                .item("i1", "red apple", NONE, "")
                .item("i2", "green apple", NONE, "")
                .item("i3", "red car", NONE, "")
                .item("i4", "blue car", NONE, "")
                .add("u1", "i1", 1).add("u1", "i2", 1).add("u2", "i3", 1).add("u2", "i4", 1).add("u3", "i2", 1)
                .build();
        Model m = fit(new HybridAlgorithm(), clicks, "alpha=0.5");
        int newItem = clicks.itemCount();
        double[] s = ((NewItemScoring) m).scoresWithNewItems(new int[] {newItem}, new double[] {1},
                List.of(new NewItem("n1", "shiny red car")));
        assertThat(s).hasSize(5).doesNotContain(Double.NaN);
        assertThat(ScoredItems.top(s, 1, item -> item == newItem).items()).containsExactly(2);
        assertThat(s[2]).isGreaterThan(s[1]);
    }

    @Test
    void hybridScoresNewItemsOnlyWhenAComponentDoes() {
        assertThat(fit(new HybridAlgorithm(), SHOP)).isInstanceOf(NewItemScoring.class);
        assertThat(fit(new HybridAlgorithm(), SHOP, "cf=content-tfidf", "content=popular"))
                .isInstanceOf(NewItemScoring.class);
        Model neither = fit(new HybridAlgorithm(), SHOP, "cf=popular", "content=bias");
        assertThat(neither).isNotInstanceOf(NewItemScoring.class);
        assertThat(neither.withParams(neither.params().with("alpha", 0.2)).orElseThrow())
                .isNotInstanceOf(NewItemScoring.class);
        Model both = fit(new HybridAlgorithm(), SHOP, "cf=popular");
        assertThat(both.withParams(both.params().with("alpha", 0.2)).orElseThrow())
                .isInstanceOf(NewItemScoring.class);
    }

    @Test
    void componentThatCannotFoldInCountsAsItsLowestEverywhere() {
        HybridAlgorithm hybrid = new HybridAlgorithm();
        ParamValues values = ParamValues.parse(hybrid.params(), List.of("alpha=0.3", "cf=popular"));
        Model content = fit(new ContentTfidfAlgorithm(), SHOP);
        HybridModel m = HybridModel.of(SHOP, values, hybrid.bind(values), new NoFoldIn(SHOP), content);
        double[] c = ((NewItemScoring) content).scoresWithNewItems(new int[] {0, 1}, new double[] {5, 1}, RED_CAR);
        double min = Arrays.stream(c).min().orElseThrow();
        double max = Arrays.stream(c).max().orElseThrow();
        double[] expected = Arrays.stream(c).map(x -> 0.3 * 0 + 0.7 * (x - min) / (max - min)).toArray();
        assertThat(((NewItemScoring) m).scoresWithNewItems(new int[] {0, 1}, new double[] {5, 1}, RED_CAR))
                .containsExactly(expected, within(1e-12));
    }

    /** A component without fold-in (the default {@link Model#foldIn}). */
    private record NoFoldIn(Dataset dataset) implements Model {

        @Override
        public String algorithmId() {
            return "no-fold-in";
        }

        @Override
        public ParamValues params() {
            return ParamValues.defaults(List.of());
        }

        @Override
        public double[] scoreAll(int user) {
            return new double[dataset.itemCount()];
        }

        @Override
        public double predict(int user, int item) {
            return Double.NaN;
        }

        @Override
        public Explanation explain(int user, int item) {
            throw new UnsupportedOperationException();
        }
    }
}
