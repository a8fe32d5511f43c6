package org.recworkbench.algo.knn;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.data.TopN;
import org.recworkbench.job.Cancellation;
import org.recworkbench.similarity.DenseSimilarity;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Item-based kNN (Sarwar et al. 2001): the neighbours of item i for user u are the k items most similar to i among
 * those u rated (rule {@code rated}; {@code pool}: the first k rated ones among i's {@link KnnParams#POOL} most
 * similar). Prediction: base_i + σ_i Σ s_ij (r_uj − base_j)/σ_j / Σ|s_ij|; ranking score: Σ s_ij r_uj, or the
 * prediction.
 */
public final class ItemKnnAlgorithm extends AbstractKnnAlgorithm implements org.recworkbench.algo.Restorable {

    public static final String ID = "item-knn";

    public ItemKnnAlgorithm() {
        super(ID, "Item-based kNN: scores an item by the user's ratings of the k most similar items", Orientation.ITEMS);
    }

    /** Item-item similarities kept whole (float) when they fit this budget: the rated rule then only looks up. */
    static final long DENSE_BUDGET_BYTES = 64L << 20;

    @Override
    Model model(Dataset train, ParamValues values, Similarities sims, SimilarityMatrix pool) {
        int n = train.itemCount();
        DenseSimilarity dense = keepsDense(n) ? sims.dense(IntStream.range(0, n).toArray(), DENSE_BUDGET_BYTES) : null;
        return new ItemKnnModel(train, values, sims, pool, dense, null);
    }

    /**
     * The neighbour pool and, when the fit keeps it, the dense item-item similarities as stored. The similarity
     * measure's vectors and the normaliser are rebuilt from the ratings: one pass over them, as every change of a
     * rescore-only parameter does.
     */
    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        KnnParams params = bind(values);
        int n = dataset.itemCount();
        SimilarityMatrix pool = StoredPool.read(state, Orientation.ITEMS, params.similarityOptions(), n, n);
        DenseSimilarity dense = null;
        if (keepsDense(n)) {
            int cells = Math.multiplyExact(n, n);
            dense = DenseSimilarity.of(IntStream.range(0, n).toArray(), state.floats("dense-similarities", cells),
                    state.ints("dense-overlaps", cells));
        }
        Similarities sims = new Similarities(dataset, Orientation.ITEMS, params.similarityOptions());
        return new ItemKnnModel(dataset, values, sims, pool, dense, null);
    }

    private static boolean keepsDense(int items) {
        return 8L * items * items <= DENSE_BUDGET_BYTES;
    }

    private static final class ItemKnnModel extends AbstractKnnModel implements org.recworkbench.algo.Persistable {

        /** Every pair's similarity and overlap when small enough (null otherwise: rows are computed on demand). */
        private final DenseSimilarity dense;

        ItemKnnModel(Dataset dataset, ParamValues values, Similarities sims, SimilarityMatrix pool,
                     DenseSimilarity dense, Normaliser previous) {
            super(dataset, ID, values, sims, pool, previous);
            this.dense = dense;
        }

        @Override
        public org.recworkbench.algo.ModelState state() {
            org.recworkbench.algo.ModelState state = StoredPool.put(new org.recworkbench.algo.ModelState(), pool);
            if (dense != null) {
                state.putFloats("dense-similarities", dense.valueArray()).putInts("dense-overlaps",
                        dense.overlapArray());
            }
            return state;
        }

        @Override
        AbstractKnnModel rescored(ParamValues values) {
            return new ItemKnnModel(dataset(), values, sims, pool, dense, norm);
        }

        /** Item a's similarity to every item (and the overlaps): a dense row when kept, else computed. */
        private double[] row(int a, int[] overlaps) {
            if (dense == null) {
                return sims.row(a, overlaps);
            }
            int n = dataset().itemCount();
            double[] row = new double[n];
            for (int b = 0; b < n; b++) {
                row[b] = dense.value(a, b);
                overlaps[b] = dense.overlap(a, b);
            }
            return row;
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
            if (rated()) {
                return ratedSource(profile.items(), profile.values(), Cancellation.NEVER);
            }
            double[] row = new double[dataset().itemCount()];
            Arrays.fill(row, Double.NaN);
            for (int t = 0; t < profile.size(); t++) {
                row[profile.items()[t]] = profile.values()[t];
            }
            return (item, nb) -> gatherFrom(item, row, nb);
        }

        @Override
        NeighbourSource neighboursOf(int user, Cancellation cancellation) {
            if (!rated()) {
                double[] row = userRow(user);
                return (item, nb) -> gatherFrom(item, row, nb);
            }
            RatingMatrix r = dataset().ratings();
            int n = r.rowLength(user);
            int[] items = new int[n];
            double[] values = new double[n];
            for (int t = 0; t < n; t++) {
                items[t] = r.rowItem(r.rowStart(user) + t);
                values[t] = r.rowValue(r.rowStart(user) + t);
            }
            return ratedSource(items, values, cancellation);
        }

        /**
         * The rated rule for a whole list: the similarity row of each rated item j (computed on demand, symmetric,
         * so s(j, i) = s(i, j) bit for bit) is offered to a bounded heap per candidate item i; each heap keeps the
         * k most similar rated items (positive similarity, ties to the lower index), the neighbours
         * {@link #gather} finds from i's own row.
         */
        private NeighbourSource ratedSource(int[] items, double[] values, Cancellation cancellation) {
            int count = dataset().itemCount();
            int k = params.k();
            TopN[] heaps = new TopN[count];
            int[] overlaps = new int[count];
            for (int t = 0; t < items.length; t++) {
                cancellation.throwIfCancelled();
                int j = items[t];
                double[] row = row(j, overlaps);
                for (int i = 0; i < count; i++) {
                    if (row[i] > 0 && i != j) {
                        if (heaps[i] == null) {
                            heaps[i] = new TopN(k);
                        }
                        heaps[i].offer(t, row[i], overlaps[i]);
                    }
                }
            }
            int[] size = new int[count];
            int[] neighbour = new int[count * k];
            double[] similarity = new double[count * k];
            int[] overlap = new int[count * k];
            int[] idx = new int[k];
            double[] sim = new double[k];
            int[] ov = new int[k];
            for (int i = 0; i < count; i++) {
                if (heaps[i] != null) {
                    size[i] = heaps[i].drainInto(idx, sim, ov);
                    System.arraycopy(idx, 0, neighbour, i * k, size[i]);
                    System.arraycopy(sim, 0, similarity, i * k, size[i]);
                    System.arraycopy(ov, 0, overlap, i * k, size[i]);
                }
            }
            return (item, nb) -> {
                nb.clear();
                for (int p = item * k, end = p + size[item]; p < end; p++) {
                    int t = neighbour[p];
                    nb.add(items[t], (float) similarity[p], values[t], overlap[p]);
                }
            };
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
            if (!rated()) {
                gatherFrom(item, userRow(user), nb);
                return;
            }
            // the k most similar among the items the user rated, from the item's own similarity row
            RatingMatrix r = dataset().ratings();
            int[] overlaps = new int[dataset().itemCount()];
            double[] row = row(item, overlaps);
            TopN top = new TopN(params.k());
            int start = r.rowStart(user);
            for (int t = 0, n = r.rowLength(user); t < n; t++) {
                int j = r.rowItem(start + t);
                if (row[j] > 0 && j != item) {
                    top.offer(t, row[j], overlaps[j]);
                }
            }
            int[] idx = new int[top.size()];
            double[] sim = new double[idx.length];
            int[] ov = new int[idx.length];
            top.drainInto(idx, sim, ov);
            nb.clear();
            for (int q = 0; q < idx.length; q++) {
                nb.add(r.rowItem(start + idx[q]), (float) sim[q], r.rowValue(start + idx[q]), ov[q]);
            }
        }

        /**
         * The pool rule's Σ s·r for every item, without building neighbourhoods: the same neighbours as
         * {@link #gather}, summed in the same order as {@link Neighbourhood#evaluate}, so the value equals the
         * explained score to the last bit. The user's items are counted from a bit set (a few hundred bytes, always
         * in cache) without a data-dependent branch.
         */
        @Override
        double[] pooledSums(int user) {
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
