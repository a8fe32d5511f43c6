package org.recworkbench.algo.knn;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

import java.util.Arrays;
import java.util.List;

/**
 * Item-based kNN (Sarwar et al. 2001): the neighbours of item i for user u are the k items most similar to i among
 * those u rated. Prediction: base_i + σ_i Σ s_ij (r_uj − base_j)/σ_j / Σ|s_ij|; ranking score: Σ s_ij r_uj.
 */
public final class ItemKnnAlgorithm extends AbstractAlgorithm<KnnParams> {

    public static final String ID = "item-knn";
    private static final List<ParamSpec> PARAMS = KnnParams.specs("items");

    public ItemKnnAlgorithm() {
        super(ID, Family.NEIGHBOURHOOD,
                "Item-based kNN: scores an item by the user's ratings of the k most similar items",
                PARAMS);
    }

    @Override
    public KnnParams bind(ParamValues values) {
        return KnnParams.bind(values);
    }

    @Override
    public Model fit(Dataset train, KnnParams params, Progress progress, Cancellation cancellation) {
        Similarities sims = new Similarities(train, Orientation.ITEMS, params.similarityOptions());
        SimilarityMatrix pool = sims.topK(KnnParams.POOL, progress, cancellation);
        return new ItemKnnModel(train, values(params), sims, pool);
    }

    private static final class ItemKnnModel extends AbstractKnnModel {

        ItemKnnModel(Dataset dataset, ParamValues values, Similarities sims, SimilarityMatrix pool) {
            super(dataset, ID, values, sims, pool);
        }

        @Override
        AbstractKnnModel rescored(ParamValues values) {
            return new ItemKnnModel(dataset(), values, sims, pool);
        }

        /** The user's ratings by item index, NaN where unrated. */
        private double[] userRow(int user) {
            RatingMatrix r = dataset().ratings();
            double[] row = new double[dataset().itemCount()];
            Arrays.fill(row, Double.NaN);
            for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
                row[r.rowItem(p)] = r.rowValue(p);
            }
            return row;
        }

        private void gather(int item, double[] userRow, Neighbourhood nb) {
            nb.clear();
            int k = params.k();
            for (int p = pool.start(item), end = p + pool.neighbourCount(item); p < end && nb.count < k; p++) {
                int j = pool.neighbourAt(p);
                double r = userRow[j];
                if (r == r) {
                    nb.add(j, pool.similarityAt(p), r, pool.overlapAt(p));
                }
            }
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            double[] row = userRow(user);
            Neighbourhood nb = new Neighbourhood(params.k());
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                gather(i, row, nb);
                nb.evaluate(norm, i, user);
                scores[i] = nb.score;
            }
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            checkUser(user);
            checkItem(item);
            Neighbourhood nb = new Neighbourhood(params.k());
            gather(item, userRow(user), nb);
            nb.evaluate(norm, item, user);
            return nb.prediction;
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Neighbourhood nb = new Neighbourhood(params.k());
            gather(item, userRow(user), nb);
            nb.evaluate(norm, item, user);
            Derivation.Builder d = derivation("Item-kNN", user, item);
            d.step("Similarity", "\\text{" + sims.options().convention() + "}", "", Double.NaN);
            nb.record(norm, item, user, "i", "j", "u", this::itemId, params.k(), d);
            return explanation(user, item, nb.score, nb.prediction,
                    nb.contributions(norm, item, user, "neighbour item", this::itemId, this::itemLabel), d.build());
        }
    }
}
