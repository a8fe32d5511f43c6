package org.recworkbench.similarity;

/**
 * Each row's most similar rows with a positive similarity, best first (ties by index), at most {@code k} per row:
 * neighbour indices, similarities and overlaps in parallel arrays, rows delimited by {@code rowStart}.
 */
public final class SimilarityMatrix {

    private final Orientation orientation;
    private final SimilarityOptions options;
    private final int k;
    private final int[] rowStart;
    private final int[] neighbours;
    private final float[] similarities;
    private final int[] overlaps;

    SimilarityMatrix(Orientation orientation, SimilarityOptions options, int k, int[] rowStart, int[] neighbours,
                     float[] similarities, int[] overlaps) {
        this.orientation = orientation;
        this.options = options;
        this.k = k;
        this.rowStart = rowStart;
        this.neighbours = neighbours;
        this.similarities = similarities;
        this.overlaps = overlaps;
    }

    /**
     * A matrix from its arrays (a model file's state), kept, not copied. The caller has checked them: row starts
     * ascending from 0, neighbour indices in range, at most k per row.
     */
    public static SimilarityMatrix of(Orientation orientation, SimilarityOptions options, int k, int[] rowStart,
                                      int[] neighbours, float[] similarities, int[] overlaps) {
        return new SimilarityMatrix(orientation, options, k, rowStart, neighbours, similarities, overlaps);
    }

    /** The row starts (rows + 1 of them) as stored; not to be changed. */
    public int[] rowStarts() {
        return rowStart;
    }

    /** Every row's neighbour indices, row after row, as stored; not to be changed. */
    public int[] neighbourArray() {
        return neighbours;
    }

    /** The similarities parallel to {@link #neighbourArray()}; not to be changed. */
    public float[] similarityArray() {
        return similarities;
    }

    /** The overlaps parallel to {@link #neighbourArray()}; not to be changed. */
    public int[] overlapArray() {
        return overlaps;
    }

    public Orientation orientation() {
        return orientation;
    }

    public SimilarityOptions options() {
        return options;
    }

    /** The most neighbours kept per row. */
    public int k() {
        return k;
    }

    public int rows() {
        return rowStart.length - 1;
    }

    public int neighbourCount(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    /** Position of a row's first neighbour in the flat arrays; its neighbours follow, best first. */
    public int start(int row) {
        return rowStart[row];
    }

    public int neighbourAt(int position) {
        return neighbours[position];
    }

    public float similarityAt(int position) {
        return similarities[position];
    }

    public int overlapAt(int position) {
        return overlaps[position];
    }

    /** Stored entries over all rows. */
    public int size() {
        return neighbours.length;
    }

    public long memoryBytes() {
        return 4L * rowStart.length + 12L * neighbours.length;
    }
}
