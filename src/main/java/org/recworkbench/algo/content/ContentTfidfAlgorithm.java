package org.recworkbench.algo.content;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Content-based recommendation by TF-IDF: each item's text and categories become an L2-normalised TF-IDF vector;
 * each term's tf·idf is multiplied by the mean weight β of the fields it occurs in (title words, text words,
 * categories; categories weighted most by default), and
 * dates and numbers are not terms unless asked for;
 * a user's profile is the sum of the vectors of the items they rated, weighted by the rating (mean-centred for
 * explicit data); the score of an item is the cosine of profile and item vector. Items with text but no ratings
 * are scored too (cold start).
 */
public final class ContentTfidfAlgorithm extends AbstractAlgorithm<ContentParams> {

    public static final String ID = "content-tfidf";
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.choice("tf", "Term frequency",
                    "raw: n; log: 1 + ln n; binary: 1; relative: n / the item's term count",
                    names(ContentParams.TfVariant.values()), "log"),
            ParamSpec.choice("idf", "Inverse document frequency", "plain: ln(N/n_t); smooth: ln((1+N)/(1+n_t)) + 1",
                    names(ContentParams.IdfVariant.values()), "plain"),
            ParamSpec.flag("bigrams", "Bigrams", "Also use pairs of adjacent words as terms", false),
            ParamSpec.flag("stop-words", "Drop stop words", "Ignore common English words (the, and, of …)", true),
            ParamSpec.flag("use-categories", "Categories as terms", "Add each category as a term", true),
            ParamSpec.flag("numbers", "Dates and numbers as terms", "Keep dates (14-Feb-1997) and words of digits only"
                    + " (1997) as terms; off by default, as a year shared by a few items outweighs their genres", false),
            ParamSpec.real("title-weight", "Title weight", "β of the title's words: w_it ∝ tf(n_it) · β̄_it · idf_t,"
                    + " β̄_it the mean β of the fields the term's occurrences are in", 0, 100, ContentParams.TITLE_WEIGHT, 0.1),
            ParamSpec.real("text-weight", "Text weight", "β of the text's words (description, release date …)", 0, 100,
                    ContentParams.TEXT_WEIGHT, 0.1),
            ParamSpec.real("category-weight", "Category weight", "β of the category terms; the heaviest by default,"
                    + " so items of the same genres come before items sharing a title word", 0, 100,
                    ContentParams.CATEGORY_WEIGHT, 0.1));

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    public ContentTfidfAlgorithm() {
        super(ID, Family.CONTENT,
                "Content-based TF-IDF: cosine between the user's rating-weighted term profile and each item's text",
                PARAMS);
    }

    @Override
    public ContentParams bind(ParamValues v) {
        return new ContentParams(ContentParams.TfVariant.valueOf(v.getChoice("tf").toUpperCase(Locale.ROOT)),
                ContentParams.IdfVariant.valueOf(v.getChoice("idf").toUpperCase(Locale.ROOT)),
                v.getFlag("bigrams"), v.getFlag("stop-words"), v.getFlag("use-categories"), v.getFlag("numbers"),
                v.getDouble("title-weight"), v.getDouble("text-weight"), v.getDouble("category-weight"));
    }

    @Override
    public Model fit(Dataset train, ContentParams params, Progress progress, Cancellation cancellation) {
        TfidfIndex index = TfidfIndex.build(train, params, progress, cancellation);
        return new ContentModel(train, values(params), index);
    }
}
