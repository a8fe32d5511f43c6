package org.recworkbench.algo;

import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Words;

import java.util.List;

/** Holds what every model carries (training data, algorithm id, parameters) and builds explanations. */
public abstract class BaseModel implements Model {

    private final Dataset dataset;
    private final String algorithmId;
    private final ParamValues params;

    protected BaseModel(Dataset dataset, String algorithmId, ParamValues params) {
        this.dataset = dataset;
        this.algorithmId = algorithmId;
        this.params = params;
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public String algorithmId() {
        return algorithmId;
    }

    @Override
    public ParamValues params() {
        return params;
    }

    /** "Star Wars (1977)", or the external id when the item has no title. */
    protected String itemLabel(int item) {
        String title = dataset.catalog().title(item);
        return title == null || title.isBlank() ? dataset.items().id(item) : title;
    }

    protected String userId(int user) {
        return dataset.users().id(user);
    }

    protected String itemId(int item) {
        return dataset.items().id(item);
    }

    protected Derivation.Builder derivation(String what, int user, int item) {
        return Derivation.builder(Words.t("derivation.ofUserForItem", what, userId(user), itemId(item)));
    }

    protected Explanation explanation(int user, int item, double score, double prediction,
                                      List<Contribution> contributions, Derivation derivation) {
        return new Explanation(user, item, algorithmId, params, score, prediction, contributions, derivation);
    }

    protected void checkItem(int item) {
        if (item < 0 || item >= dataset.itemCount()) {
            throw new IllegalArgumentException("item index " + item + " outside 0.." + (dataset.itemCount() - 1));
        }
    }
}
