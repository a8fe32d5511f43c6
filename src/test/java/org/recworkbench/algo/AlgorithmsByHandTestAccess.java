package org.recworkbench.algo;

import org.recworkbench.data.Dataset;

/** The 4 × 4 ratings of {@link AlgorithmsByHandTest}, for tests in other packages. */
public final class AlgorithmsByHandTestAccess {

    private AlgorithmsByHandTestAccess() {
    }

    public static Dataset ratings() {
        return AlgorithmsByHandTest.RATINGS;
    }
}
