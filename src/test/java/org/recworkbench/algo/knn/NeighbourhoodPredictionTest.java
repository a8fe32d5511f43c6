package org.recworkbench.algo.knn;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.knn.NeighbourhoodPrediction.Denominator;
import org.recworkbench.explain.Derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NeighbourhoodPredictionTest {

    @Test
    void theDenominatorChoiceIsTheOnlyDifference() {
        // base 3, Σ s·d = 2, Σ|s| = 1.25
        assertThat(NeighbourhoodPrediction.combine(3, 1, 2, 1.25, Denominator.SUM_ABS_SIMILARITY)).isEqualTo(4.6);
        assertThat(NeighbourhoodPrediction.combine(3, 1, 2, 1.25, Denominator.NONE)).isEqualTo(5);
        // z-scores: the target's σ scales the weighted deviation back
        assertThat(NeighbourhoodPrediction.combine(3, 2, 2, 1.25, Denominator.SUM_ABS_SIMILARITY)).isEqualTo(6.2);
    }

    @Test
    void withoutUsableNeighboursOnlyTheNormalisedPredictionIsUndefined() {
        assertThat(NeighbourhoodPrediction.combine(3, 1, 0, 0, Denominator.SUM_ABS_SIMILARITY)).isNaN();
        assertThat(NeighbourhoodPrediction.combine(3, 1, 0, 0, Denominator.NONE)).isEqualTo(3);
    }

    @Test
    void negativeSimilaritiesCountByMagnitudeInTheDenominator() {
        // neighbours (s = 0.8, r = 5, mean 4) and (s = −0.4, r = 2, mean 3): Σ s·d = 0.8 + 0.4, Σ|s| = 1.2
        double[] sims = {0.8, -0.4};
        Derivation.Builder trace = Derivation.builder("prediction");
        double sum = NeighbourhoodPrediction.weightedDeviations(new String[] {"v", "w"}, sims, new double[] {5, 2},
                new double[] {4, 3}, trace);
        double abs = NeighbourhoodPrediction.sumAbsSimilarity(sims, trace);
        double prediction = NeighbourhoodPrediction.meanCentred("Prediction", 3, sum, abs,
                Denominator.SUM_ABS_SIMILARITY, trace);

        assertThat(sum).isCloseTo(1.2, within(1e-12));
        assertThat(abs).isCloseTo(1.2, within(1e-12));
        assertThat(prediction).isCloseTo(4, within(1e-12));
        assertThat(trace.build().result()).isEqualTo(prediction);
    }
}
