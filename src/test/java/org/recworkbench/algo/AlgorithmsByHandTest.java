package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.baseline.BiasAlgorithm;
import org.recworkbench.algo.knn.ItemKnnAlgorithm;
import org.recworkbench.algo.knn.SeedCfAlgorithm;
import org.recworkbench.algo.knn.UserKnnAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Step;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Predictions checked against values computed independently (Python) on
 * <pre>
 *       i1 i2 i3 i4
 *   u1   5  3  4  .
 *   u2   3  1  .  3
 *   u3   4  3  4  3
 *   u4   .  5  1  2
 * </pre>
 * User cosines with u1: u2 0.58400, u3 0.9, u4 0.49058. Item cosines with i1: i2 0.63960, i3 0.88626, i4 0.63317.
 */
class AlgorithmsByHandTest {

    private static final double N = Double.NaN;
    static final Dataset RATINGS = DatasetBuilder.fromMatrix("four", DatasetKind.EXPLICIT, new double[][] {
            {5, 3, 4, N},
            {3, 1, N, 3},
            {4, 3, 4, 3},
            {N, 5, 1, 2}});

    static Model fit(Algorithm<?> algorithm, Dataset data, String... params) {
        return algorithm.fit(data, ParamValues.parse(algorithm.params(), List.of(params)), Progress.NONE,
                Cancellation.NEVER);
    }

    @Test
    void userKnnMeanCentredUsesTheTwoMostSimilarUsersWhoRatedTheItem() {
        Model m = fit(new UserKnnAlgorithm(), RATINGS, "k=2");
        // neighbours u3 (0.9) and u2 (0.584): 4 + (0.9·(3−3.5) + 0.584·(3−7/3)) / (0.9 + 0.584)
        assertThat(m.predict(0, 3)).isCloseTo(3.959118121841904, within(1e-6));
        Explanation e = m.explain(0, 3);
        assertThat(e.prediction()).isEqualTo(m.predict(0, 3));
        assertThat(e.score()).isCloseTo(4.4519913482122355, within(1e-6)).isEqualTo(m.scoreAll(0)[3]);
        assertThat(e.contributions()).extracting(Contribution::id).containsExactly("u3", "u2");
        assertThat(e.derivation().result()).isEqualTo(e.prediction());
    }

    @Test
    void userKnnNormalisationsGiveTheirOwnPredictions() {
        assertThat(fit(new UserKnnAlgorithm(), RATINGS, "k=2", "normalise=none").predict(0, 3))
                .isCloseTo(3.0, within(1e-6));
        assertThat(fit(new UserKnnAlgorithm(), RATINGS, "k=2", "normalise=z-score").predict(0, 3))
                .isCloseTo(3.7320237173246733, within(1e-6));
        assertThat(fit(new UserKnnAlgorithm(), RATINGS, "k=2", "normalise=bias-baseline").predict(0, 3))
                .isCloseTo(3.3183024913744363, within(1e-6)); // λ_u 5, λ_i 3 (3.2063 with the former 10, 25)
    }

    @Test
    void itemKnnUsesTheItemsMostSimilarToTheTargetAmongThoseTheUserRated() {
        Model m = fit(new ItemKnnAlgorithm(), RATINGS, "k=2");
        assertThat(m.predict(3, 0)).isCloseTo(3.6766984611091384, within(1e-6));
        Explanation e = m.explain(3, 0);
        assertThat(e.score()).isCloseTo(4.084269480385352, within(1e-6)).isEqualTo(m.scoreAll(3)[0]);
        // largest contribution s·r first: the neighbours are i3 (the most similar) and i2
        assertThat(e.contributions()).extracting(Contribution::id).containsExactlyInAnyOrder("i3", "i2");
        assertThat(e.contributions()).extracting(Contribution::amount)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Contribution i3 = e.contributions().stream().filter(c -> c.id().equals("i3")).findFirst().orElseThrow();
        assertThat(i3.value("similarity")).isCloseTo(0.8862587350511957, within(1e-6));
    }

    @Test
    void itemKnnNormalisationsUseItemMeansDeviationsAndBiases() {
        assertThat(fit(new ItemKnnAlgorithm(), RATINGS, "k=2", "normalise=none").predict(3, 0))
                .isCloseTo(2.676698461109138, within(1e-6));
        assertThat(fit(new ItemKnnAlgorithm(), RATINGS, "k=2", "normalise=z-score").predict(3, 0))
                .isCloseTo(3.8133417694919407, within(1e-6));
        assertThat(fit(new ItemKnnAlgorithm(), RATINGS, "k=2", "normalise=bias-baseline").predict(3, 0))
                .isCloseTo(3.181304775562735, within(1e-6)); // λ_u 5, λ_i 3 (2.7858 with the former 10, 25)
    }

    @Test
    void changingKReusesTheFittedSimilarities() {
        Model m = fit(new ItemKnnAlgorithm(), RATINGS, "k=2");
        Model one = m.withParams(m.params().with("k", 1)).orElseThrow();
        assertThat(((org.recworkbench.algo.knn.KnnModel) one).neighbourPool())
                .isSameAs(((org.recworkbench.algo.knn.KnnModel) m).neighbourPool());
        assertThat(one.explain(3, 0).contributions()).hasSize(1);
        assertThat(m.withParams(m.params().with("similarity", "pearson"))).isEmpty();
    }

    @Test
    void biasBaselineDampsItemThenUserBiases() {
        Model defaults = fit(new BiasAlgorithm(), RATINGS);
        // λ_u 5, λ_i 3: μ = 41/13, b_i4 = Σ(r − μ)/(3 + 3), b_u1 = Σ(r − μ − b_i)/(5 + 3)
        assertThat(defaults.predict(0, 3)).isCloseTo(3.1952838827838828, within(1e-9));
        assertThat(fit(new BiasAlgorithm(), RATINGS, "lambda-user=10", "lambda-item=25").predict(0, 3))
                .isCloseTo(3.2928411111434985, within(1e-9));
        Model undamped = fit(new BiasAlgorithm(), RATINGS, "lambda-user=0", "lambda-item=0");
        // μ = 41/13; b_i1 = Σ(r − μ)/3 = 0.84615; b_u4 = Σ(r − μ − b_i)/3 = −0.22222
        assertThat(undamped.predict(3, 0)).isCloseTo(3.7777777777777777, within(1e-9));
        assertThat(undamped.explain(3, 0).derivation().steps()).extracting(Step::value)
                .anySatisfy(v -> assertThat(v).isCloseTo(41.0 / 13, within(1e-12)));
    }

    @Test
    void seedArticle001FormulaOnItsOwn3x4Matrix() {
        Dataset r = DatasetBuilder.fromMatrix("001", DatasetKind.IMPLICIT, new double[][] {
                {0, 1, 0, 0},
                {1, 0, 1, 0},
                {0, 1, 0, 1}});
        Model m = fit(new SeedCfAlgorithm(), r);
        // U1: Σ r² = 1; w_11 = 1, w_12 = 0, w_13 = 1 → R_1 = r_1 + r_3 = (0, 2, 0, 1)
        assertThat(m.scoreAll(0)).containsExactly(N, 2, N, 1);
        // U3: Σ r² = 2; w_31 = 1/2, w_33 = 1 → R_31 = 0, R_32 = 1/2 + 1, R_34 = 1
        assertThat(m.scoreAll(2)).containsExactly(N, 1.5, N, 1);
        assertThat(m.recommend(0, 3).items()).containsExactly(3);
        assertThat(fit(new SeedCfAlgorithm(), r, "include-self=false").scoreAll(0)).containsExactly(N, 1, N, 1);
    }

    @Test
    void recommendExcludesSeenItemsAndBreaksTiesByItemIndex() {
        Model popular = fit(AlgorithmRegistry.require("popular"), RATINGS);
        // counts: i1 3, i2 4, i3 3, i4 3
        assertThat(popular.recommend(3, 10).items()).containsExactly(0);
        assertThat(popular.recommend(0, 10, i -> false).items()).containsExactly(1, 0, 2, 3);
    }
}
