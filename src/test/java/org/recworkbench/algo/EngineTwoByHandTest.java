package org.recworkbench.algo;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.content.SeedLatentAlgorithm;
import org.recworkbench.algo.graph.RandomWalkAlgorithm;
import org.recworkbench.algo.linear.EaseAlgorithm;
import org.recworkbench.algo.rerank.MmrAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.algo.AlgorithmsByHandTest.fit;

/** EASE, the random walks, the seed 002 model and MMR on matrices small enough to follow by hand. */
class EngineTwoByHandTest {

    private static final Dataset FOUR_BY_THREE = DatasetBuilder.fromMatrix("ease", DatasetKind.IMPLICIT,
            new double[][] {{1, 1, 0}, {0, 1, 1}, {1, 1, 1}, {0, 0, 1}});

    @Test
    void easeWeightsMatchADirectDenseInverseAndHaveAZeroDiagonal() {
        EaseAlgorithm.EaseModel m = (EaseAlgorithm.EaseModel) fit(new EaseAlgorithm(), FOUR_BY_THREE, "lambda=1");
        // XᵀX + λI = [[3, 2, 1], [2, 4, 2], [1, 2, 4]]
        RealMatrix g = new Array2DRowRealMatrix(new double[][] {{3, 2, 1}, {2, 4, 2}, {1, 2, 4}});
        RealMatrix p = new LUDecomposition(g).getSolver().getInverse();
        for (int i = 0; i < 3; i++) {
            assertThat(m.weight(i, i)).isZero();
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertThat(m.weight(i, j)).isCloseTo(-p.getEntry(i, j) / p.getEntry(j, j), within(1e-6));
                }
            }
        }
        // user 4 has only i3: the score of i1 is B_31
        assertThat(m.scoreAll(3)[0]).isEqualTo(m.weight(2, 0));
        assertThat(m.explain(3, 0).derivation().result()).isEqualTo(m.scoreAll(3)[0]);
    }

    @Test
    void easeRefusesCataloguesAboveTheLimitWithAnEstimate() {
        assertThatThrownBy(() -> fit(new EaseAlgorithm(), FOUR_BY_THREE, "max-items=2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ease on 3 items needs 0.0 GiB and about 0 s; the limit is 2 items");
        assertThat(EaseAlgorithm.estimate(20000)).isEqualTo("7.5 GiB and about 4000 s");
    }

    private static final Dataset WALK = DatasetBuilder.fromMatrix("walk", DatasetKind.IMPLICIT,
            new double[][] {{1, 1, 0}, {0, 1, 1}, {1, 0, 0}});

    @Test
    void p3alphaSumsThreeStepPathProbabilities() {
        // W_1· = (3/4, 1/4, 0), W_2· = (1/4, 1/2, 1/4), W_3· = (0, 1/2, 1/2)
        Model m = fit(RandomWalkAlgorithm.p3alpha(), WALK);
        assertThat(m.scoreAll(2)).containsExactly(new double[] {0.75, 0.25, 0}, within(1e-7));
        assertThat(m.scoreAll(0)).containsExactly(new double[] {0.5, 0.375, 0.125}, within(1e-7));
        assertThat(m.recommend(0, 1).items()).containsExactly(2);
        assertThat(m.explain(0, 2).contributions()).extracting(Contribution::id).containsExactly("i2");
        // with k = 1 row i2 keeps only W_22, so the path to i3 is gone
        assertThat(fit(RandomWalkAlgorithm.p3alpha(), WALK, "k=1").scoreAll(0)[2]).isZero();
        // α = 2 squares every step: W_11 = (1/2)²(1/2)² + (1/2)²·1² = 5/16; u3 has one item (1² = 1)
        assertThat(fit(RandomWalkAlgorithm.p3alpha(), WALK, "alpha=2").scoreAll(2)[0]).isCloseTo(5.0 / 16,
                within(1e-7));
    }

    @Test
    void rp3betaDividesByTargetPopularityToTheBeta() {
        Model m = fit(RandomWalkAlgorithm.rp3beta(), WALK, "beta=1");
        // |U| = (2, 2, 1): W'_1· = (3/8, 1/8, 0)
        assertThat(m.scoreAll(2)).containsExactly(new double[] {0.375, 0.125, 0}, within(1e-7));
        assertThat(m.scoreAll(0)[2]).isCloseTo(0.5 * 0.25, within(1e-7));
    }

    @Test
    void seedArticle002ModelIsMeanInterestPlusCategoryInterestMinusAlpha() {
        Dataset d = new DatasetBuilder("cats", DatasetKind.EXPLICIT)
                .item("i1", "a", new String[] {"A"}, "")
                .item("i2", "ab", new String[] {"A", "B"}, "")
                .item("i3", "b", new String[] {"B"}, "")
                .item("i4", "c", new String[] {"C"}, "")
                .add("u1", "i1", 4).add("u1", "i2", 5).add("u2", "i4", 3)
                .build();
        Model m = fit(new SeedLatentAlgorithm(), d, "alpha=0.1");
        // u = (1, 1/2, 0), μ = 1/2: i3 → 0.5 + 0.5 − 0.1, i4 → 0.5 + 0 − 0.1
        assertThat(m.scoreAll(0)[2]).isCloseTo(0.9, within(1e-12));
        assertThat(m.scoreAll(0)[3]).isCloseTo(0.4, within(1e-12));
        assertThat(m.explain(0, 2).derivation().result()).isEqualTo(m.scoreAll(0)[2]);
        assertThat(m.withParams(m.params().with("alpha", 0.0)).orElseThrow().scoreAll(0)[2])
                .isCloseTo(1.0, within(1e-12));
        FoldIn newcomer = m.foldIn(new UserProfile(new int[] {0, 1}, new double[] {4, 5})).orElseThrow();
        assertThat(newcomer.scores()).containsExactly(m.scoreAll(0));
    }

    @Test
    void mmrPushesANearDuplicateBelowADifferentItem() {
        // popularity i1 5 > i2 4 > i3 3; i1 and i2 share their users, i3 has others; u6 has seen only i4
        Dataset d = new DatasetBuilder("dupes", DatasetKind.IMPLICIT)
                .add("u1", "i1", 1).add("u1", "i2", 1).add("u2", "i1", 1).add("u2", "i2", 1)
                .add("u3", "i1", 1).add("u3", "i2", 1).add("u4", "i1", 1).add("u4", "i2", 1)
                .add("u5", "i1", 1).add("u7", "i3", 1).add("u8", "i3", 1).add("u9", "i3", 1)
                .add("u6", "i4", 1)
                .build();
        int u6 = d.users().indexOf("u6");
        Model relevanceOnly = fit(new MmrAlgorithm(), d, "base=popular", "lambda=1");
        assertThat(relevanceOnly.recommend(u6, 3).items()).containsExactly(0, 1, 2);
        Model diverse = fit(new MmrAlgorithm(), d, "base=popular", "lambda=0.5");
        assertThat(diverse.recommend(u6, 3).items()).containsExactly(0, 2, 1);
        Explanation e = diverse.explain(u6, 1);
        // rel(i2) = (4 − 3)/(5 − 3) = 0.5; cos(i1, i2) = 4/√(5·4); value = 0.5·0.5 − 0.5·0.894
        double cos = 4 / Math.sqrt(20);
        assertThat(e.score()).isCloseTo(0.25 - 0.5 * cos, within(1e-12)).isEqualTo(e.derivation().result());
        assertThat(e.contributions().get(1).label()).isEqualTo("i1");
        assertThat(diverse.withParams(diverse.params().with("lambda", 1.0)).orElseThrow().recommend(u6, 3).items())
                .containsExactly(0, 1, 2);
    }
}
