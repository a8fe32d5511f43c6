package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.util.Arrays;
import java.util.List;

/** The last fraction of all interactions by time is tested (equal times in user, then item order). */
record TemporalSplit(double fraction) implements Splitter {

    TemporalSplit {
        Splitters.checkFraction(fraction);
    }

    @Override
    public String spec() {
        return "temporal:" + Splitters.format(fraction);
    }

    @Override
    public List<Fold> split(Dataset dataset, long seed) {
        RatingMatrix r = dataset.ratings();
        if (!r.hasTimestamps()) {
            throw new IllegalArgumentException("temporal splits need timestamps; dataset " + dataset.name()
                    + " has none (use holdout or kfold)");
        }
        int size = r.size();
        long[] keyed = new long[size];
        for (int p = 0; p < size; p++) {
            keyed[p] = ((long) r.rowTimestamp(p) << 32) | p;
        }
        Arrays.sort(keyed);
        boolean[] inTest = new boolean[size];
        int tested = (int) Math.round(fraction * size);
        for (int k = size - tested; k < size; k++) {
            inTest[(int) keyed[k]] = true;
        }
        return List.of(Partition.of(dataset, 0, 1, inTest));
    }
}
