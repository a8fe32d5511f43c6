package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Losses.Reduction;
import org.recworkbench.explain.Derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LossesTest {

    private static final double EXACT = 1e-12;

    @Test
    void meanSquaredErrorDividesBySize() {
        // errors 1 − 0 and 2 − 4: (1 + 4) / 2
        Derivation.Builder trace = Derivation.builder("mse");
        double mse = Losses.meanSquaredError(new double[] {1, 2}, new double[] {0, 4}, trace);

        assertThat(mse).isEqualTo(2.5);
        assertThat(trace.build().result()).isEqualTo(mse);
        assertThat(Losses.squaredErrors(new double[] {1, 2}, new double[] {0, 4})).containsExactly(1, 4);
    }

    @Test
    void crossEntropyIsMinusTheLogOfThePositives() {
        // −(1·ln 0.5 + 0·ln 0.9); the zero target adds nothing, even with ŷ = 0
        double[] y = {1, 0};
        assertThat(Losses.crossEntropy(y, new double[] {0.5, 0.9}, Reduction.SUM, Derivation.Builder.NONE))
                .isCloseTo(Math.log(2), within(EXACT));
        assertThat(Losses.crossEntropy(y, new double[] {0.5, 0.9}, Reduction.MEAN, Derivation.Builder.NONE))
                .isCloseTo(Math.log(2) / 2, within(EXACT));
        assertThat(Losses.crossEntropy(y, new double[] {0.5, 0}, Reduction.SUM, Derivation.Builder.NONE))
                .isCloseTo(Math.log(2), within(EXACT));
        assertThat(Losses.crossEntropyTerms(y, new double[] {0.5, 0.9})[1]).isEqualTo(0.0);
    }

    @Test
    void binaryCrossEntropyAddsTheNegatives() {
        // −ln 0.8 for the positive, −ln(1 − 0.3) for the negative
        double[] y = {1, 0};
        double[] yHat = {0.8, 0.3};
        Derivation.Builder trace = Derivation.builder("bce");
        double mean = Losses.binaryCrossEntropy(y, yHat, Reduction.MEAN, trace);

        assertThat(mean).isCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, within(EXACT));
        assertThat(trace.build().result()).isEqualTo(mean);
        assertThat(Losses.binaryCrossEntropy(y, yHat, Reduction.SUM, Derivation.Builder.NONE))
                .isCloseTo(-(Math.log(0.8) + Math.log(0.7)), within(EXACT));
    }

    @Test
    void binaryCrossEntropyOfASigmoidIsTheSoftplusOfTheLogit() {
        // what a network trained on logits z computes: −ln σ(z) = ln(1 + e^−z), −ln(1 − σ(z)) = ln(1 + e^z)
        for (double z : new double[] {-3, -0.5, 0, 0.7, 4}) {
            double p = 1 / (1 + Math.exp(-z));
            double[] terms = Losses.binaryCrossEntropyTerms(new double[] {1, 0}, new double[] {p, p});
            assertThat(terms[0]).isCloseTo(Math.log1p(Math.exp(-z)), within(1e-12));
            assertThat(terms[1]).isCloseTo(Math.log1p(Math.exp(z)), within(1e-12));
        }
    }

    @Test
    void refusesMismatchedOrImpossibleInputs() {
        assertThatThrownBy(() -> Losses.meanSquaredError(new double[] {1}, new double[] {1, 2},
                Derivation.Builder.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> Losses.meanSquaredError(new double[0], new double[0], Derivation.Builder.NONE))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Losses.crossEntropy(new double[] {1}, new double[] {1.2}, Reduction.SUM,
                Derivation.Builder.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("[0, 1]");
    }
}
