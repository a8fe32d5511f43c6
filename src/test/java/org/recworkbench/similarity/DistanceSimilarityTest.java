package org.recworkbench.similarity;

import org.junit.jupiter.api.Test;
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
 * The distance-based measures, euclidean 1/(1 + d) and msd 1/(1 + msd), by hand on the 4 × 4 matrix of
 * {@link SimilaritiesTest}:
 * <pre>
 *       i1 i2 i3 i4
 *   u1   5  3  4  .
 *   u2   3  1  .  3
 *   u3   4  3  4  3
 *   u4   .  5  1  2
 * </pre>
 */
class DistanceSimilarityTest {

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
    void euclideanIsOneOverOnePlusTheDistanceOverCoRatedItems() {
        // u1, u2 share i1, i2: (5 − 3)² + (3 − 1)² = 4 + 4 = 8, d = √8 = 2.8284…, s = 1/(1 + 2.8284…) = 0.26120…
        assertThat(users(SimilarityOptions.of(Measure.EUCLIDEAN), 0, 1)).isCloseTo(0.2612038749637414, within(1e-12));
        // u1, u3 share i1, i2, i3: (5 − 4)² + (3 − 3)² + (4 − 4)² = 1, d = 1, s = 1/2
        assertThat(users(SimilarityOptions.of(Measure.EUCLIDEAN), 0, 2)).isEqualTo(0.5);
        // u1, u4 share i2, i3: (3 − 5)² + (4 − 1)² = 4 + 9 = 13, d = √13 = 3.6056…, s = 1/4.6056… = 0.21713…
        assertThat(users(SimilarityOptions.of(Measure.EUCLIDEAN), 0, 3)).isCloseTo(0.21712927295533244, within(1e-12));
    }

    @Test
    void msdIsOneOverOnePlusTheMeanSquaredDifference() {
        // u1, u2: Σ = 8 over n = 2, msd = 4, s = 1/(1 + 4) = 0.2
        assertThat(users(SimilarityOptions.of(Measure.MSD), 0, 1)).isCloseTo(0.2, within(1e-15));
        // u1, u3: Σ = 1 over n = 3, msd = 1/3, s = 1/(4/3) = 0.75
        assertThat(users(SimilarityOptions.of(Measure.MSD), 0, 2)).isCloseTo(0.75, within(1e-15));
        // u1, u4: Σ = 13 over n = 2, msd = 6.5, s = 1/7.5 = 0.1333…
        assertThat(users(SimilarityOptions.of(Measure.MSD), 0, 3)).isCloseTo(1 / 7.5, within(1e-15));
    }

    @Test
    void itemsAreComparedOverTheUsersWhoRatedBoth() {
        // i1 = (5, 3, 4, .), i2 = (3, 1, 3, 5) share u1, u2, u3: (5 − 3)² + (3 − 1)² + (4 − 3)² = 4 + 4 + 1 = 9
        // euclidean: d = 3, s = 1/4; msd: 9/3 = 3, s = 1/4
        assertThat(items(SimilarityOptions.of(Measure.EUCLIDEAN), 0, 1)).isEqualTo(0.25);
        assertThat(items(SimilarityOptions.of(Measure.MSD), 0, 1)).isEqualTo(0.25);
    }

    @Test
    void equalValuesGiveOneAndNoCoRatedEntryGivesZero() {
        Dataset d = DatasetBuilder.fromMatrix("flat", DatasetKind.EXPLICIT, new double[][] {
                {3, 3, N},
                {3, 3, N},
                {N, N, 5}});
        for (Measure m : List.of(Measure.EUCLIDEAN, Measure.MSD)) {
            Similarities s = new Similarities(d, Orientation.USERS, SimilarityOptions.of(m));
            // constant but equal vectors: d = 0, s = 1/(1 + 0) = 1 (Pearson would give 0 here)
            assertThat(s.pair(0, 1).value()).as("%s", m).isEqualTo(1);
            // nothing co-rated: no distance is defined, and the similarity is 0, not 1/(1 + 0)
            assertThat(s.pair(0, 2).value()).as("%s", m).isZero();
            assertThat(s.pair(0, 2).overlap()).isZero();
        }
    }

    @Test
    void shrinkageAndMinimumOverlapApplyAsToTheOtherMeasures() {
        // u1, u3: euclidean 1/2 with n = 3, λ = 3: 0.5 · 3/(3 + 3) = 0.25
        assertThat(users(SimilarityOptions.of(Measure.EUCLIDEAN).withShrinkage(3), 0, 2)).isCloseTo(0.25,
                within(1e-15));
        // u1, u2 share only 2 items: 0 below a minimum overlap of 3
        assertThat(users(SimilarityOptions.of(Measure.MSD).withMinOverlap(3), 0, 1)).isZero();
        assertThat(users(SimilarityOptions.of(Measure.MSD).withMinOverlap(3), 0, 2)).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void halfRatingsOnPlainVectors() {
        // a = (4.5, 2, .), b = (3, 2.5, 1): (4.5 − 3)² + (2 − 2.5)² = 2.25 + 0.25 = 2.5 over n = 2
        double[] a = {4.5, 2, N};
        double[] b = {3, 2.5, 1};
        // euclidean: 1/(1 + √2.5) = 1/2.5811… = 0.38743…
        assertThat(VectorSimilarity.of(a, b, SimilarityOptions.of(Measure.EUCLIDEAN), null).value())
                .isCloseTo(0.38742588672279304, within(1e-12));
        // msd: 2.5/2 = 1.25, 1/2.25 = 0.4444…
        VectorSimilarity msd = VectorSimilarity.of(a, b, SimilarityOptions.of(Measure.MSD), null);
        assertThat(msd.value()).isCloseTo(1 / 2.25, within(1e-15));
        assertThat(msd.overlap()).isEqualTo(2);
    }

    @Test
    void euclideanDerivationShowsTheSquaredDifferencesTheDistanceAndTheSimilarity() {
        PairSimilarity p = new Similarities(RATINGS, Orientation.USERS, SimilarityOptions.of(Measure.EUCLIDEAN))
                .explain(0, 1);
        List<Step> steps = p.derivation().steps();
        assertThat(steps.get(0).latex()).contains("Euclidean");
        Step squares = step(steps, "Sum of squared differences");
        assertThat(squares.value()).isEqualTo(8);
        assertThat(squares.substituted()).contains("(5 - 3)^2").contains("(3 - 1)^2");
        assertThat(step(steps, "Euclidean distance").value()).isCloseTo(Math.sqrt(8), within(1e-15));
        assertThat(p.derivation().result()).isEqualTo(p.value());
        assertThat(p.value()).isCloseTo(0.2612038749637414, within(1e-12));
    }

    @Test
    void msdDerivationShowsTheMeanOfTheSquaredDifferences() {
        PairSimilarity p = new Similarities(RATINGS, Orientation.USERS, SimilarityOptions.of(Measure.MSD))
                .explain(0, 3);
        List<Step> steps = p.derivation().steps();
        assertThat(step(steps, "Sum of squared differences").value()).isEqualTo(13);
        Step mean = step(steps, "Mean squared difference");
        assertThat(mean.value()).isEqualTo(6.5);
        assertThat(mean.substituted()).contains("13").contains("{2}");
        assertThat(p.derivation().result()).isEqualTo(p.value()).isCloseTo(1 / 7.5, within(1e-15));
    }

    @Test
    void emptyOverlapDerivationSaysZero() {
        Dataset d = DatasetBuilder.fromMatrix("apart", DatasetKind.EXPLICIT, new double[][] {{3, N}, {N, 4}});
        PairSimilarity p = new Similarities(d, Orientation.USERS, SimilarityOptions.of(Measure.EUCLIDEAN))
                .explain(0, 1);
        assertThat(p.derivation().steps()).extracting(Step::title).contains("No co-rated entries");
        assertThat(p.derivation().result()).isZero();
    }

    @Test
    void topKHoldsThePairValuesBestFirst() {
        Similarities s = new Similarities(RATINGS, Orientation.USERS, SimilarityOptions.of(Measure.MSD));
        SimilarityMatrix m = s.topK(3, Progress.NONE, Cancellation.NEVER);
        // u1's neighbours: u3 0.75, u2 0.2, u4 0.1333
        assertThat(m.neighbourCount(0)).isEqualTo(3);
        assertThat(m.neighbourAt(m.start(0))).isEqualTo(2);
        assertThat((double) m.similarityAt(m.start(0))).isEqualTo((double) (float) 0.75);
        assertThat(m.neighbourAt(m.start(0) + 2)).isEqualTo(3);
    }

    @Test
    void measuresAreNamedOnTheCommandLine() {
        assertThat(Measure.fromCliName("euclidean")).isEqualTo(Measure.EUCLIDEAN);
        assertThat(Measure.fromCliName("MSD")).isEqualTo(Measure.MSD);
        assertThat(Measure.cliNames()).contains("euclidean", "msd");
    }

    private static Step step(List<Step> steps, String titleStart) {
        return steps.stream().filter(s -> s.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + titleStart + " in " + steps));
    }
}
