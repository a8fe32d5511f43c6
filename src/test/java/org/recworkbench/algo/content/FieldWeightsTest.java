package org.recworkbench.algo.content;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Field weights and numbers (issue 18 §6). Three items, defaults (log tf, plain idf, title β 1, text β 1, categories
 * β 2, no dates or numbers):
 * <pre>
 * i1 "space war"  [SciFi]  "released 25-May-1977"
 * i2 "space farm" [Drama]  "released 1977"
 * i3 "cold war"   [SciFi]  "released 14-Feb-1996, a war story"
 * </pre>
 * Terms: space (i1, i2), war (i1, i3; in i3 in the title and the text), released (all: idf ln 1 = 0), farm, cold,
 * story, category:drama (one item each: idf ln 3), category:scifi (i1, i3: idf ln 3/2). w_it ∝ tf(n_it) · β̄_it ·
 * idf_t with β̄ the mean field weight of the occurrences (title and text 1, categories 2); war occurs twice in i3:
 * <pre>
 * i1: space 1·a, war 1·a, scifi 2·a (a = ln 1.5)                     ‖v‖ = a √6
 * i3: cold b, war (1 + ln 2)·a, story b, scifi 2·a (b = ln 3)         ‖v‖ = √(2b² + ((1 + ln 2)² + 4)a²)
 * </pre>
 */
class FieldWeightsTest {

    private static final Dataset THREE = new DatasetBuilder("three", DatasetKind.EXPLICIT)
            .item("i1", "space war", new String[] {"SciFi"}, "released 25-May-1977")
            .item("i2", "space farm", new String[] {"Drama"}, "released 1977")
            .item("i3", "cold war", new String[] {"SciFi"}, "released 14-Feb-1996, a war story")
            .add("u1", "i1", 5).add("u1", "i2", 1)
            .build();

    private static ContentModel fit(Dataset data, ContentParams params) {
        return (ContentModel) new ContentTfidfAlgorithm().fit(data, params, Progress.NONE, Cancellation.NEVER);
    }

    private static ContentParams defaults() {
        ContentTfidfAlgorithm a = new ContentTfidfAlgorithm();
        return a.bind(a.defaults());
    }

    private static double weight(ContentModel m, int item, String term) {
        return m.itemTerms(item).stream().filter(e -> e.getKey().equals(term)).mapToDouble(Map.Entry::getValue)
                .findFirst().orElse(0);
    }

    @Test
    void datesAndNumbersAreNotTermsByDefault() {
        Tokenizer t = new Tokenizer(true, false, false);
        assertThat(t.words("Released 14-Feb-1997; 2001: a Space Odyssey, 1997-02-14 and 14/02/1997 R2D2"))
                .containsExactly("released", "space", "odyssey", "r2d2");
        assertThat(new Tokenizer(true, false, true).words("released 14-Feb-1997 in 1997"))
                .containsExactly("released", "14", "feb", "1997", "1997");
    }

    @Test
    void defaultsMatchTheParamSpecs() {
        ContentParams p = defaults();
        assertThat(p.numbers()).isFalse();
        assertThat(p.categoryWeight()).isGreaterThan(p.titleWeight()).isGreaterThan(p.textWeight() - 1e-12);
        assertThat(new ContentParams(ContentParams.TfVariant.LOG, ContentParams.IdfVariant.PLAIN, false, true, true))
                .isEqualTo(p);
    }

    @Test
    void fieldWeightedTfIdfByHand() {
        ContentModel m = fit(THREE, defaults());
        double a = Math.log(1.5);
        double b = Math.log(3);
        double n1 = a * Math.sqrt(6);
        assertThat(m.itemTerms(0)).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("space", "war", "released", "category:scifi");
        assertThat(weight(m, 0, "category:scifi")).isCloseTo(2 * a / n1, within(1e-12));
        assertThat(weight(m, 0, "space")).isCloseTo(a / n1, within(1e-12));
        assertThat(weight(m, 0, "released")).isZero();
        double l2 = 1 + Math.log(2);
        double n3 = Math.sqrt(2 * b * b + (l2 * l2 + 4) * a * a);
        assertThat(weight(m, 2, "war")).isCloseTo(l2 * a / n3, within(1e-12));
        assertThat(weight(m, 2, "cold")).isCloseTo(b / n3, within(1e-12));
        assertThat(weight(m, 2, "category:scifi")).isCloseTo(2 * a / n3, within(1e-12));
        assertThat(m.explainTermWeight(2, "war").result()).isCloseTo(l2 * a / n3, within(1e-12));
        assertThat(m.explainTermWeight(2, "war").steps().get(1).value()).isCloseTo(l2, within(1e-12));
        assertThat(m.itemTerms(1)).extracting(Map.Entry::getKey).doesNotContain("1977");
    }

    @Test
    void withNumbersAndEqualWeightsTheYearIsATerm() {
        ContentParams p = new ContentParams(ContentParams.TfVariant.LOG, ContentParams.IdfVariant.PLAIN, false, true,
                true, true, 1, 1, 1);
        ContentModel m = fit(THREE, p);
        double a = Math.log(1.5);
        double b = Math.log(3);
        // i1: space a, war a, 25 b, may b, 1977 a, scifi a (released 0)
        double n1 = Math.sqrt(4 * a * a + 2 * b * b);
        assertThat(weight(m, 0, "1977")).isCloseTo(a / n1, within(1e-12));
        assertThat(weight(m, 0, "may")).isCloseTo(b / n1, within(1e-12));
        assertThat(weight(m, 0, "category:scifi")).isCloseTo(a / n1, within(1e-12));
    }

    /** Star-Wars-like and Fargo-like liked; items of 1977 and 1996 in other genres are around. */
    private static final Dataset FILMS = new DatasetBuilder("films", DatasetKind.EXPLICIT)
            .item("sw", "Galaxy Battles (1977)", new String[] {"Action", "Adventure", "Sci-Fi", "War"},
                    "released 01-Jan-1977")
            .item("fa", "Snowfield (1996)", new String[] {"Crime", "Drama", "Thriller"}, "released 14-Feb-1997")
            .item("y1", "Manhattan Neurotic (1977)", new String[] {"Comedy", "Romance"}, "released 01-Jan-1977")
            .item("y2", "Possessed Girl (1977)", new String[] {"Horror"}, "released 01-Jan-1977")
            .item("y3", "Dragon Friend (1977)", new String[] {"Children", "Musical"}, "released 01-Jan-1977")
            .item("y4", "Touching (1996)", new String[] {"Romance"}, "released 14-Feb-1997")
            .item("g1", "Jedi Returns (1983)", new String[] {"Action", "Adventure", "Sci-Fi", "War"},
                    "released 14-Mar-1997")
            .item("g2", "Hitman Night (1993)", new String[] {"Action", "Crime", "Thriller"}, "released 01-Jan-1993")
            .item("g3", "Bound Together (1995)", new String[] {"Crime", "Drama", "Thriller"},
                    "released 01-Jan-1995")
            .item("o1", "Garden Tale (1988)", new String[] {"Comedy"}, "released 01-Jan-1988")
            .item("o2", "Ghost House (1982)", new String[] {"Horror"}, "released 01-Jan-1982")
            .add("fan", "sw", 5).add("fan", "fa", 5)
            .add("other", "y1", 4).add("other", "o1", 2)
            .build();

    private static List<String> top3(ContentParams p) {
        Model m = fit(FILMS, p);
        int[] items = m.recommend(FILMS.users().indexOf("fan"), 3).items();
        return java.util.Arrays.stream(items).mapToObj(i -> FILMS.items().id(i)).toList();
    }

    @Test
    void aFanOfTwoGenresGetsGenreNeighboursNotSameYearItems() {
        assertThat(top3(defaults())).containsExactlyInAnyOrder("g1", "g2", "g3");
        // the old behaviour: dates and numbers as terms, fields equal
        assertThat(top3(new ContentParams(ContentParams.TfVariant.LOG, ContentParams.IdfVariant.PLAIN, false, true,
                true, true, 1, 1, 1))).containsAnyOf("y1", "y2", "y3", "y4");
    }
}
