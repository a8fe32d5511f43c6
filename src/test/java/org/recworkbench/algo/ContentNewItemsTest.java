package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.content.ContentModel;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.algo.AlgorithmsByHandTest.fit;

/**
 * Content TF-IDF scores for items added after fitting. Five items, the last without text; an item's catalogue text
 * is its title and description, which is what a new item's text holds.
 */
class ContentNewItemsTest {

    private static final String[] NONE = new String[0];

    private static DatasetBuilder shop(DatasetKind kind) {
        return new DatasetBuilder("shop", kind)
                .item("i1", "Red apple", NONE, "A sweet fruit")
                .item("i2", "Green apple", NONE, "A sour fruit")
                .item("i3", "Red car", NONE, "A fast sports car")
                .item("i4", "Blue bike", NONE, "")
                .item("i5", "", NONE, "");
    }

    private static final Dataset RATINGS = shop(DatasetKind.EXPLICIT)
            .add("u1", "i1", 5).add("u1", "i2", 1).add("u1", "i3", 4).add("u2", "i4", 3).add("u2", "i1", 2)
            .build();
    private static final Dataset CLICKS = shop(DatasetKind.IMPLICIT)
            .add("u1", "i1", 1).add("u1", "i3", 1).add("u2", "i4", 1)
            .build();

    private static NewItemScoring content(Dataset data) {
        return (ContentModel) fit(new ContentTfidfAlgorithm(), data);
    }

    @Test
    void newItemWithAnExistingItemsTextScoresLikeThatItem() {
        double[] s = content(RATINGS).scoresWithNewItems(new int[] {0, 1}, new double[] {5, 1},
                List.of(new NewItem("n1", "Red car A fast sports car")));
        assertThat(s).hasSize(6);
        assertThat(s[2]).isFinite().isNotZero();
        assertThat(s[5]).isCloseTo(s[2], within(1e-12));
    }

    @Test
    void profileOfExistingItemsOnlyScoresTheCatalogueExactlyAsFoldIn() {
        ContentModel model = (ContentModel) fit(new ContentTfidfAlgorithm(), RATINGS);
        int[] items = {2, 0, 1};
        double[] values = {4, 5, 1};
        double[] folded = model.foldIn(new UserProfile(items, values)).orElseThrow().scores();
        double[] withNew = model.scoresWithNewItems(items, values,
                List.of(new NewItem("n1", "red bike"), new NewItem("n2", "")));
        assertThat(Arrays.copyOf(withNew, RATINGS.itemCount())).isEqualTo(folded);
        assertThat(model.scoresWithNewItems(items, values, List.of())).isEqualTo(folded);
        assertThat(folded[4]).isNaN();
    }

    @Test
    void userWhoseOnlyInteractionIsANewItemIsRecommendedItemsSharingItsWords() {
        NewItemScoring model = content(CLICKS);
        int newItem = CLICKS.itemCount();
        double[] s = model.scoresWithNewItems(new int[] {newItem}, new double[] {1},
                List.of(new NewItem("n1", "Shiny red car")));
        ScoredItems top = ScoredItems.top(s, 2, item -> item == newItem);
        assertThat(top.items()).containsExactly(2, 0);
        assertThat(top.score(1)).isPositive();
        assertThat(s[1]).isZero();
        assertThat(s[3]).isZero();
        assertThat(s[4]).isNaN();
    }

    @Test
    void termsOutsideTheVocabularyAreIgnored() {
        double[] s = content(RATINGS).scoresWithNewItems(new int[] {2, 1}, new double[] {4, 1},
                List.of(new NewItem("n1", "Red apple A sweet fruit from the zebra quokka orchard")));
        assertThat(s[5]).isCloseTo(s[0], within(1e-12));
    }

    @Test
    void newItemWithEmptyOrUnknownTextHasNoScore() {
        double[] s = content(RATINGS).scoresWithNewItems(new int[] {0, 1}, new double[] {5, 1},
                List.of(new NewItem("n1", ""), new NewItem("n2", "zebra quokka"), new NewItem("n3", null),
                        new NewItem("n4", "the and of")));
        assertThat(Arrays.copyOfRange(s, 5, 9)).containsOnly(Double.NaN);
        assertThat(s[0]).isFinite();
    }

    @Test
    void newItemWithoutKnownTermsAddsNothingToAnImplicitProfile() {
        NewItemScoring model = content(CLICKS);
        List<NewItem> unknown = List.of(new NewItem("n1", "zebra quokka"));
        double[] with = model.scoresWithNewItems(new int[] {0, 5}, new double[] {1, 1}, unknown);
        double[] without = model.scoresWithNewItems(new int[] {0}, new double[] {1}, unknown);
        assertThat(with).isEqualTo(without);
    }

    @Test
    void profileIndexOutsideTheCombinedListIsRejected() {
        NewItemScoring model = content(RATINGS);
        List<NewItem> one = List.of(new NewItem("n1", "red"));
        assertThatThrownBy(() -> model.scoresWithNewItems(new int[] {6}, new double[] {1}, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..5");
        assertThatThrownBy(() -> model.scoresWithNewItems(new int[] {-1}, new double[] {1}, one))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.scoresWithNewItems(new int[] {0}, new double[0], one))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratingsWithoutSpreadAreNotCentredAway() {
        ContentModel model = (ContentModel) fit(new ContentTfidfAlgorithm(), RATINGS);
        // one rating of 5 for the red car: centred it would be 0 and every score 0; as it is, the car's own text
        // has cosine 1 with the profile, and the red apple shares "red"
        double[] one = model.foldIn(new UserProfile(new int[] {2}, new double[] {5})).orElseThrow().scores();
        assertThat(one[2]).isCloseTo(1.0, within(1e-12));
        assertThat(one[0]).isPositive().isLessThan(1.0);
        // two equal ratings weigh like two clicks
        double[] equal = model.foldIn(new UserProfile(new int[] {0, 2}, new double[] {4, 4})).orElseThrow().scores();
        double[] clicks = model.foldIn(new UserProfile(new int[] {0, 2}, new double[] {1, 1})).orElseThrow().scores();
        assertThat(equal).containsExactly(clicks, within(1e-12));
    }
}
