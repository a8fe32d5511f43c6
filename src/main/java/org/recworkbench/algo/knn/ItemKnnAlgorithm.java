package org.recworkbench.algo.knn;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

import java.util.Arrays;

/**
 * Item-based kNN (Sarwar et al. 2001): the neighbours of item i for user u are the k items most similar to i among
 * those u rated. Prediction: base_i + σ_i Σ s_ij (r_uj − base_j)/σ_j / Σ|s_ij|; ranking score: Σ s_ij r_uj.
 */
public final class ItemKnnAlgorithm extends AbstractKnnAlgorithm {

    public static final String ID = "item-knn";

    public ItemKnnAlgorithm() {
        super(ID, "Item-based kNN: scores an item by the user's ratings of the k most similar items", Orientation.ITEMS);
    }

    @Override
    Model model(Dataset train, ParamValues values, Similarities sims, SimilarityMatrix pool) {
        return new ItemKnnModel(train, values, sims, pool, null);
    }

    private static final class ItemKnnModel extends AbstractKnnModel {

        ItemKnnModel(Dataset dataset, ParamValues values, Similarities sims, SimilarityMatrix pool,
                     Normaliser previous) {
            super(dataset, ID, values, sims, pool, previous);
        }

        @Override
        AbstractKnnModel rescored(ParamValues values) {
            return new ItemKnnModel(dataset(), values, sims, pool, norm);
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

        @Override
        NeighbourSource neighbours(org.recworkbench.algo.UserProfile profile) {
            double[] row = new double[dataset().itemCount()];
            Arrays.fill(row, Double.NaN);
            for (int t = 0; t < profile.size(); t++) {
                row[profile.items()[t]] = profile.values()[t];
            }
            return (item, nb) -> gatherFrom(item, row, nb);
        }

        private void gatherFrom(int item, double[] userRow, Neighbourhood nb) {
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
        void gather(int user, int item, Neighbourhood nb) {
            gatherFrom(item, userRow(user), nb);
        }

        /**
         * The ranking score only: the same neighbours as {@link #gather}, summed in the same order as
         * {@link Neighbourhood#evaluate}, so the value equals the explained score to the last bit. The user's items
         * are counted from a bit set (a few hundred bytes, always in cache) without a data-dependent branch.
         */
        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            RatingMatrix r = dataset().ratings();
            int items = dataset().itemCount();
            double[] row = new double[items];
            long[] rated = new long[(items + 63) >>> 6];
            for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
                int j = r.rowItem(p);
                row[j] = r.rowValue(p);
                rated[j >>> 6] |= 1L << j;
            }
            int k = params.k();
            double[] scores = new double[items];
            for (int i = 0; i < items; i++) {
                double s = 0;
                int found = 0;
                for (int p = pool.start(i), end = p + pool.neighbourCount(i); p < end; p++) {
                    int j = pool.neighbourAt(p);
                    // branch-free: an unrated item adds exactly 0.0 (its row entry is 0), which leaves s unchanged
                    s += (double) pool.similarityAt(p) * row[j];
                    found += (int) ((rated[j >>> 6] >>> j) & 1L);
                    if (found == k) {
                        break;
                    }
                }
                scores[i] = found == 0 ? Double.NaN : s;
            }
            return scores;
        }


    }
}
