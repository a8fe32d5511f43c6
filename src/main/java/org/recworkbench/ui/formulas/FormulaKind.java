package org.recworkbench.ui.formulas;

import org.recworkbench.algo.graph.RandomWalkAlgorithm;

/** What the Formulas view can derive on the user's own data, and the inputs each needs. */
public enum FormulaKind {
    SIMILARITY("Similarity of two users or items", null, Input.PAIR),
    PREDICTION("Prediction of the model in Tune & Recommend", null, Input.USER_ITEM),
    USER_KNN("User-kNN prediction", "user-knn", Input.USER_ITEM),
    ITEM_KNN("Item-kNN prediction", "item-knn", Input.USER_ITEM),
    BIAS("Bias baseline  μ + b_u + b_i", "bias", Input.USER_ITEM),
    MF("Biased MF prediction  μ + b_u + b_i + p_u·q_i", "biased-mf", Input.USER_ITEM),
    SGD_STEP("One SGD update of biased MF", "biased-mf", Input.USER_ITEM_RATING),
    IMPLICIT_ALS("Implicit ALS: confidence c_ui (1 + α ln(1 + r_ui/ε), or 1 + α r_ui) and score", "implicit-als",
            Input.USER_ITEM),
    P3ALPHA("P3α path sums", RandomWalkAlgorithm.P3ALPHA, Input.USER_ITEM),
    RP3BETA("RP3β path sums", RandomWalkAlgorithm.RP3BETA, Input.USER_ITEM),
    HYBRID("Hybrid blend with α", "hybrid", Input.USER_ITEM),
    TFIDF_WEIGHT("TF-IDF weight of a term in an item", "content-tfidf", Input.ITEM_TERM),
    CONTENT("Content score: cosine of the TF-IDF profile and the item", "content-tfidf", Input.USER_ITEM),
    METRICS("Metrics of one user's list: RMSE, MAE, precision, recall, NDCG, AUC", null, Input.USER),
    LOSSES("Losses on one user: MSE of biased MF, binary cross-entropy of neural CF", null, Input.USER),
    ALS_SOLVE("One ALS solve of one user: normal equations", "als", Input.USER),
    BPR_STEP("One BPR step: the user, their item i and a drawn unseen item j", "bpr", Input.USER_ITEM),
    NMF_UPDATE("One NMF multiplicative update of a user's factors", "nmf", Input.USER);

    /** Which fields the view shows for a kind. */
    public enum Input {
        PAIR, USER_ITEM, USER_ITEM_RATING, ITEM_TERM, USER
    }

    private final String label;
    private final String algorithm;
    private final Input input;

    FormulaKind(String label, String algorithm, Input input) {
        this.label = label;
        this.algorithm = algorithm;
        this.input = input;
    }

    /** The algorithm fitted (with its defaults) to derive this, or null when none or the Tune model is used. */
    public String algorithm() {
        return algorithm;
    }

    public Input input() {
        return input;
    }

    /** The kind in the window's language ({@code formula.<NAME>}); the English label for a kind the bundles lack. */
    @Override
    public String toString() {
        return org.recworkbench.ui.common.I18n.orElse("formula." + name(), label);
    }
}
