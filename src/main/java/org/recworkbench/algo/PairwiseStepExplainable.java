package org.recworkbench.algo;

import org.recworkbench.explain.Derivation;

/** A pairwise-ranking model (BPR) that can show one training step, computed by its training code. */
public interface PairwiseStepExplainable {

    /**
     * One step on (user, positive, j) with j drawn as training draws it (uniformly among the items the user never
     * interacted with) by a generator seeded with {@code seed}; the model is not changed.
     *
     * @throws org.recworkbench.data.InvalidInputException when the user never interacted with {@code positive}
     */
    Derivation explainStep(int user, int positive, long seed);
}
