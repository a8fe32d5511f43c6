package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.IncrementalUser;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A user's factors kept by rank-one updates equal one solve of the whole profile, and the solve is right. */
class IncrementalUserTest {

    private static Dataset ratings() {
        SplittableRandom random = new SplittableRandom(5);
        DatasetBuilder b = new DatasetBuilder("r", DatasetKind.EXPLICIT);
        for (int u = 0; u < 50; u++) {
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    /** Random events, some changing a value already given, applied one at a time. */
    private static TreeMap<Integer, Double> replay(IncrementalUser user, TreeMap<Integer, Double> profile,
                                                   SplittableRandom random, int items) {
        for (int e = 0; e < 60; e++) {
            int item = random.nextInt(items);
            double value = 1 + random.nextInt(5);
            Double previous = profile.put(item, value);
            user.set(item, value, previous == null ? Double.NaN : previous);
            user.solve();
        }
        return profile;
    }

    private static UserProfile asProfile(TreeMap<Integer, Double> p) {
        return new UserProfile(p.keySet().stream().mapToInt(Integer::intValue).toArray(),
                p.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"als", "implicit-als"})
    void updatesEqualTheModelsOwnFoldInOfTheFinalProfile(String id) {
        Dataset d = ratings();
        var algorithm = AlgorithmRegistry.require(id);
        Model model = algorithm.fit(d, algorithm.defaults().with("factors", 8), Progress.NONE, Cancellation.NEVER);
        TreeMap<Integer, Double> start = new TreeMap<>(java.util.Map.of(1, 4.0, 7, 2.0));
        IncrementalUser user = model.incrementalUser(asProfile(start)).orElseThrow();
        TreeMap<Integer, Double> end = replay(user, new TreeMap<>(start), new SplittableRandom(9), d.itemCount());
        FoldIn folded = model.foldIn(asProfile(end)).orElseThrow();
        assertThat(user.scores()).containsExactly(folded.scores(), within(1e-9));
    }

    @Test
    void biasedMfUpdatesEqualAFreshSolveOfTheFinalProfile() {
        Dataset d = ratings();
        var algorithm = AlgorithmRegistry.require("biased-mf");
        Model model = algorithm.fit(d, algorithm.defaults().with("factors", 8), Progress.NONE, Cancellation.NEVER);
        IncrementalUser user = model.incrementalUser(new UserProfile(new int[0], new double[0])).orElseThrow();
        TreeMap<Integer, Double> end = replay(user, new TreeMap<>(), new SplittableRandom(4), d.itemCount());
        IncrementalUser fresh = model.incrementalUser(asProfile(end)).orElseThrow();
        assertThat(user.parameters()).containsExactly(fresh.parameters(), within(1e-9));
        assertThat(user.scores()).containsExactly(fresh.scores(), within(1e-9));
    }

    /**
     * Two items with one factor each, q = (1, 2), μ = 3, b_i = (0.5, −0.5), λ_b = 0.1, λ = 0.2; ratings 4 and 2.
     * z = (1, q): Σzzᵀ = [[2, 3], [3, 5]], plus n·diag(λ_b, λ) = diag(0.2, 0.4); targets r − μ − b_i = 0.5, −0.5, so
     * b = 0.5·(1, 1) − 0.5·(1, 2) = (0, −0.5). det = 2.2·5.4 − 9 = 2.88; x = (1/2.88)·(1.5, −1.1).
     */
    @Test
    void biasedMfSolvesTheRegularisedLeastSquaresWorkedByHand() {
        Factors q = new Factors(2, 1);
        q.values[0] = 1;
        q.values[1] = 2;
        LeastSquaresUser user = new LeastSquaresUser(LeastSquaresUser.biased(q, 3, new double[] {0.5, -0.5}, 0.1, false,
                0.2), new UserProfile(new int[] {0, 1}, new double[] {4, 2}));
        assertThat(user.parameters()).containsExactly(new double[] {1.5 / 2.88, -1.1 / 2.88}, within(1e-12));
        double bu = 1.5 / 2.88;
        double pu = -1.1 / 2.88;
        assertThat(user.scores()).containsExactly(new double[] {3 + bu + 0.5 + pu, 3 + bu - 0.5 + 2 * pu},
                within(1e-12));
    }

    @Test
    void aChangedRatingReplacesItsOldContribution() {
        Factors q = new Factors(2, 1);
        q.values[0] = 1;
        q.values[1] = 2;
        LeastSquaresUser.Form form = LeastSquaresUser.biased(q, 3, new double[] {0.5, -0.5}, 0.1, false, 0.2);
        LeastSquaresUser changed = new LeastSquaresUser(form, new UserProfile(new int[] {0, 1}, new double[] {1, 2}));
        changed.set(0, 4, 1);
        changed.solve();
        LeastSquaresUser direct = new LeastSquaresUser(form, new UserProfile(new int[] {0, 1}, new double[] {4, 2}));
        assertThat(changed.parameters()).containsExactly(direct.parameters(), within(1e-12));
        assertThat(Arrays.stream(changed.parameters()).allMatch(Double::isFinite)).isTrue();
    }
}
