package org.recworkbench.similarity;

/**
 * All pairwise similarities of a chosen subset (heatmaps): {@code value(r, c)} for subset positions r, c, with the
 * overlap of each pair; the diagonal holds each vector's similarity with itself.
 */
public final class DenseSimilarity {

    private final int[] subset;
    private final float[] values;
    private final int[] overlaps;

    DenseSimilarity(int[] subset, float[] values, int[] overlaps) {
        this.subset = subset;
        this.values = values;
        this.overlaps = overlaps;
    }

    /** The similarities of a subset from their arrays (a model file's state), kept, not copied. */
    public static DenseSimilarity of(int[] subset, float[] values, int[] overlaps) {
        if (values.length != subset.length * subset.length || overlaps.length != values.length) {
            throw new IllegalArgumentException("a dense similarity of " + subset.length + " rows needs "
                    + subset.length * subset.length + " values and overlaps");
        }
        return new DenseSimilarity(subset, values, overlaps);
    }

    /** Row-major subset × subset similarities; not to be changed. */
    public float[] valueArray() {
        return values;
    }

    /** Row-major subset × subset overlaps; not to be changed. */
    public int[] overlapArray() {
        return overlaps;
    }

    public int size() {
        return subset.length;
    }

    /** The user or item index at a subset position. */
    public int index(int position) {
        return subset[position];
    }

    public float value(int row, int col) {
        return values[row * subset.length + col];
    }

    public int overlap(int row, int col) {
        return overlaps[row * subset.length + col];
    }
}
