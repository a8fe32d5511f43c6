package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DuplicatePolicy;
import org.recworkbench.data.InteractionsBuilder;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The folds of another split with their test parts set aside: a random {@code fraction} of each fold's training
 * interactions becomes its validation part, and the model trains on the rest. A run on this split is measured on
 * validation data only, never on the outer split's test part, so settings can be chosen without looking at the test.
 * Its spec is the outer one's with {@code /validation:F} appended (e.g. {@code holdout:0.2/validation:0.1}).
 *
 * <p>Instead of a fraction, a stored dataset can be the validation part ({@link #given}, spec
 * {@code …/validation:dataset:NAME}): its entries are mapped onto each fold's training ids; those the training part
 * holds are taken out of it, and those of the outer test part, or of users or items training does not know, are left
 * out of validation and counted as dropped.
 *
 * @param given the validation dataset, or null to carve a fraction
 */
public record ValidationSplit(Splitter outer, double fraction, Dataset given) implements Splitter {

    /** What separates the outer spec from the validation fraction in a spec. */
    public static final String MARK = "/validation:";
    /** Mixed into the seed so the validation carve differs from the outer split's draw. */
    private static final long SALT = 0x5EED_F00DL;

    /** What follows {@link #MARK} in the spec of a split whose validation part is a stored dataset. */
    public static final String DATASET = "dataset:";

    public ValidationSplit {
        if (outer instanceof ValidationSplit) {
            throw new IllegalArgumentException("a validation split of a validation split");
        }
        if (given == null) {
            Splitters.checkFraction(fraction);
        }
    }

    public ValidationSplit(Splitter outer, double fraction) {
        this(outer, fraction, null);
    }

    /** Validation on a stored dataset's entries rather than a carved fraction. */
    public static ValidationSplit given(Splitter outer, Dataset validation) {
        return new ValidationSplit(outer, Double.NaN, validation);
    }

    @Override
    public String spec() {
        return outer.spec() + MARK + (given == null ? Splitters.format(fraction) : DATASET + given.name());
    }

    @Override
    public List<Fold> split(Dataset dataset, long seed) {
        List<Fold> folds = new ArrayList<>();
        for (Fold fold : outer.split(dataset, seed)) {
            Fold carved = given != null ? givenPart(fold)
                    : new RandomHoldout(fraction).split(fold.train(), seed ^ SALT ^ fold.index()).get(0);
            RatingMatrix validation = carved.test();
            folds.add(new Fold(fold.index(), carved.train(), validation, carved.coldUsers(), carved.coldItems(),
                    carved.coldTestEntries(), carved.droppedTestEntries()));
        }
        return folds;
    }

    /**
     * The given dataset's entries as this fold's validation part, taken out of its training part; entries of the
     * test part or of unknown users or items are dropped.
     */
    private Fold givenPart(Fold fold) {
        Dataset train = fold.train();
        RatingMatrix r = train.ratings();
        RatingMatrix v = given.ratings();
        int[] items = new int[given.itemCount()];
        for (int i = 0; i < items.length; i++) {
            items[i] = train.items().indexOf(given.items().id(i));
        }
        boolean[] inValidation = new boolean[r.size()];
        InteractionsBuilder held = new InteractionsBuilder(v.size());
        int dropped = 0;
        for (int u = 0; u < v.userCount(); u++) {
            int user = v.rowLength(u) == 0 ? -1 : train.users().indexOf(given.users().id(u));
            for (int p = v.rowStart(u), end = p + v.rowLength(u); p < end; p++) {
                int item = items[v.rowItem(p)];
                if (user < 0 || item < 0 || !Float.isNaN(fold.test().value(user, item))) {
                    dropped++;
                    continue;
                }
                int at = position(r, user, item);
                if (at >= 0) {
                    inValidation[at] = true;
                }
                held.add(user, item, v.rowValue(p), v.rowTimestamp(p));
            }
        }
        Dataset rest = Partition.of(train, fold.index(), 1, inValidation).train();
        RatingMatrix validation = held.build(r.userCount(), r.itemCount(), DuplicatePolicy.KEEP_LAST).matrix();
        return Partition.withColdCounts(fold.index(), rest, validation, dropped);
    }

    /** Where (user, item) is in the row-major arrays, or −1. */
    private static int position(RatingMatrix r, int user, int item) {
        int lo = r.rowStart(user);
        int hi = lo + r.rowLength(user) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = r.rowItem(mid);
            if (at == item) {
                return mid;
            }
            if (at < item) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Whether a stored run's split measured on validation data. */
    public static boolean measuresValidation(String spec) {
        return spec.contains(MARK);
    }
}
