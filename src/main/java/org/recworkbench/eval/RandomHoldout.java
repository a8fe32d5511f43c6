package org.recworkbench.eval;

import org.recworkbench.data.Dataset;

import java.util.List;
import java.util.SplittableRandom;

/** A random fraction of all interactions is tested (round(fraction · size) of them). */
record RandomHoldout(double fraction) implements Splitter {

    RandomHoldout {
        Splitters.checkFraction(fraction);
    }

    @Override
    public String spec() {
        return "holdout:" + Splitters.format(fraction);
    }

    @Override
    public List<Fold> split(Dataset dataset, long seed) {
        int size = dataset.interactionCount();
        int[] order = Splitters.permutation(size, new SplittableRandom(seed));
        boolean[] inTest = new boolean[size];
        int tested = (int) Math.round(fraction * size);
        for (int k = 0; k < tested; k++) {
            inTest[order[k]] = true;
        }
        return List.of(Partition.of(dataset, 0, 1, inTest));
    }
}
