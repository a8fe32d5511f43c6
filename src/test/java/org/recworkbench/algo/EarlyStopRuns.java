package org.recworkbench.algo;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What the early-stop tests of the iterative algorithms share: a small seeded dataset and the common checks. */
public final class EarlyStopRuns {

    private EarlyStopRuns() {
    }

    /**
     * Interactions of three taste groups over 80 users and 60 items: a user meets an item of its group with
     * probability 0.4 and any other with 0.1, so held-out items are predictable, and many factors overfit the rest.
     */
    public static Dataset clustered() {
        DatasetBuilder b = new DatasetBuilder("clustered", DatasetKind.IMPLICIT);
        SplittableRandom random = new SplittableRandom(21);
        for (int u = 0; u < 80; u++) {
            for (int i = 0; i < 60; i++) {
                if (random.nextDouble() < (u % 3 == i % 3 ? 0.4 : 0.1)) {
                    b.add("u" + u, "i" + i, 1);
                }
            }
        }
        return b.build();
    }

    /** A fitted model and the number of epochs its trainer reported. */
    public record Run(IterativeModel model, int epochsReported) {
    }

    public static Run fit(String algorithm, Dataset d, List<String> assignments, String... more) {
        Algorithm<?> a = AlgorithmRegistry.require(algorithm);
        List<String> all = new ArrayList<>(assignments);
        all.addAll(List.of(more));
        int[] epochs = new int[1];
        Progress counting = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void loss(int epoch, double loss) {
                epochs[0]++;
            }
        };
        Model m = a.fit(d, ParamValues.parse(a.params(), all), counting, Cancellation.NEVER);
        return new Run((IterativeModel) m, epochs[0]);
    }

    /**
     * An overfitting configuration with {@code early-stop=N} stops before {@code limit} epochs, exactly N epochs
     * after the one it keeps (whose loss curve it returns), and records N; with {@code early-stop=0} it trains
     * exactly as without the option: the same loss curve and the same scores.
     */
    public static void assertStopsEarlyAndZeroTrainsAsBefore(String algorithm, Dataset d, int limit,
                                                             List<String> overfitting, int patience) {
        Run full = fit(algorithm, d, overfitting);
        assertThat(full.model().lossCurve()).as("without early stop").hasSize(limit);
        Run stopped = fit(algorithm, d, overfitting, "early-stop=" + patience);
        int kept = stopped.model().lossCurve().length;
        assertThat(kept).as("kept epoch").isGreaterThan(0).isLessThan(limit - patience);
        assertThat(stopped.epochsReported()).as("epochs run").isEqualTo(kept + patience);
        assertThat(stopped.model().params().getInt("early-stop")).isEqualTo(patience);
        // the same seed and no early stop trains exactly as before the option existed
        Run zero = fit(algorithm, d, overfitting, "early-stop=0");
        assertThat(zero.model().lossCurve()).containsExactly(full.model().lossCurve());
        assertThat(zero.epochsReported()).isEqualTo(limit);
        for (int u = 0; u < d.userCount(); u += 9) {
            assertThat(zero.model().scoreAll(u)).containsExactly(full.model().scoreAll(u));
            assertThat(stopped.model().scoreAll(u)).isNotEqualTo(full.model().scoreAll(u));
        }
    }
}
