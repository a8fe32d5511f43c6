package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.CancelledException;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every trainer stops between epochs once cancelled, after reporting the epochs it finished. */
class CancellationTest {

    @Test
    void trainersStopAfterTheEpochDuringWhichTheyWereCancelled() {
        Dataset d = LowRank.matrix(30, 20, 3);
        for (String id : List.of("biased-mf", "als", "implicit-als", "bpr", "ncf")) {
            Algorithm<?> a = AlgorithmRegistry.require(id);
            AtomicBoolean cancelled = new AtomicBoolean();
            List<Integer> epochs = new ArrayList<>();
            Progress progress = new Progress() {
                @Override
                public void report(double fraction, String message) {
                }

                @Override
                public void loss(int epoch, double loss) {
                    epochs.add(epoch);
                    cancelled.set(true);
                }
            };
            assertThatThrownBy(() -> a.fit(d, a.defaults(), progress, cancelled::get)).as(id)
                    .isInstanceOf(CancelledException.class);
            assertThat(epochs).as(id).containsExactly(1);
        }
    }
}
