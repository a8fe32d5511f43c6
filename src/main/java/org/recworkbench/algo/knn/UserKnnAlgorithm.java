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

import java.util.List;

/**
 * User-based kNN (Resnick et al. 1994; Herlocker et al. 1999): the neighbours of user u for item i are the k users
 * most similar to u among those who rated i. Prediction: base_u + σ_u Σ s_uv (r_vi − base_v)/σ_v / Σ|s_uv|;
 * ranking score: Σ s_uv r_vi.
 */
public final class UserKnnAlgorithm extends AbstractAlgorithm<KnnParams> {

    public static final String ID = "user-knn";
    private static final List<ParamSpec> PARAMS = KnnParams.specs("users");

    public UserKnnAlgorithm() {
        super(ID, Family.NEIGHBOURHOOD,
                "User-based kNN: scores an item by the ratings of the k most similar users who rated it",
                PARAMS);
    }

    @Override
    public KnnParams bind(ParamValues values) {
        return KnnParams.bind(values);
    }

    @Override
    public Model fit(Dataset train, KnnParams params, Progress progress, Cancellation cancellation) {
        Similarities sims = new Similarities(train, Orientation.USERS, params.similarityOptions());
        SimilarityMatrix pool = sims.topK(KnnParams.POOL, progress, cancellation);
        return new UserKnnModel(train, values(params), sims, pool, null);
    }

    private static final class UserKnnModel extends AbstractKnnModel {

        UserKnnModel(Dataset dataset, ParamValues values, Similarities sims, SimilarityMatrix pool,
                     Normaliser previous) {
            super(dataset, ID, values, sims, pool, previous);
        }

        @Override
        AbstractKnnModel rescored(ParamValues values) {
            return new UserKnnModel(dataset(), values, sims, pool, norm);
        }

        /**
         * Visits u's neighbours best first and lets each add its ratings to the items that still have fewer than k
         * neighbours: the same neighbours, in the same order, as {@link #gather}, so the sums are identical.
         */
        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            RatingMatrix r = dataset().ratings();
            int items = dataset().itemCount();
            double[] scores = new double[items];
            int[] found = new int[items];
            int k = params.k();
            for (int p = pool.start(user), end = p + pool.neighbourCount(user); p < end; p++) {
                int v = pool.neighbourAt(p);
                double sim = pool.similarityAt(p);
                for (int q = r.rowStart(v), qEnd = q + r.rowLength(v); q < qEnd; q++) {
                    int i = r.rowItem(q);
                    if (found[i] < k) {
                        scores[i] += sim * r.rowValue(q);
                        found[i]++;
                    }
                }
            }
            for (int i = 0; i < items; i++) {
                if (found[i] == 0) {
                    scores[i] = Double.NaN;
                }
            }
            return scores;
        }

        private void gather(int user, int item, Neighbourhood nb) {
            nb.clear();
            RatingMatrix r = dataset().ratings();
            for (int p = pool.start(user), end = p + pool.neighbourCount(user); p < end && nb.count < params.k();
                 p++) {
                int v = pool.neighbourAt(p);
                double rating = r.value(v, item);
                if (rating == rating) {
                    nb.add(v, pool.similarityAt(p), rating, pool.overlapAt(p));
                }
            }
        }

        @Override
        public double predict(int user, int item) {
            checkUser(user);
            checkItem(item);
            Neighbourhood nb = new Neighbourhood(params.k());
            gather(user, item, nb);
            nb.evaluate(norm, user, item);
            return nb.prediction;
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Neighbourhood nb = new Neighbourhood(params.k());
            gather(user, item, nb);
            nb.evaluate(norm, user, item);
            Derivation.Builder d = derivation("User-kNN", user, item);
            d.step("Similarity", "\\text{" + sims.options().convention() + "}", "", Double.NaN);
            nb.record(norm, user, item, "u", "v", "i", this::userId, params.k(), d);
            return explanation(user, item, nb.score, nb.prediction,
                    nb.contributions(norm, user, item, "neighbour user", this::userId, this::userId), d.build());
        }
    }
}
