package org.recworkbench.similarity;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Step;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed values (checked independently in Python) on a 4 × 4 rating matrix:
 * <pre>
 *       i1 i2 i3 i4
 *   u1   5  3  4  .
 *   u2   3  1  .  3
 *   u3   4  3  4  3
 *   u4   .  5  1  2
 * </pre>
 */
class SimilaritiesTest {

    private static final double N = Double.NaN;
    private static final Dataset RATINGS = DatasetBuilder.fromMatrix("four", DatasetKind.EXPLICIT, new double[][] {
            {5, 3, 4, N},
            {3, 1, N, 3},
            {4, 3, 4, 3},
            {N, 5, 1, 2}});

    private static double users(SimilarityOptions options, int a, int b) {
        return new Similarities(RATINGS, Orientation.USERS, options).pair(a, b).value();
    }

    private static double items(SimilarityOptions options, int a, int b) {
        return new Similarities(RATINGS, Orientation.ITEMS, options).pair(a, b).value();
    }

    @Test
    void cosineUsesFullVectorNormsByDefault() {
        // 18 / (√50 · √19)
        assertThat(users(SimilarityOptions.of(Measure.COSINE), 0, 1)).isCloseTo(18 / Math.sqrt(950), within(1e-12))
                .isCloseTo(0.5839971160707451, within(1e-12));
    }

    @Test
    void cosineWithCoRatedNormsUsesOnlySharedEntries() {
        // 18 / (√34 · √10)
        assertThat(users(SimilarityOptions.of(Measure.COSINE).withCoRatedNorms(true), 0, 1))
                .isCloseTo(0.9761870601839526, within(1e-12));
    }

    @Test
    void pearsonUsesCoRatedMeans() {
        // a = (5,3,4), b = (4,3,4); means 4 and 11/3; Σ = 1, √2·√(2/3)
        assertThat(users(SimilarityOptions.of(Measure.PEARSON), 0, 2)).isCloseTo(Math.sqrt(3) / 2, within(1e-12));
        assertThat(users(SimilarityOptions.of(Measure.PEARSON), 0, 1)).isCloseTo(1, within(1e-12));
    }

    @Test
    void pearsonWithVectorMeansCentresByEachUsersOwnMean() {
        assertThat(users(SimilarityOptions.of(Measure.PEARSON).withVectorMeans(true), 0, 2))
                .isCloseTo(0.8164965809277259, within(1e-12));
    }

    @Test
    void adjustedCosineCentresItemsByEachUsersMean() {
        assertThat(items(SimilarityOptions.of(Measure.ADJUSTED_COSINE), 0, 1))
                .isCloseTo(-0.5645155221884715, within(1e-12));
        assertThat(items(SimilarityOptions.of(Measure.ADJUSTED_COSINE).withCoRatedNorms(true), 0, 1))
                .isCloseTo(-0.9443055858962289, within(1e-12));
    }

    @Test
    void itemCosineComparesColumns() {
        assertThat(items(SimilarityOptions.of(Measure.COSINE), 0, 1)).isCloseTo(0.6396021490668312, within(1e-12));
    }

    @Test
    void jaccardIsSharedOverUnion() {
        assertThat(users(SimilarityOptions.of(Measure.JACCARD), 0, 3)).isEqualTo(0.5);
        assertThat(users(SimilarityOptions.of(Measure.JACCARD), 0, 2)).isEqualTo(0.75);
    }

    @Test
    void shrinkageMultipliesByOverlapOverOverlapPlusLambda() {
        double plain = users(SimilarityOptions.of(Measure.COSINE), 0, 1);
        assertThat(users(SimilarityOptions.of(Measure.COSINE).withShrinkage(2), 0, 1))
                .isCloseTo(plain * 2 / 4, within(1e-12));
    }

    @Test
    void pairsBelowTheMinimumOverlapGetZero() {
        assertThat(users(SimilarityOptions.of(Measure.COSINE).withMinOverlap(3), 0, 1)).isZero();
        assertThat(users(SimilarityOptions.of(Measure.COSINE).withMinOverlap(3), 0, 2)).isPositive();
    }

    @Test
    void zeroNormAndEmptyOverlapGiveZeroNotNaN() {
        Dataset d = DatasetBuilder.fromMatrix("flat", DatasetKind.EXPLICIT, new double[][] {
                {3, 3, N},
                {4, 2, N},
                {N, N, 5}});
        assertThat(new Similarities(d, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON)).pair(0, 1).value())
                .isZero();
        assertThat(new Similarities(d, Orientation.USERS, SimilarityOptions.of(Measure.COSINE)).pair(0, 2).value())
                .isZero();
        assertThat(new Similarities(d, Orientation.ITEMS, SimilarityOptions.of(Measure.ADJUSTED_COSINE))
                .pair(2, 2).value()).isZero();
    }

    @Test
    void seedArticle003CosineAndPearsonHaveTheirCorrectValues() {
        Dataset vectors = DatasetBuilder.fromMatrix("003", DatasetKind.EXPLICIT, new double[][] {
                {0.1, 0.4, 0.2, 0.5, 0.3},
                {0.2, 0.5, 0.3, 0.6, 0.4}});
        PairSimilarity cosine = new Similarities(vectors, Orientation.USERS, SimilarityOptions.of(Measure.COSINE))
                .explain(0, 1);
        // the article prints 0.956 (0.1·0.2 taken as 0.018, norms² as 0.56 and 1.04)
        assertThat(cosine.value()).isCloseTo(0.70 / Math.sqrt(0.55 * 0.90), within(1e-6))
                .isCloseTo(0.99494, within(5e-6));
        assertThat(cosine.derivation().steps()).extracting(Step::value)
                .contains(5.0).anySatisfy(v -> assertThat(v).isCloseTo(0.70, within(1e-6)));
        // float storage of 0.1…0.6 leaves a residue of 1e-8 on an exact 1
        assertThat(new Similarities(vectors, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON)).pair(0, 1)
                .value()).isCloseTo(1, within(1e-6));
    }

    @Test
    void seedArticle000PearsonIsOneNotOneHalf() {
        // u = (3, 4), v = (4, 5): the article divides by √2·√2 and prints 1/2
        Dataset pair = DatasetBuilder.fromMatrix("000", DatasetKind.EXPLICIT, new double[][] {{3, 4}, {4, 5}});
        assertThat(new Similarities(pair, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON)).pair(0, 1)
                .value()).isCloseTo(1, within(1e-12));
    }

    @Test
    void seedArticle002ContentCosinesHaveTheirCorrectValues() {
        // u = (0.5, 0.6, 0.7), p1 = (1, 2, 3), p2 = (2, 3, 4); the article prints 0.5962 and 0.7246
        Dataset vectors = DatasetBuilder.fromMatrix("002", DatasetKind.EXPLICIT, new double[][] {
                {0.5, 0.6, 0.7}, {1, 2, 3}, {2, 3, 4}});
        Similarities cosine = new Similarities(vectors, Orientation.USERS, SimilarityOptions.of(Measure.COSINE));
        assertThat(cosine.pair(0, 1).value()).isCloseTo(3.8 / Math.sqrt(1.1 * 14), within(1e-6))
                .isCloseTo(0.96833, within(5e-6));
        assertThat(cosine.pair(0, 2).value()).isCloseTo(5.6 / Math.sqrt(1.1 * 29), within(1e-6))
                .isCloseTo(0.99150, within(5e-6));
    }

    @Test
    void subsetsPickTheMostPopularItemsAndMostActiveUsers() {
        // item counts 3, 4, 3, 3; user counts 3, 3, 4, 3
        assertThat(Subsets.mostPopularItems(RATINGS, 2)).containsExactly(1, 0);
        assertThat(Subsets.mostActiveUsers(RATINGS, 10)).containsExactly(2, 0, 1, 3);
    }

    @Test
    void derivationEndsWithTheComputedValueAndShowsTheCoRatedEntries() {
        PairSimilarity s = new Similarities(RATINGS, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON)
                .withShrinkage(10)).explain(0, 2);
        assertThat(s.derivation().result()).isEqualTo(s.value());
        assertThat(s.value()).isCloseTo(Math.sqrt(3) / 2 * 3 / 13, within(1e-12));
        assertThat(s.derivation().steps().get(1).substituted()).contains("i1, i2, i3");
        assertThat(s.derivation().steps()).extracting(Step::title).contains("Co-rated mean of a",
                "Significance shrinkage");
        assertThat(s.derivation().toText()).contains("0.86603").doesNotContain("NaN");
    }

    @Test
    void topKMatchesPairsKeepsPositiveSimilaritiesBestFirst() {
        Similarities sims = new Similarities(RATINGS, Orientation.ITEMS, SimilarityOptions.of(Measure.ADJUSTED_COSINE));
        SimilarityMatrix m = sims.topK(2, Progress.NONE, Cancellation.NEVER);
        for (int a = 0; a < m.rows(); a++) {
            assertThat(m.neighbourCount(a)).isLessThanOrEqualTo(2);
            for (int p = m.start(a); p < m.start(a) + m.neighbourCount(a); p++) {
                PairSimilarity pair = sims.pair(a, m.neighbourAt(p));
                assertThat((double) m.similarityAt(p)).isPositive().isCloseTo(pair.value(), within(1e-6));
                assertThat(m.overlapAt(p)).isEqualTo(pair.overlap());
                if (p > m.start(a)) {
                    assertThat(m.similarityAt(p)).isLessThanOrEqualTo(m.similarityAt(p - 1));
                }
            }
        }
    }

    @Test
    void denseRequestsOverTheBudgetAreRefusedWithAnEstimate() {
        Similarities sims = new Similarities(RATINGS, Orientation.USERS, SimilarityOptions.of(Measure.COSINE));
        assertThatThrownBy(() -> sims.dense(new int[] {0, 1, 2, 3}, 100))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs 0.1 KiB");
        assertThatThrownBy(() -> DenseBudget.check(138_493, "user-user", DenseBudget.DEFAULT_BYTES))
                .hasMessageStartingWith("user-user dense for 138,493 users needs 142.9 GiB");
        DenseSimilarity dense = sims.dense(new int[] {0, 1, 2}, DenseBudget.DEFAULT_BYTES);
        assertThat((double) dense.value(0, 1)).isCloseTo(0.5839971160707451, within(1e-6));
        assertThat(dense.value(1, 0)).isEqualTo(dense.value(0, 1));
        assertThat((double) dense.value(2, 2)).isCloseTo(1, within(1e-6));
        assertThat(dense.overlap(0, 2)).isEqualTo(3);
    }
}
