package org.recworkbench.similarity;

/** How a heatmap's rows (and columns, in the same order) are arranged. */
public enum HeatmapOrder {
    ID("by id"),
    POPULARITY("by popularity"),
    CLUSTERED("clustered (average linkage)");

    private final String label;

    HeatmapOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
