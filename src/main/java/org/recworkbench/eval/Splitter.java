package org.recworkbench.eval;

import org.recworkbench.data.Dataset;

import java.util.List;

/** Partitions a dataset's interactions into training and test folds; the same seed gives the same folds. */
public interface Splitter {

    /** The text form, as parsed by {@link Splitters#parse}, e.g. {@code kfold:5}. */
    String spec();

    List<Fold> split(Dataset dataset, long seed);
}
