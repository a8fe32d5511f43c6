package org.recworkbench.algo;

/** How the algorithm chooser groups algorithms. */
public enum Family {
    BASELINE("Baselines"),
    NEIGHBOURHOOD("Neighbourhood (kNN)"),
    CONTENT("Content-based"),
    HYBRID("Hybrid"),
    MATRIX_FACTORISATION("Matrix factorisation"),
    LINEAR("Linear item models"),
    GRAPH("Graph"),
    NEURAL("Neural");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
