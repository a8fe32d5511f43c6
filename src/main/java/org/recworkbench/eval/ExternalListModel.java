package org.recworkbench.eval;

import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Derivation;

import java.util.Arrays;
import java.util.List;

/**
 * A list read from a file seen as a model, so the evaluation measures it with the same code as a fitted model: a
 * listed item at 0-based position k scores (length − k), every other item has no score (NaN), so a top-N is the
 * list cut at N and never filled with unlisted items. Its ratings are the predictions read from a file (NaN for a
 * pair the file has not, and for every pair without such a file).
 */
final class ExternalListModel implements Model {

    private static final ParamValues NO_PARAMS = ParamValues.defaults(List.of());

    private final Dataset train;
    private final int[][] lists;
    private final ExternalPredictions predictions;

    /** @param predictions null when only lists were given */
    ExternalListModel(Dataset train, int[][] lists, ExternalPredictions predictions) {
        if (lists.length != train.userCount()) {
            throw new IllegalArgumentException("one list per training user");
        }
        if (predictions != null && predictions.userCount() != train.userCount()) {
            throw new IllegalArgumentException("the predictions were read for another training dataset");
        }
        this.train = train;
        this.lists = lists;
        this.predictions = predictions;
    }

    @Override
    public Dataset dataset() {
        return train;
    }

    @Override
    public String algorithmId() {
        return ExternalEvaluation.ALGORITHM;
    }

    @Override
    public ParamValues params() {
        return NO_PARAMS;
    }

    @Override
    public double[] scoreAll(int user) {
        checkUser(user);
        double[] scores = new double[train.itemCount()];
        Arrays.fill(scores, Double.NaN);
        int[] list = lists[user];
        for (int k = 0; k < list.length; k++) {
            scores[list[k]] = list.length - k;
        }
        return scores;
    }

    @Override
    public double predict(int user, int item) {
        checkUser(user);
        return predictions == null ? Double.NaN : predictions.predict(user, item);
    }

    @Override
    public Explanation explain(int user, int item) {
        double score = scoreAll(user)[item];
        return new Explanation(user, item, ExternalEvaluation.ALGORITHM, NO_PARAMS, score, predict(user, item), List.of(),
                new Derivation("", List.of()));
    }
}
