package org.recworkbench.stream;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cold start by source, new items with text, session re-scoring and trending, through the service. */
class RecommendationServiceTest {

    private static final String[] WORDS = {"space", "robot", "love", "war", "detective", "ocean", "dragon", "music"};

    /** 40 films, each with two of eight words in its text; 80 users who mostly rate films sharing a word. */
    static Dataset films() {
        SplittableRandom random = new SplittableRandom(8);
        DatasetBuilder b = new DatasetBuilder("films", DatasetKind.EXPLICIT);
        for (int i = 0; i < 40; i++) {
            b.item("f" + i, "Film " + i, new String[0], WORDS[i % 8] + " " + WORDS[(i / 8 + i) % 8]);
        }
        for (int u = 0; u < 80; u++) {
            int taste = u % 8;
            for (int i = 0; i < 40; i++) {
                boolean liked = i % 8 == taste;
                if (random.nextDouble() < (liked ? 0.7 : 0.15)) {
                    b.add("u" + u, "f" + i, liked ? 4 + random.nextInt(2) : 1 + random.nextInt(3));
                }
            }
        }
        return b.build();
    }

    private static Model fit(Dataset d, String id, ParamValues params) {
        return AlgorithmRegistry.require(id).fit(d, params, Progress.NONE, Cancellation.NEVER);
    }

    private static Model fit(Dataset d, String id) {
        return fit(d, id, AlgorithmRegistry.require(id).defaults());
    }

    private static List<String> sources(RecommendationService.Recommendations r) {
        return r.items().stream().map(RecommendationService.Item::source).distinct().toList();
    }

    private static java.util.List<String> ids(RecommendationService.Recommendations r) {
        return r.items().stream().map(RecommendationService.Item::id).toList();
    }

    @Test
    void aNewUserGoesFromPopularToContentToTheModelAsRatingsArrive() {
        RecommendationService service = new RecommendationService(fit(films(), "item-knn"));
        assertThat(service.method()).isEqualTo("incremental item-kNN");
        RecommendationService.Recommendations none = service.recommend("newcomer", 5);
        assertThat(service.recommendedIds("newcomer", 5)).isEqualTo(ids(none));
        assertThat(none.source()).isEqualTo(RecommendationService.Source.POPULAR);
        assertThat(sources(none)).containsExactly("popular");

        service.apply("newcomer", "f3", 5);
        RecommendationService.Recommendations one = service.recommend("newcomer", 5);
        assertThat(service.recommendedIds("newcomer", 5)).isEqualTo(ids(one));
        assertThat(one.source()).isEqualTo(RecommendationService.Source.CONTENT);
        // f3's words are "war" and "war"/… : the content list starts with films sharing them
        assertThat(one.items().get(0).source()).isEqualTo("content");
        assertThat(one.items()).extracting(RecommendationService.Item::id).doesNotContain("f3");

        service.apply("newcomer", "f11", 5);
        service.apply("newcomer", "f19", 4);
        RecommendationService.Recommendations three = service.recommend("newcomer", 5);
        assertThat(service.recommendedIds("newcomer", 5)).as("the same list without explanations")
                .isEqualTo(ids(three));
        assertThat(three.source()).isEqualTo(RecommendationService.Source.MODEL);
        assertThat(three.method()).isEqualTo("incremental item-kNN");
        assertThat(three.items()).extracting(RecommendationService.Item::id).doesNotContain("f3", "f11", "f19");
        assertThat(three.items().get(0).why()).startsWith("similar to Film ");
    }

    @Test
    void aNewItemWithTextIsRecommendedAtOnceByContentAndHybridModels() {
        Dataset d = films();
        var hybrid = AlgorithmRegistry.require("hybrid");
        for (Model model : List.of(fit(d, "content-tfidf"), fit(d, "hybrid", hybrid.defaults().with("alpha", 0.3)))) {
            RecommendationService service = new RecommendationService(model);
            // a user who loves "dragon" films (indices 6, 14, …) and dislikes the rest they rated
            for (int i = 0; i < 40; i++) {
                String text = d.catalog().text(i);
                if (text.contains("dragon")) {
                    service.apply("fan", "f" + i, 5);
                } else if (i % 5 == 0) {
                    service.apply("fan", "f" + i, 1);
                }
            }
            assertThat(service.addItem("new-film", "Brand new", "dragon dragon")).isTrue();
            RecommendationService.Recommendations r = service.recommend("fan", 3);
            assertThat(r.items()).extracting(RecommendationService.Item::id).as(model.algorithmId())
                    .contains("new-film");
            assertThat(service.addItem("new-film", "again", "")).isFalse();
            service.apply("fan", "new-film", 5);
            assertThat(service.recommend("fan", 40).items()).extracting(RecommendationService.Item::id)
                    .doesNotContain("new-film");
        }
    }

    @Test
    void factorModelsSolveTheActingUserAgainAfterEachEvent() {
        Dataset d = films();
        var als = AlgorithmRegistry.require("als");
        Model model = fit(d, "als", als.defaults().with("factors", 6));
        RecommendationService service = new RecommendationService(model);
        assertThat(service.method()).isEqualTo("least-squares fold-in");
        List<String> before = service.recommend("u1", 5).items().stream().map(RecommendationService.Item::id).toList();
        service.apply("u1", before.get(0), 1);
        List<String> after = service.recommend("u1", 5).items().stream().map(RecommendationService.Item::id).toList();
        assertThat(after).doesNotContain(before.get(0));
    }

    @Test
    void aKnownUsersFactorsAfterEventsEqualOneFoldInOfTheirWholeLiveProfile() {
        Dataset d = films();
        var als = AlgorithmRegistry.require("implicit-als");
        Model model = fit(d, "implicit-als", als.defaults().with("factors", 6));
        LiveData live = new LiveData(d);
        IncrementalFactors factors = new IncrementalFactors(model, live);
        SplittableRandom random = new SplittableRandom(3);
        int u = d.users().indexOf("u4");
        for (int e = 0; e < 25; e++) {
            int item = random.nextInt(d.itemCount());
            double value = 1 + random.nextInt(5);
            factors.applied(u, item, value, live.set(u, item, value));
        }
        double[] folded = model.foldIn(FoldInScorer.profile(live, u, d.itemCount())).orElseThrow().scores();
        assertThat(factors.scores(u)).containsExactly(folded, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void sessionReScoringFavoursNeighboursOfTheLastItems() {
        Dataset d = films();
        Model knn = fit(d, "item-knn");
        RecommendationService plain = new RecommendationService(knn);
        RecommendationService session = new RecommendationService(knn,
                RecommendationService.Options.defaults().withSessionWeight(0.9));
        for (RecommendationService s : List.of(plain, session)) {
            s.apply("u0", "f7", 5);
            s.apply("u0", "f15", 5);
        }
        assertThat(session.recentItems("u0")).containsExactly("f15", "f7");
        RecommendationService.Recommendations r = session.recommend("u0", 5);
        assertThat(sources(r)).contains("session");
        assertThat(r.items()).filteredOn(i -> i.source().equals("session")).allSatisfy(i ->
                assertThat(i.why()).startsWith("near your last 2 items"));
        assertThat(plain.recommend("u0", 5).items()).noneMatch(i -> i.source().equals("session"));
    }

    @Test
    void trendingFollowsRecentEventsWithAHalfLife() {
        Dataset d = films();
        RecommendationService service = new RecommendationService(fit(d, "popular"),
                RecommendationService.Options.defaults().withHalfLife(5));
        for (int k = 0; k < 30; k++) {
            service.apply("burst" + k, "f39", 1);
        }
        assertThat(service.trending(1).get(0).id()).isEqualTo("f39");
        assertThat(service.trending(1).get(0).why()).contains("half-life 5 events");
    }

    @Test
    void badEventsAreRefusedWithAReason() {
        RecommendationService service = new RecommendationService(fit(films(), "popular"));
        assertThatThrownBy(() -> service.apply("a", "nope", 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown item \"nope\"");
        assertThatThrownBy(() -> service.apply(" ", "f1", 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.apply("a", "f1", Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.recommend("a", 0)).isInstanceOf(InvalidInputException.class);
        assertThat(service.eventCount()).isZero();
    }
}
