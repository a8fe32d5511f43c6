package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hybrid's and MMR's components take their own parameters under a prefix: cf.k, content.tf, base.cf.k. */
class ComponentParamsTest {

    private static final Algorithm<?> HYBRID = AlgorithmRegistry.require("hybrid");
    private static final Algorithm<?> MMR = AlgorithmRegistry.require("mmr");

    private static Dataset sample() {
        DatasetBuilder b = new DatasetBuilder("components", DatasetKind.EXPLICIT);
        int[][] r = {
                {5, 3, 0, 1, 4, 0}, {4, 0, 0, 1, 5, 2}, {1, 1, 0, 5, 0, 4}, {1, 0, 0, 4, 1, 5}, {0, 1, 5, 4, 0, 3},
                {2, 4, 4, 0, 3, 1}, {5, 5, 1, 0, 4, 0}};
        for (int u = 0; u < r.length; u++) {
            for (int i = 0; i < r[u].length; i++) {
                if (r[u][i] > 0) {
                    b.add("u" + u, "i" + i, r[u][i]);
                }
            }
        }
        return b.build();
    }

    @Test
    void componentParametersAreListedFlatAfterTheirComponentWithTheComponentsDefaults() {
        ParamValues v = HYBRID.defaults();
        List<String> names = v.specs().stream().map(ParamSpec::name).toList();
        int cf = names.indexOf("cf");
        assertThat(names.get(cf + 1)).isEqualTo("cf.k");
        assertThat(v.asMap()).containsEntry("cf.k", AlgorithmRegistry.require("item-knn").defaults().getInt("k"));
        assertThat(names).contains("content.tf");
        assertThat(v.spec("cf.k").rescoreOnly()).isTrue();
        assertThat(v.spec("cf.k").description()).contains("First component (item-knn)");
    }

    @Test
    void theCliFormSetsComponentParametersInAnyOrder() {
        ParamValues v = ParamValues.parse(HYBRID.params(), List.of("cf.k=40", "cf.similarity=pearson",
                "cf=user-knn", "alpha=0.7"));
        assertThat(v.asMap()).containsEntry("cf", "user-knn").containsEntry("cf.k", 40)
                .containsEntry("cf.similarity", "pearson").containsEntry("alpha", 0.7);
        assertThat(v.component("cf")).isEqualTo(ParamValues.parse(AlgorithmRegistry.require("user-knn").params(),
                List.of("k=40", "similarity=pearson")));
    }

    @Test
    void choosingAnotherComponentAlgorithmReplacesItsParameters() {
        ParamValues v = HYBRID.defaults().with("cf.k", 7).with("cf", "ease");
        assertThat(v.asMap()).doesNotContainKey("cf.k").containsKey("cf.lambda");
        assertThatThrownBy(() -> v.with("cf.k", 5)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown parameter \"cf.k\"").hasMessageContaining("cf.lambda");
        assertThatThrownBy(() -> HYBRID.defaults().with("cf.k", 0)).hasMessageStartingWith("cf.k must be");
    }

    @Test
    void nestedComponentsNestTheirPrefixes() {
        ParamValues v = ParamValues.parse(MMR.params(), List.of("base=hybrid", "base.cf.k=12", "base.alpha=0.3"));
        assertThat(v.asMap()).containsEntry("base.cf.k", 12).containsEntry("base.alpha", 0.3);
        assertThat(v.component("base").component("cf").getInt("k")).isEqualTo(12);
    }

    @Test
    void theFittedComponentUsesItsParametersAndStoredRunsRoundTrip() {
        Dataset d = sample();
        ParamValues v = ParamValues.parse(HYBRID.params(), List.of("cf=item-knn", "cf.k=1", "alpha=1"));
        Model hybrid = HYBRID.fit(d, v, Progress.NONE, Cancellation.NEVER);
        assertThat(hybrid.params()).isEqualTo(v);
        var knn = AlgorithmRegistry.require("item-knn");
        Model k1 = knn.fit(d, knn.defaults().with("k", 1), Progress.NONE, Cancellation.NEVER);
        Model kDefault = knn.fit(d, knn.defaults(), Progress.NONE, Cancellation.NEVER);
        // at α = 1 the hybrid ranks as its first component: the k = 1 one, not the default one
        for (int u = 0; u < d.userCount(); u++) {
            assertThat(hybrid.recommend(u, 3).items()).containsExactly(k1.recommend(u, 3).items());
        }
        boolean differs = false;
        for (int u = 0; u < d.userCount(); u++) {
            differs |= !java.util.Arrays.equals(k1.recommend(u, 3).items(), kDefault.recommend(u, 3).items());
        }
        assertThat(differs).as("k = 1 and the default k must rank differently somewhere").isTrue();
        // a stored run keeps name=value text; reading it back gives the same values
        List<String> stored = v.asMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        assertThat(ParamValues.parse(HYBRID.params(), stored)).isEqualTo(v);
    }

    @Test
    void aLiveComponentParameterReScoresWithoutRefitAndAnotherComponentNeedsARefit() {
        Dataset d = sample();
        ParamValues v = ParamValues.parse(HYBRID.params(), List.of("alpha=1"));
        Model hybrid = HYBRID.fit(d, v, Progress.NONE, Cancellation.NEVER);
        ParamValues k1 = v.with("cf.k", 1);
        Model rescored = hybrid.withParams(k1).orElseThrow();
        Model refitted = HYBRID.fit(d, k1, Progress.NONE, Cancellation.NEVER);
        for (int u = 0; u < d.userCount(); u++) {
            assertThat(rescored.scoreAll(u)).containsExactly(refitted.scoreAll(u));
        }
        assertThat(rescored.params()).isEqualTo(k1);
        assertThat(hybrid.withParams(v.with("cf", "user-knn"))).isEmpty();
        assertThat(hybrid.withParams(v.with("content.bigrams", true))).as("a fitted-state parameter").isEmpty();
    }

    @Test
    void mmrReScoresItsBaseLive() {
        Dataset d = sample();
        Model mmr = MMR.fit(d, MMR.defaults(), Progress.NONE, Cancellation.NEVER);
        ParamValues k1 = MMR.defaults().with("base.k", 1);
        Model rescored = mmr.withParams(k1).orElseThrow();
        Model refitted = MMR.fit(d, k1, Progress.NONE, Cancellation.NEVER);
        for (int u = 0; u < d.userCount(); u++) {
            assertThat(rescored.recommend(u, 3).items()).containsExactly(refitted.recommend(u, 3).items());
        }
    }
}
