package org.recworkbench.algo.knn;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.data.TopN;
import org.recworkbench.job.Cancellation;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;


/**
 * User-based kNN (Resnick et al. 1994; Herlocker et al. 1999): the neighbours of user u for item i are the k users
 * most similar to u among those who rated i (rule {@code rated}; {@code pool}: the first k who rated i among u's
 * {@link KnnParams#POOL} most similar). Prediction: base_u + σ_u Σ s_uv (r_vi − base_v)/σ_v / Σ|s_uv|;
 * ranking score: Σ s_uv r_vi, or the prediction.
 */
public final class UserKnnAlgorithm extends AbstractKnnAlgorithm implements org.recworkbench.algo.Restorable {

    public static final String ID = "user-knn";

    public UserKnnAlgorithm() {
        super(ID, "User-based kNN: scores an item by the ratings of the k most similar users who rated it", Orientation.USERS);
    }

    @Override
    Model model(Dataset train, ParamValues values, Similarities sims, SimilarityMatrix pool) {
        return new UserKnnModel(train, values, sims, pool, null);
    }

    /**
     * The fitted neighbour pool as stored; the measure's vectors and the normaliser are rebuilt from the ratings (one
     * pass over them). A model on too many users to fit a pool stores nothing and is refitted: its fit is that pass.
     */
    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        KnnParams params = bind(values);
        int n = dataset.userCount();
        SimilarityMatrix pool = StoredPool.read(state, Orientation.USERS, params.similarityOptions(), n, n);
        return new UserKnnModel(dataset, values, new Similarities(dataset, Orientation.USERS,
                params.similarityOptions()), pool, null);
    }

    private static final class UserKnnModel extends AbstractKnnModel implements org.recworkbench.algo.Persistable {

        UserKnnModel(Dataset dataset, ParamValues values, Similarities sims, SimilarityMatrix pool,
                     Normaliser previous) {
            super(dataset, ID, values, sims, pool, previous);
        }

        @Override
        AbstractKnnModel rescored(ParamValues values) {
            return new UserKnnModel(dataset(), values, sims, pool, norm);
        }

        @Override
        public org.recworkbench.algo.ModelState state() {
            org.recworkbench.algo.ModelState state = new org.recworkbench.algo.ModelState();
            return pool == null ? state : StoredPool.put(state, pool);
        }

        /**
         * The pool rule's Σ s·r: visits u's pooled neighbours best first and lets each add its ratings to the items
         * that still have fewer than k neighbours: the same neighbours, in the same order, as {@link #gather}, so the
         * sums are identical.
         */
        @Override
        double[] pooledSums(int user) {
            RatingMatrix r = dataset().ratings();
            int items = dataset().itemCount();
            double[] scores = new double[items];
            int[] found = new int[items];
            int k = params.k();
            Ranked pooled = rankedFor(user);
            for (int t = 0; t < pooled.users.length; t++) {
                int v = pooled.users[t];
                double sim = pooled.values[t];
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

        /** Users with a positive similarity, best first (ties to the lower index), at most {@code limit}. */
        private static Ranked ranked(double[] similarity, int[] overlaps, int exclude, int limit) {
            TopN top = new TopN(limit);
            for (int v = 0; v < similarity.length; v++) {
                if (similarity[v] > 0 && v != exclude) {
                    top.offer(v, (float) similarity[v], overlaps[v]);
                }
            }
            int[] users = new int[top.size()];
            double[] values = new double[users.length];
            int[] overlap = new int[users.length];
            top.drainInto(users, values, overlap);
            return new Ranked(users, values, overlap);
        }

        private record Ranked(int[] users, double[] values, int[] overlaps) {
        }

        /** Each item's first k raters in the ranked users: the k most similar users who rated it. */
        private NeighbourSource source(Ranked ranked) {
            RatingMatrix r = dataset().ratings();
            return (item, nb) -> {
                nb.clear();
                for (int t = 0; t < ranked.users.length && nb.count < params.k(); t++) {
                    double rating = r.value(ranked.users[t], item);
                    if (rating == rating) {
                        nb.add(ranked.users[t], ranked.values[t], rating, ranked.overlaps[t]);
                    }
                }
            };
        }

        /**
         * The rated rule's neighbours of a known user: the user's similarity to every other user (a row computed on
         * demand), best first, each item taking the first k who rated it; the pool rule's: the pooled neighbours,
         * from the fitted pool or, when there were too many users to fit one, the same top {@link KnnParams#POOL}
         * taken from the user's row.
         */
        private Ranked rankedFor(int user) {
            if (rated()) {
                int[] overlaps = new int[dataset().userCount()];
                return ranked(sims.row(user, overlaps), overlaps, user, dataset().userCount());
            }
            if (pool == null) {
                return poolRow(user);
            }
            int n = pool.neighbourCount(user);
            int[] users = new int[n];
            double[] values = new double[n];
            int[] overlap = new int[n];
            for (int t = 0; t < n; t++) {
                users[t] = pool.neighbourAt(pool.start(user) + t);
                values[t] = pool.similarityAt(pool.start(user) + t);
                overlap[t] = pool.overlapAt(pool.start(user) + t);
            }
            return new Ranked(users, values, overlap);
        }

        /**
         * The row of the fitted pool, computed alone: ranked by the double similarity and stored as float, exactly as
         * {@link Similarities#topK} ranks and stores it.
         */
        private Ranked poolRow(int user) {
            int[] overlaps = new int[dataset().userCount()];
            double[] similarity = sims.row(user, overlaps);
            TopN top = new TopN(Math.min(KnnParams.POOL, dataset().userCount()));
            for (int v = 0; v < similarity.length; v++) {
                if (similarity[v] > 0 && v != user) {
                    top.offer(v, similarity[v], overlaps[v]);
                }
            }
            int[] users = new int[top.size()];
            double[] values = new double[users.length];
            int[] overlap = new int[users.length];
            top.drainInto(users, values, overlap);
            for (int t = 0; t < values.length; t++) {
                values[t] = (float) values[t];
            }
            return new Ranked(users, values, overlap);
        }

        /**
         * A known user's list: for each item, its raters in the user's similarity order until k are found (the
         * ratings walked through the ranked users' rows, so a top-N costs one pass over their ratings).
         */
        @Override
        NeighbourSource neighboursOf(int user, Cancellation cancellation) {
            Ranked ranked = rankedFor(user);
            RatingMatrix r = dataset().ratings();
            int items = dataset().itemCount();
            int k = params.k();
            int[] found = new int[items];
            int[] neighbour = new int[items * k];
            double[] similarity = new double[items * k];
            double[] rating = new double[items * k];
            int[] overlap = new int[items * k];
            for (int t = 0; t < ranked.users.length; t++) {
                int v = ranked.users[t];
                for (int q = r.rowStart(v), qEnd = q + r.rowLength(v); q < qEnd; q++) {
                    int i = r.rowItem(q);
                    if (found[i] < k) {
                        int at = i * k + found[i]++;
                        neighbour[at] = v;
                        similarity[at] = ranked.values[t];
                        rating[at] = r.rowValue(q);
                        overlap[at] = ranked.overlaps[t];
                    }
                }
            }
            return (item, nb) -> {
                nb.clear();
                for (int at = item * k, end = at + found[item]; at < end; at++) {
                    nb.add(neighbour[at], similarity[at], rating[at], overlap[at]);
                }
            };
        }

        /** The profile's most similar users (positive similarity), best first: all of them (rated) or a pool. */
        @Override
        NeighbourSource neighbours(org.recworkbench.algo.UserProfile profile) {
            int[] overlaps = new int[dataset().userCount()];
            double[] similarity = sims.against(profile.items(), profile.values(), overlaps);
            return source(ranked(similarity, overlaps, -1, rated() ? dataset().userCount() : KnnParams.POOL));
        }

        @Override
        void gather(int user, int item, Neighbourhood nb) {
            source(rankedFor(user)).gather(item, nb);
        }
    }
}
