package org.recworkbench.algo.hybrid;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fitted model may be a hybrid component; at α = 1 the hybrid ranks as its first component alone. */
class HybridComponentsTest {

    private static Dataset ratings() {
        DatasetBuilder b = new DatasetBuilder("r", DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 25; i++) {
            b.item("i" + i, "item " + i, new String[] {i % 2 == 0 ? "even" : "odd"}, "word" + (i % 5) + " text");
        }
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 25; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    @Test
    void everyFittedModelCanBeTheFirstComponentAndAtAlphaOneItAloneRanks() {
        Dataset d = ratings();
        var hybrid = AlgorithmRegistry.require("hybrid");
        for (String id : List.of("biased-mf", "als", "implicit-als", "bpr", "ease", "p3alpha", "rp3beta", "ncf")) {
            ParamValues p = ParamValues.parse(hybrid.params(), List.of("cf=" + id, "alpha=1"));
            Model blended = hybrid.fit(d, p, Progress.NONE, Cancellation.NEVER);
            var component = AlgorithmRegistry.require(id);
            Model alone = component.fit(d, component.defaults(), Progress.NONE, Cancellation.NEVER);
            assertThat(blended.recommend(3, 5).items()).as(id).containsExactly(alone.recommend(3, 5).items());
            assertThat(blended.explain(3, blended.recommend(3, 1).item(0)).contributions()).as(id).isNotEmpty();
        }
    }
}
