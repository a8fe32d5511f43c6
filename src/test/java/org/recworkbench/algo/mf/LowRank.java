package org.recworkbench.algo.mf;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;

import java.util.SplittableRandom;

/** A synthetic rank-2 rating matrix with Gaussian noise, 60% observed. */
final class LowRank {

    static final double NOISE = 0.1;

    private LowRank() {
    }

    static Dataset matrix(int users, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] u = new double[users][2];
        double[][] v = new double[items][2];
        for (double[] row : u) {
            row[0] = 1 + random.nextDouble();
            row[1] = random.nextDouble() - 0.5;
        }
        for (double[] row : v) {
            row[0] = 1 + random.nextDouble();
            row[1] = 2 * random.nextDouble() - 1;
        }
        double[][] m = new double[users][items];
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < items; b++) {
                m[a][b] = random.nextDouble() < 0.6
                        ? u[a][0] * v[b][0] + u[a][1] * v[b][1] + NOISE * Factors.gaussian(random) : Double.NaN;
            }
        }
        return DatasetBuilder.fromMatrix("low-rank", DatasetKind.EXPLICIT, m);
    }
}
