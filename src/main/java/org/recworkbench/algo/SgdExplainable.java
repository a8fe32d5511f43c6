package org.recworkbench.algo;

import org.recworkbench.explain.Derivation;

/** A model trained by stochastic gradient descent that can show one update step, computed by its training code. */
public interface SgdExplainable {

    /** The error, gradients and new values of one step on (user, item, rating); the model is not changed. */
    Derivation explainStep(int user, int item, double rating);
}
