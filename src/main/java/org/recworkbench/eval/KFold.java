package org.recworkbench.eval;

import org.recworkbench.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The interactions in random order, dealt into k parts; fold f tests part f, so each is tested exactly once. */
record KFold(int k) implements Splitter {

    KFold {
        if (k < 2 || k > 100) {
            throw new IllegalArgumentException("kfold needs 2 to 100 folds, not " + k);
        }
    }

    @Override
    public String spec() {
        return "kfold:" + k;
    }

    @Override
    public List<Fold> split(Dataset dataset, long seed) {
        int size = dataset.interactionCount();
        int[] order = Splitters.permutation(size, new SplittableRandom(seed));
        int[] part = new int[size];
        for (int n = 0; n < size; n++) {
            part[order[n]] = n % k;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            boolean[] inTest = new boolean[size];
            for (int p = 0; p < size; p++) {
                inTest[p] = part[p] == f;
            }
            folds.add(Partition.of(dataset, f, k, inTest));
        }
        return folds;
    }
}
