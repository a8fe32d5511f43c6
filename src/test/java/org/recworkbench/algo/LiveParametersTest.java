package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every live (rescore-only) parameter of every registered algorithm moves something a user can see on a small
 * sample: the top-N list, its scores or an explanation. A live parameter that moves nothing is a dead slider.
 * The sample has more items than the kNN pool (100), so the two neighbour rules differ.
 */
class LiveParametersTest {

    private static final int USERS = 60;
    private static final int ITEMS = 300;

    private static Dataset sample() {
        SplittableRandom random = new SplittableRandom(7);
        String[] words = {"red", "green", "blue", "car", "apple", "war", "love", "space"};
        DatasetBuilder b = new DatasetBuilder("live", DatasetKind.EXPLICIT);
        for (int i = 0; i < ITEMS; i++) {
            b.item("i" + i, "Item " + i, new String[] {"c" + i % 4, "c" + (i % 3 + 4)},
                    words[i % words.length] + " " + words[(i / 3) % words.length] + " " + words[(i * 7) % 5]);
        }
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                if (random.nextDouble() < 0.15) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    /** A value other than the default: the next choice, the negated flag, the range end farthest away. */
    private static Object otherValue(ParamSpec spec, Object current) {
        return switch (spec.type()) {
            case CHOICE -> spec.choices().get((spec.choices().indexOf(current.toString()) + 1) % spec.choices().size());
            case FLAG -> !(Boolean) current;
            case INTEGER -> {
                int v = ((Number) current).intValue();
                yield v - spec.min() > spec.max() - v ? (int) spec.min() : (int) spec.max();
            }
            case REAL -> {
                double v = ((Number) current).doubleValue();
                yield v - spec.min() > spec.max() - v ? spec.min() : spec.max();
            }
        };
    }

    private static Object current(ParamValues v, ParamSpec spec) {
        return switch (spec.type()) {
            case CHOICE -> v.getChoice(spec.name());
            case FLAG -> v.getFlag(spec.name());
            case INTEGER -> v.getInt(spec.name());
            case REAL -> v.getDouble(spec.name());
        };
    }

    /** What a user sees: each sample user's scores, top 10 and the explanations of those items. */
    private static List<String> visible(Model m) {
        List<String> seen = new ArrayList<>();
        for (int u = 0; u < 8; u++) {
            seen.add(java.util.Arrays.toString(m.scoreAll(u)));
            ScoredItems top = m.recommend(u, 10);
            for (int r = 0; r < top.size(); r++) {
                seen.add(u + ":" + top.item(r) + "=" + top.score(r));
                Explanation e = m.explain(u, top.item(r));
                seen.add(e.score() + "/" + e.prediction() + "/" + e.contributions().stream()
                        .map(c -> c.id() + c.amount() + c.label() + c.values()).toList() + "/" + e.derivation().toText());
            }
        }
        return seen;
    }

    @Test
    void everyLiveParameterChangesTheListTheScoresOrTheExplanation() {
        Dataset data = sample();
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Algorithm<?> algorithm : AlgorithmRegistry.all()) {
            // the components' live parameters too: a hybrid's cf.k, MMR's base.k
            List<ParamSpec> live = algorithm.defaults().specs().stream().filter(ParamSpec::rescoreOnly).toList();
            if (live.isEmpty()) {
                continue;
            }
            ParamValues defaults = algorithm.defaults();
            Model model = algorithm.fit(data, defaults, Progress.NONE, Cancellation.NEVER);
            List<String> before = visible(model);
            for (ParamSpec spec : live) {
                ParamValues changed = defaults.with(spec.name(), otherValue(spec, current(defaults, spec)));
                Model rescored = model.withParams(changed).orElseThrow(() -> new AssertionError(algorithm.id()
                        + ": " + spec.name() + " is live but withParams refits"));
                checked++;
                if (visible(rescored).equals(before)) {
                    dead.add(algorithm.id() + " " + spec.name() + "=" + current(changed, spec));
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(dead).as("live parameters that change nothing").isEmpty();
    }
}
