package org.recworkbench.algo;

import org.recworkbench.explain.Derivation;

/**
 * A model trained by alternating solves that can show one solve of one user against the fitted item side, computed by
 * its training code (ALS's normal equations, NMF's multiplicative update).
 */
public interface UserSolveExplainable {

    /** The numbers of one user's solve (or update) with the item side as fitted; the model is not changed. */
    Derivation explainUserSolve(int user);
}
