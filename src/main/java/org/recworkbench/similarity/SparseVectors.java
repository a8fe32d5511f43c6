package org.recworkbench.similarity;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

/**
 * The vectors a measure compares, prepared once: for users the rows of the rating matrix, for items its columns,
 * each in both layouts (the vectors themselves, and their transpose for sparse products), with values already
 * transformed as the measure needs (centred for adjusted cosine and vector-mean Pearson, 1 for Jaccard).
 */
final class SparseVectors {

    final int rows;
    final int cols;
    final int[] rowStart;
    final int[] rowIdx;
    final double[] rowVal;
    final int[] colStart;
    final int[] colIdx;
    final double[] colVal;
    /** Σ x² over each vector's entries (transformed values). */
    final double[] norm2;
    /** The mean of each vector's raw values (vector-mean Pearson centres by it). */
    final double[] rowMean;
    /** The mean of the raw values of each entity on the other side (adjusted cosine centres by it). */
    final double[] colMean;

    SparseVectors(Dataset dataset, Orientation orientation, SimilarityOptions options) {
        RatingMatrix r = dataset.ratings();
        boolean users = orientation == Orientation.USERS;
        rows = users ? r.userCount() : r.itemCount();
        cols = users ? r.itemCount() : r.userCount();
        int nnz = r.size();
        rowStart = new int[rows + 1];
        rowIdx = new int[nnz];
        double[] rawRow = new double[nnz];
        colStart = new int[cols + 1];
        colIdx = new int[nnz];
        double[] rawCol = new double[nnz];
        copyLayout(r, users, rowStart, rowIdx, rawRow);
        copyLayout(r, !users, colStart, colIdx, rawCol);
        rowMean = means(rowStart, rawRow);
        colMean = means(colStart, rawCol);
        rowVal = transform(options, rowStart, rowIdx, rawRow, rowMean, colMean, true);
        colVal = transform(options, colStart, colIdx, rawCol, colMean, rowMean, false);
        norm2 = new double[rows];
        for (int a = 0; a < rows; a++) {
            double s = 0;
            for (int p = rowStart[a]; p < rowStart[a + 1]; p++) {
                s += rowVal[p] * rowVal[p];
            }
            norm2[a] = s;
        }
    }

    private static void copyLayout(RatingMatrix r, boolean byUser, int[] start, int[] idx, double[] val) {
        int n = byUser ? r.userCount() : r.itemCount();
        int p = 0;
        for (int a = 0; a < n; a++) {
            start[a] = p;
            int from = byUser ? r.rowStart(a) : r.colStart(a);
            int len = byUser ? r.rowLength(a) : r.colLength(a);
            for (int k = from; k < from + len; k++, p++) {
                idx[p] = byUser ? r.rowItem(k) : r.colUser(k);
                val[p] = byUser ? r.rowValue(k) : r.colValue(k);
            }
        }
        start[n] = p;
    }

    private static double[] means(int[] start, double[] raw) {
        double[] mean = new double[start.length - 1];
        for (int a = 0; a < mean.length; a++) {
            double s = 0;
            for (int p = start[a]; p < start[a + 1]; p++) {
                s += raw[p];
            }
            int n = start[a + 1] - start[a];
            mean[a] = n == 0 ? 0 : s / n;
        }
        return mean;
    }

    /**
     * @param ownMean   means of the vectors in this layout's rows
     * @param otherMean means of the entities this layout's entries point at
     * @param asRows    whether this layout holds the compared vectors (true) or their transpose
     */
    private static double[] transform(SimilarityOptions o, int[] start, int[] idx, double[] raw, double[] ownMean,
                                      double[] otherMean, boolean asRows) {
        double[] out = new double[raw.length];
        for (int a = 0; a < start.length - 1; a++) {
            for (int p = start[a]; p < start[a + 1]; p++) {
                out[p] = switch (o.measure()) {
                    case COSINE, EUCLIDEAN, MSD -> raw[p];
                    case JACCARD -> 1;
                    // centre by the mean of the compared vector: in the transpose that is the entry's target
                    case PEARSON -> o.vectorMeans() ? raw[p] - (asRows ? ownMean[a] : otherMean[idx[p]]) : raw[p];
                    // centre by the other side's mean: in the transpose that is the row itself
                    case ADJUSTED_COSINE -> raw[p] - (asRows ? otherMean[idx[p]] : ownMean[a]);
                };
            }
        }
        return out;
    }

    int length(int a) {
        return rowStart[a + 1] - rowStart[a];
    }
}
