package org.recworkbench.algo.content;

import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.NewItem;
import org.recworkbench.algo.NewItemScoring;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted TF-IDF index; profiles are built per call from the user's training ratings. Items added after fitting
 * are scored from their text ({@link #scoresWithNewItems}) against the fitted vocabulary.
 */
public final class ContentModel extends BaseModel implements NewItemScoring {

    /** Shared terms listed in an explanation. */
    static final int TERMS_SHOWN = 10;

    private final TfidfIndex index;
    private final boolean centre;

    ContentModel(Dataset dataset, ParamValues values, TfidfIndex index) {
        super(dataset, ContentTfidfAlgorithm.ID, values);
        this.index = index;
        this.centre = dataset.kind() == DatasetKind.EXPLICIT;
    }

    /**
     * The weight each of the user's items gets in the profile: r − r̄_u for explicit data, r for implicit. A user
     * whose ratings are all equal (one rating, say) would have an empty centred profile, so theirs stay as they are.
     */
    private double userMean(int user) {
        RatingMatrix r = dataset().ratings();
        if (!centre || r.rowLength(user) == 0) {
            return 0;
        }
        double s = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
            s += r.rowValue(p);
            min = Math.min(min, r.rowValue(p));
            max = Math.max(max, r.rowValue(p));
        }
        return min == max ? 0 : s / r.rowLength(user);
    }

    /** The centring mean of folded-in ratings, with the same rule as {@link #userMean(int)}. */
    private double centringMean(double[] values) {
        if (!centre || values.length == 0) {
            return 0;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double s = 0;
        for (double v : values) {
            s += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min == max ? 0 : s / values.length;
    }

    /** p_u = Σ_j c_uj w_j over the user's items, as a dense vector over the vocabulary. */
    double[] profile(int user) {
        RatingMatrix r = dataset().ratings();
        double mean = userMean(user);
        double[] profile = new double[index.termCount()];
        for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
            int j = r.rowItem(p);
            double c = r.rowValue(p) - mean;
            for (int q = index.itemStart[j]; q < index.itemStart[j + 1]; q++) {
                profile[index.itemTerms[q]] += c * index.weights[q];
            }
        }
        return profile;
    }

    /**
     * The profile of a user folded in from their ratings (mean-centred for explicit data, like known users). Indices
     * from the catalogue's item count on are new items, whose vectors are in {@code newItems}, in order.
     */
    private double[] profile(UserProfile ratings, List<TfidfIndex.TermVector> newItems) {
        double mean = centringMean(ratings.values());
        double[] profile = new double[index.termCount()];
        for (int t = 0; t < ratings.size(); t++) {
            int j = ratings.items()[t];
            double c = ratings.values()[t] - mean;
            if (j < index.itemCount) {
                for (int q = index.itemStart[j]; q < index.itemStart[j + 1]; q++) {
                    profile[index.itemTerms[q]] += c * index.weights[q];
                }
            } else {
                TfidfIndex.TermVector v = newItems.get(j - index.itemCount);
                for (int q = 0; q < v.terms().length; q++) {
                    profile[v.terms()[q]] += c * v.weights()[q];
                }
            }
        }
        return profile;
    }

    /** Direct fold-in: the profile from the given ratings, cosine with every item. */
    @Override
    public Optional<FoldIn> foldIn(UserProfile ratings) {
        double[] profile = profile(ratings, List.of());
        double n = norm(profile);
        double[] scores = new double[dataset().itemCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(profile, n, i);
        }
        double[] none = new double[scores.length];
        Arrays.fill(none, Double.NaN);
        return Optional.of(new FoldIn(ratings, scores, none));
    }

    /**
     * The fold-in scores over the catalogue followed by the new items. A new item's vector is its text tokenised like
     * the catalogue's (same stop words and bigrams), weighted with the fitted tf variant and the fitted idf (N and
     * n_t as fitted: new items do not change them), and L2-normalised. <b>Terms outside the fitted vocabulary are
     * dropped</b>, and the text is one string, so a new item has no {@code category:} terms even when categories are
     * used. A new item without a known term (or only with terms of idf 0) has no score (NaN), like a catalogue item
     * without text. New items in the profile add their vectors like any rated item; explicit values are centred on
     * the mean of all the profile's values. For a profile of catalogue items only, the catalogue scores are exactly
     * those of {@link #foldIn}. Texts are vectorised on every call (linear in their length; nothing is cached).
     */
    @Override
    public double[] scoresWithNewItems(int[] profileItems, double[] profileValues, List<NewItem> newItems) {
        List<TfidfIndex.TermVector> vectors = newItems.stream().map(item -> index.vectorise(item.text())).toList();
        int n = index.itemCount;
        UserProfile ratings = NewItemScoring.combinedProfile(profileItems, profileValues, n + vectors.size());
        double[] profile = profile(ratings, vectors);
        double profileNorm = norm(profile);
        double[] scores = new double[n + vectors.size()];
        for (int i = 0; i < n; i++) {
            scores[i] = score(profile, profileNorm, i);
        }
        for (int k = 0; k < vectors.size(); k++) {
            scores[n + k] = score(profile, profileNorm, vectors.get(k));
        }
        return scores;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** cos(p_u, w_i) = p_u · w_i / ‖p_u‖ (w_i has norm 1); NaN for an item without terms, 0 for a zero profile. */
    private double score(double[] profile, double profileNorm, int item) {
        if (index.itemStart[item] == index.itemStart[item + 1] || index.rawNorm[item] == 0) {
            return Double.NaN;
        }
        if (profileNorm == 0) {
            return 0;
        }
        double dot = 0;
        for (int q = index.itemStart[item]; q < index.itemStart[item + 1]; q++) {
            dot += profile[index.itemTerms[q]] * index.weights[q];
        }
        return dot / profileNorm;
    }

    /** The same cosine for a new item's vector; NaN when it has no known term. */
    private static double score(double[] profile, double profileNorm, TfidfIndex.TermVector item) {
        if (item.isEmpty()) {
            return Double.NaN;
        }
        if (profileNorm == 0) {
            return 0;
        }
        double dot = 0;
        for (int q = 0; q < item.terms().length; q++) {
            dot += profile[item.terms()[q]] * item.weights()[q];
        }
        return dot / profileNorm;
    }

    @Override
    public double[] scoreAll(int user) {
        checkUser(user);
        double[] profile = profile(user);
        double n = norm(profile);
        double[] scores = new double[dataset().itemCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(profile, n, i);
        }
        return scores;
    }

    @Override
    public double predict(int user, int item) {
        return Double.NaN;
    }

    @Override
    public Explanation explain(int user, int item) {
        checkUser(user);
        checkItem(item);
        double[] profile = profile(user);
        double profileNorm = norm(profile);
        double value = score(profile, profileNorm, item);
        List<Contribution> shared = new ArrayList<>();
        for (int q = index.itemStart[item]; q < index.itemStart[item + 1]; q++) {
            int t = index.itemTerms[q];
            if (profile[t] != 0 && index.weights[q] != 0) {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("profile weight", profile[t]);
                values.put("item weight", index.weights[q]);
                values.put("product", profile[t] * index.weights[q]);
                shared.add(new Contribution("term", index.terms[t], index.terms[t], values,
                        profileNorm == 0 ? 0 : profile[t] * index.weights[q] / profileNorm));
            }
        }
        shared.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.amount())));
        Derivation.Builder d = derivation(Words.t("content.title"), user, item);
        double mean = userMean(user);
        int rated = dataset().ratings().rowLength(user);
        if (centre && mean == 0 && rated > 0) {
            d.step(Words.phrase("content.equalRatings"),
                    "c_{uj} = r_{uj}", "", Double.NaN);
        } else if (centre) {
            d.step(Words.phrase("content.userMean"),
                    "\\bar{r}_u = \\frac{1}{|I_u|} \\sum_{j \\in I_u} r_{uj}",
                    "\\frac{" + Latex.num(mean * rated) + "}{" + rated + "}", mean);
        } else {
            d.step(Words.phrase("content.implicitWeights"), "c_{uj} = r_{uj}", "", Double.NaN);
        }
        d.step(Words.phrase("content.profile"), "p_u = \\sum_{j \\in I_u} c_{uj} \\, w_j",
                "\\lVert p_u \\rVert = " + Latex.num(profileNorm) + " \\text{ over } "
                        + countNonZero(profile) + " \\text{ terms}", profileNorm);
        List<Contribution> top = shared.subList(0, Math.min(TERMS_SHOWN, shared.size()));
        double dot = 0;
        for (Contribution c : shared) {
            dot += c.value("product");
        }
        d.step(shared.size() > TERMS_SHOWN ? Words.phrase("content.dotLargest", String.valueOf(TERMS_SHOWN),
                        String.valueOf(shared.size())) : Words.phrase("content.dot"), "p_u \\cdot w_i = \\sum_t p_{ut} w_{it}",
                Latex.sum(top.size(), k -> Latex.num(top.get(k).value("profile weight")) + " \\cdot "
                        + Latex.term(top.get(k).value("item weight"))), dot);
        d.step(Words.phrase(Double.isNaN(value) ? "content.noTerms" : "sim.cosine"),
                "\\cos(p_u, w_i) = \\frac{p_u \\cdot w_i}{\\lVert p_u \\rVert \\, \\lVert w_i \\rVert}",
                "\\frac{" + Latex.num(dot) + "}{" + Latex.num(profileNorm) + " \\cdot 1}", value);
        return explanation(user, item, value, Double.NaN, shared, d.build());
    }

    private static int countNonZero(double[] v) {
        int n = 0;
        for (double x : v) {
            if (x != 0) {
                n++;
            }
        }
        return n;
    }

    /** The item's terms, heaviest first (for choosing one in the formula view). */
    public List<String> termsOf(int item) {
        checkItem(item);
        List<Integer> positions = new ArrayList<>();
        for (int p = index.itemStart[item]; p < index.itemStart[item + 1]; p++) {
            positions.add(p);
        }
        positions.sort((a, b) -> Double.compare(index.weights[b], index.weights[a]));
        return positions.stream().map(p -> index.terms[index.itemTerms[p]]).toList();
    }

    /** The TF-IDF weight of a term in an item, step by step (for the formula view); NaN for an unknown term. */
    public Derivation explainTermWeight(int item, String term) {
        checkItem(item);
        Derivation.Builder d = Derivation.builder(Words.t("tfidf.title", term, itemId(item)));
        int t = Arrays.asList(index.terms).indexOf(term);
        if (t < 0) {
            d.step(Words.phrase("tfidf.unknownTerm"), "t \\notin V", "\\text{" + term + "}", Double.NaN);
        } else {
            index.explainWeight(item, t, d);
        }
        return d.build();
    }

    /** The item's terms and normalised weights, highest first. */
    public List<Map.Entry<String, Double>> itemTerms(int item) {
        checkItem(item);
        List<Map.Entry<String, Double>> list = new ArrayList<>();
        for (int q = index.itemStart[item]; q < index.itemStart[item + 1]; q++) {
            list.add(Map.entry(index.terms[index.itemTerms[q]], index.weights[q]));
        }
        list.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return list;
    }
}
