package org.recworkbench.algo;

/**
 * A fitted model whose learned numbers can be written to a model file, so that loading it needs no refit. Its
 * algorithm implements {@link Restorable} to rebuild the model from them. Models that are not persistable are
 * stored as their recipe (algorithm, parameters, dataset fingerprint) and refitted on load.
 */
public interface Persistable extends Model {

    /** The learned numbers; the arrays may be shared with the model and must not be changed. */
    ModelState state();
}
