package org.recworkbench.algo;

/** A model trained in epochs or iterations, which keeps its learning curve. */
public interface IterativeModel extends Model {

    /** The training loss after each epoch, in order (its definition is in the algorithm's description). */
    double[] lossCurve();
}
