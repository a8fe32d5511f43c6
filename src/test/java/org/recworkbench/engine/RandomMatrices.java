package org.recworkbench.engine;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Small random rating matrices for property checks, reproducible from a seed. */
final class RandomMatrices {

    private RandomMatrices() {
    }

    /** Users × items, each cell present with the given density; integer 1–5, float, or implicit 1 values. */
    static double[][] matrix(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int users = 2 + random.nextInt(11);
        int items = 2 + random.nextInt(11);
        double density = 0.2 + 0.7 * random.nextDouble();
        int style = random.nextInt(3);
        double[][] m = new double[users][items];
        for (double[] row : m) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() >= density) {
                    row[i] = Double.NaN;
                } else {
                    row[i] = switch (style) {
                        case 0 -> 1 + random.nextInt(5);
                        case 1 -> Math.round(random.nextDouble() * 40) / 8.0 - 1;
                        default -> 1;
                    };
                }
            }
        }
        return m;
    }

    static Dataset dataset(double[][] m) {
        return DatasetBuilder.fromMatrix("random", DatasetKind.EXPLICIT, m);
    }

    /**
     * The same matrix with users and items renamed and inserted in a shuffled order; cell (u, i) of {@code m} is
     * user "U" + u, item "I" + i.
     */
    static Dataset shuffled(double[][] m, long seed) {
        Random random = new Random(seed);
        List<int[]> cells = new ArrayList<>();
        for (int u = 0; u < m.length; u++) {
            for (int i = 0; i < m[u].length; i++) {
                if (!Double.isNaN(m[u][i])) {
                    cells.add(new int[] {u, i});
                }
            }
        }
        Collections.shuffle(cells, random);
        DatasetBuilder b = new DatasetBuilder("shuffled", DatasetKind.EXPLICIT);
        List<Integer> itemOrder = new ArrayList<>();
        for (int i = 0; i < m[0].length; i++) {
            itemOrder.add(i);
        }
        Collections.shuffle(itemOrder, random);
        for (int i : itemOrder) {
            b.item("I" + i, "I" + i, new String[0], "");
        }
        for (int[] c : cells) {
            b.add("U" + c[0], "I" + c[1], m[c[0]][c[1]]);
        }
        return b.build();
    }
}
