package org.recworkbench.ui.tune;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.session.Session;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/**
 * Cold start through the live recommendation service: a new user's list is popular while they rated nothing,
 * content-based below the cold-start threshold (3), the model's fold-in from then on; every row says which.
 */
class TuneColdStartTest {

    private static final String[][] WORDS = {
            {"garden", "hose", "seed", "planter", "spade", "lawn"},
            {"kitchen", "knife", "teapot", "bowl", "whisk", "pan"},
            {"textile", "linen", "quilt", "pillow", "throw", "wool"},
            {"toy", "kite", "puzzle", "marble", "doll", "yoyo"}};

    private FxJobs jobs;
    private TuneViewModel vm;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        jobs = new FxJobs();
        vm = fx(() -> new TuneViewModel(new Session(jobs)));
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    /** Four departments of ten items, each item's text in its department's words; users mostly keep to one. */
    private static Dataset shop(DatasetKind kind) {
        DatasetBuilder b = new DatasetBuilder("departments", kind);
        for (int i = 0; i < 40; i++) {
            String[] words = WORDS[i / 10];
            b.item("i" + i, words[0] + " " + words[1 + i % 5] + " " + i, new String[] {words[0]},
                    words[1 + i % 5] + " " + words[1 + (i + 2) % 5] + " " + words[0]);
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int u = 0; u < 80; u++) {
            int department = u % 4;
            for (int i = 0; i < 40; i++) {
                double p = i / 10 == department ? 0.45 : 0.05;
                if (random.nextDouble() < p) {
                    b.add("u" + u, "i" + i, kind == DatasetKind.IMPLICIT ? 1 : 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private void fitted(Dataset d) throws Exception {
        fx(() -> vm.useDataset(d));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.fitCount() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<RecommendationRow> newUser(int[] items, double[] values) throws Exception {
        int before = vm.coldStartCount();
        fx(() -> vm.onNewUser(items, values));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.coldStartCount() > before);
        WaitForAsyncUtils.waitForFxEvents();
        return List.copyOf(vm.recommendations());
    }

    @Test
    void sourcesGoFromPopularToContentToTheModelAsClicksAccumulate() throws Exception {
        Dataset d = shop(DatasetKind.IMPLICIT);
        fitted(d);

        List<RecommendationRow> nothing = newUser(new int[0], new double[0]);
        assertThat(nothing).hasSize(10).extracting(RecommendationRow::source).containsOnly("popular");
        assertThat(nothing.get(0).why()).startsWith("popular: ");
        assertThat(vm.messageProperty().get()).startsWith("New user without ratings");
        assertThat(vm.history()).isEmpty();

        int kite = d.items().indexOf("i31");
        List<RecommendationRow> one = newUser(new int[] {kite}, new double[] {1});
        assertThat(one).hasSize(10);
        assertThat(one.get(0).source()).isEqualTo("content");
        assertThat(one).extracting(RecommendationRow::source).isSubsetOf("content", "popular");
        // the best content match is another toy, found by its text alone
        assertThat(one.get(0).item() / 10).isEqualTo(3);
        assertThat(one).noneMatch(r -> r.item() == kite);
        assertThat(vm.messageProperty().get()).isEqualTo("New user: 1 rating: content-based items until 3 ratings,"
                + " then item-knn (no refit)");

        int[] three = {kite, d.items().indexOf("i32"), d.items().indexOf("i35")};
        List<RecommendationRow> folded = newUser(three, new double[] {1, 1, 1});
        assertThat(folded).hasSize(10);
        assertThat(folded.get(0).source()).isEqualTo("model");
        assertThat(folded).extracting(RecommendationRow::source).doesNotContain("content");
        assertThat(vm.messageProperty().get()).isEqualTo("New user: 3 ratings folded into item-knn (no refit)");
        assertThat(vm.history()).hasSize(3);
    }

    @Test
    void oneExplicitRatingIsTakenAsItIsAndTwoDifferentRatingsAreCentred() throws Exception {
        Dataset d = shop(DatasetKind.EXPLICIT);
        fitted(d);
        int kite = d.items().indexOf("i31");

        // one rating has no spread to centre on: its value weighs the profile, so content answers
        List<RecommendationRow> one = newUser(new int[] {kite}, new double[] {5});
        assertThat(one.get(0).source()).isEqualTo("content");
        assertThat(one.get(0).item() / 10).as("a toy like the kite").isEqualTo(3);
        assertThat(one.get(0).score()).isPositive();

        int teapot = d.items().indexOf("i12");
        List<RecommendationRow> two = newUser(new int[] {kite, teapot}, new double[] {5, 1});
        assertThat(two.get(0).source()).isEqualTo("content");
        assertThat(two.get(0).item() / 10).as("like the toy rated 5, unlike the teapot rated 1").isEqualTo(3);
        assertThat(two.get(0).score()).isPositive();
    }

    @Test
    void aFreshUserIdNeverClashesWithADatasetUser() {
        DatasetBuilder b = new DatasetBuilder("clash", DatasetKind.EXPLICIT);
        b.add("new-user", "a", 3).add("new-user-2", "a", 4).add("x", "b", 5);
        assertThat(ColdStart.freshUserId(b.build())).isEqualTo("new-user-3");
    }
}
