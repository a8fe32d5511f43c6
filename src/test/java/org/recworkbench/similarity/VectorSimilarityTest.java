package org.recworkbench.similarity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Two plain vectors give what the similarity matrices give for the same two rows: one formula, one path. */
class VectorSimilarityTest {

    private static final double N = Double.NaN;

    static Stream<Long> seeds() {
        return LongStream.range(1, 41).boxed();
    }

    private static final List<SimilarityOptions> OPTIONS = List.of(
            SimilarityOptions.of(Measure.COSINE),
            SimilarityOptions.of(Measure.COSINE).withCoRatedNorms(true),
            SimilarityOptions.of(Measure.PEARSON),
            SimilarityOptions.of(Measure.PEARSON).withVectorMeans(true),
            SimilarityOptions.of(Measure.JACCARD),
            SimilarityOptions.of(Measure.PEARSON).withShrinkage(3).withMinOverlap(2));

    /** Two rows over up to 12 positions, values in eighths (exact as floats), some missing (NaN). */
    private static double[][] rows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = 2 + random.nextInt(11);
        double[][] rows = new double[2][length];
        for (double[] row : rows) {
            for (int c = 0; c < length; c++) {
                row[c] = random.nextDouble() < 0.3 ? N : random.nextInt(41) / 8.0 - 1;
            }
        }
        return rows;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsTheDatasetPairForEveryMeasure(long seed) {
        double[][] rows = rows(seed);
        Dataset data = DatasetBuilder.fromMatrix("two", DatasetKind.EXPLICIT, rows);
        for (SimilarityOptions o : OPTIONS) {
            PairSimilarity expected = new Similarities(data, Orientation.USERS, o).pair(0, 1);
            VectorSimilarity plain = VectorSimilarity.of(rows[0], rows[1], o, null);
            VectorSimilarity explained = VectorSimilarity.explain("a", rows[0], "b", rows[1], o, null);

            assertThat(plain.value()).as("seed %d, %s", seed, o).isEqualTo(expected.value());
            assertThat(plain.overlap()).isEqualTo(expected.overlap());
            assertThat(explained.value()).isEqualTo(expected.value());
            assertThat(explained.derivation().result()).isEqualTo(expected.value());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void givenMeansOnTheCoRatedPartEqualVectorMeansOnTheWholeRows(long seed) {
        double[][] rows = rows(seed);
        SimilarityOptions o = SimilarityOptions.of(Measure.PEARSON).withVectorMeans(true);
        Dataset data = DatasetBuilder.fromMatrix("two", DatasetKind.EXPLICIT, rows);
        double expected = new Similarities(data, Orientation.USERS, o).pair(0, 1).value();
        double[] means = {mean(rows[0]), mean(rows[1])};
        double[][] coRated = new double[2][rows[0].length];
        for (int c = 0; c < rows[0].length; c++) {
            boolean both = !Double.isNaN(rows[0][c]) && !Double.isNaN(rows[1][c]);
            coRated[0][c] = both ? rows[0][c] : N;
            coRated[1][c] = both ? rows[1][c] : N;
        }

        assertThat(VectorSimilarity.of(coRated[0], coRated[1], o, means).value()).as("seed %d", seed)
                .isCloseTo(expected, within(1e-12));
    }

    private static double mean(double[] row) {
        double s = 0;
        int n = 0;
        for (double x : row) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    @Test
    void pearsonCentresTheCoRatedEntriesByTheirMeans() {
        // co-rated positions 1 and 4: a = (1, 5), b = (2, 6); means 3 and 4; centred (−2, 2) both
        VectorSimilarity s = VectorSimilarity.of(new double[] {1, N, 3, 5}, new double[] {2, 4, N, 6},
                SimilarityOptions.of(Measure.PEARSON), null);

        assertThat(s.overlap()).isEqualTo(2);
        assertThat(s.meanA()).isEqualTo(3);
        assertThat(s.meanB()).isEqualTo(4);
        assertThat(s.centredA()).containsExactly(-2, 2);
        assertThat(s.products()).containsExactly(4, 4);
        assertThat(s.numerator()).isEqualTo(8);
        assertThat(s.sumSquaresA()).isEqualTo(8);
        assertThat(s.denominator()).isCloseTo(8, within(1e-12));
        assertThat(s.value()).isCloseTo(1, within(1e-12));
    }

    @Test
    void cosineTakesNormsOverAllEntriesAndTheDotOverTheCoRatedOnes() {
        // dot over positions 1 and 4: 1·2 + 5·6; Σa² = 1 + 9 + 25, Σb² = 4 + 16 + 36; zeros are entries
        VectorSimilarity s = VectorSimilarity.of(new double[] {1, N, 3, 5, 0}, new double[] {2, 4, N, 6, 0},
                SimilarityOptions.of(Measure.COSINE), null);

        assertThat(s.overlap()).isEqualTo(3);
        assertThat(s.numerator()).isEqualTo(32);
        assertThat(s.squaresA()).containsExactly(1, 9, 25, 0);
        assertThat(s.sumSquaresA()).isEqualTo(35);
        assertThat(s.sumSquaresB()).isEqualTo(56);
        assertThat(s.value()).isCloseTo(32 / Math.sqrt(35 * 56), within(1e-12));
    }

    @Test
    void refusesWhatTwoLoneVectorsCannotDefine() {
        double[] a = {1, 2};
        assertThatThrownBy(() -> VectorSimilarity.of(a, new double[] {1}, SimilarityOptions.of(Measure.COSINE), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> VectorSimilarity.of(a, a, SimilarityOptions.of(Measure.ADJUSTED_COSINE), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Adjusted cosine");
        assertThatThrownBy(() -> VectorSimilarity.of(a, a, SimilarityOptions.of(Measure.COSINE),
                new double[] {1, 2})).isInstanceOf(InvalidInputException.class);
    }
}
