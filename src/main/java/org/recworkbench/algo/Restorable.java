package org.recworkbench.algo;

import org.recworkbench.data.Dataset;

/** An algorithm that rebuilds its {@link Persistable} models from their stored state, without a refit. */
public interface Restorable {

    /**
     * The model the state was taken from, on the same dataset and parameters.
     *
     * @throws org.recworkbench.data.InvalidInputException when the state does not fit the dataset or parameters
     */
    Model restore(Dataset dataset, ParamValues values, ModelState state);
}
