package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DuplicatePolicy;
import org.recworkbench.data.InteractionsBuilder;
import org.recworkbench.data.RatingMatrix;

/** Builds a {@link Fold} from a mark per interaction (its position in the row-major matrix): test or training. */
final class Partition {

    private Partition() {
    }

    static Fold of(Dataset dataset, int index, int folds, boolean[] inTest) {
        RatingMatrix r = dataset.ratings();
        int testSize = 0;
        for (boolean t : inTest) {
            testSize += t ? 1 : 0;
        }
        InteractionsBuilder train = new InteractionsBuilder(r.size() - testSize);
        InteractionsBuilder test = new InteractionsBuilder(testSize);
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                (inTest[p] ? test : train).add(u, r.rowItem(p), r.rowValue(p), r.rowTimestamp(p));
            }
        }
        RatingMatrix trainMatrix = train.build(r.userCount(), r.itemCount(), DuplicatePolicy.KEEP_LAST).matrix();
        RatingMatrix testMatrix = test.build(r.userCount(), r.itemCount(), DuplicatePolicy.KEEP_LAST).matrix();
        String name = dataset.name() + (folds > 1 ? " [train " + (index + 1) + "/" + folds + "]" : " [train]");
        Dataset trainSet = new Dataset(name, dataset.kind(), dataset.users(), dataset.items(), trainMatrix,
                dataset.catalog());
        return withColdCounts(index, trainSet, testMatrix, 0);
    }

    static Fold withColdCounts(int index, Dataset train, RatingMatrix test, int dropped) {
        RatingMatrix r = train.ratings();
        int coldUsers = 0;
        int coldEntries = 0;
        boolean[] coldItem = new boolean[test.itemCount()];
        int coldItems = 0;
        for (int i = 0; i < test.itemCount(); i++) {
            if (test.colLength(i) > 0 && r.colLength(i) == 0) {
                coldItem[i] = true;
                coldItems++;
            }
        }
        for (int u = 0; u < test.userCount(); u++) {
            int n = test.rowLength(u);
            if (n == 0) {
                continue;
            }
            boolean coldUser = r.rowLength(u) == 0;
            coldUsers += coldUser ? 1 : 0;
            for (int p = test.rowStart(u), end = p + n; p < end; p++) {
                if (coldUser || coldItem[test.rowItem(p)]) {
                    coldEntries++;
                }
            }
        }
        return new Fold(index, train, test, coldUsers, coldItems, coldEntries, dropped);
    }
}
