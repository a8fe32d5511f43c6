package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DuplicatePolicy;
import org.recworkbench.data.InteractionsBuilder;
import org.recworkbench.data.RatingMatrix;

import java.util.List;

/**
 * A separate test dataset (e.g. MovieLens' u1.test beside u1.base): the whole training dataset trains, and the test
 * dataset's entries are mapped onto its user and item ids. Entries whose user or item the training data does not
 * know cannot be scored and are counted in {@link #unknownEntries()}.
 */
public final class GivenTestSet implements Splitter {

    private final Dataset test;
    private int unknownEntries;

    public GivenTestSet(Dataset test) {
        this.test = test;
    }

    @Override
    public String spec() {
        return "test-dataset:" + test.name();
    }

    /** Test entries dropped by the last {@link #split} because their user or item is absent from training. */
    public int unknownEntries() {
        return unknownEntries;
    }

    @Override
    public List<Fold> split(Dataset train, long seed) {
        RatingMatrix t = test.ratings();
        int[] userMap = map(test.users().ids(), train);
        InteractionsBuilder entries = new InteractionsBuilder(t.size());
        unknownEntries = 0;
        int[] itemMap = new int[test.itemCount()];
        for (int i = 0; i < itemMap.length; i++) {
            itemMap[i] = train.items().indexOf(test.items().id(i));
        }
        for (int u = 0; u < t.userCount(); u++) {
            for (int p = t.rowStart(u), end = p + t.rowLength(u); p < end; p++) {
                int user = userMap[u];
                int item = itemMap[t.rowItem(p)];
                if (user < 0 || item < 0) {
                    unknownEntries++;
                } else {
                    entries.add(user, item, t.rowValue(p), t.rowTimestamp(p));
                }
            }
        }
        RatingMatrix mapped = entries.build(train.userCount(), train.itemCount(), DuplicatePolicy.KEEP_LAST).matrix();
        return List.of(Partition.withColdCounts(0, train, mapped, unknownEntries));
    }

    private static int[] map(List<String> ids, Dataset train) {
        int[] map = new int[ids.size()];
        for (int k = 0; k < map.length; k++) {
            map[k] = train.users().indexOf(ids.get(k));
        }
        return map;
    }
}
