package org.recworkbench.algo.knn;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;


/**
 * User-based kNN (Resnick et al. 1994; Herlocker et al. 1999): the neighbours of user u for item i are the k users
 * most similar to u among those who rated i. Prediction: base_u + σ_u Σ s_uv (r_vi − base_v)/σ_v / Σ|s_uv|;
 * ranking score: Σ s_uv r_vi.
 */
public final class UserKnnAlgorithm extends AbstractKnnAlgorithm {

    public static final String ID = "user-knn";

    public UserKnnAlgorithm() {
        super(ID, "User-based kNN: scores an item by the ratings of the k most similar users who rated it", Orientation.USERS);
    }

    @Override
    Model model(Dataset train, ParamValues values, Similarities sims, SimilarityMatrix pool) {
        return new UserKnnModel(train, values, sims, pool, null);
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

        /** The profile's most similar users (positive similarity), best first, as a pool of the usual size. */
        @Override
        NeighbourSource neighbours(org.recworkbench.algo.UserProfile profile) {
            int[] overlaps = new int[dataset().userCount()];
            double[] similarity = sims.against(profile.items(), profile.values(), overlaps);
            org.recworkbench.data.TopN top = new org.recworkbench.data.TopN(KnnParams.POOL);
            for (int v = 0; v < similarity.length; v++) {
                if (similarity[v] > 0) {
                    top.offer(v, (float) similarity[v], overlaps[v]);
                }
            }
            int[] users = new int[top.size()];
            double[] values = new double[users.length];
            int[] overlap = new int[users.length];
            top.drainInto(users, values, overlap);
            RatingMatrix r = dataset().ratings();
            return (item, nb) -> {
                nb.clear();
                for (int t = 0; t < users.length && nb.count < params.k(); t++) {
                    double rating = r.value(users[t], item);
                    if (rating == rating) {
                        nb.add(users[t], values[t], rating, overlap[t]);
                    }
                }
            };
        }

        @Override
        void gather(int user, int item, Neighbourhood nb) {
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


    }
}
