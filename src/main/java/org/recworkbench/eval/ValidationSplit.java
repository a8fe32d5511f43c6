package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The folds of another split with their test parts set aside: a random {@code fraction} of each fold's training
 * interactions becomes its validation part, and the model trains on the rest. A run on this split is measured on
 * validation data only, never on the outer split's test part, so settings can be chosen without looking at the test.
 * Its spec is the outer one's with {@code /validation:F} appended (e.g. {@code holdout:0.2/validation:0.1}).
 */
public record ValidationSplit(Splitter outer, double fraction) implements Splitter {

    /** What separates the outer spec from the validation fraction in a spec. */
    public static final String MARK = "/validation:";
    /** Mixed into the seed so the validation carve differs from the outer split's draw. */
    private static final long SALT = 0x5EED_F00DL;

    public ValidationSplit {
        if (outer instanceof ValidationSplit) {
            throw new IllegalArgumentException("a validation split of a validation split");
        }
        Splitters.checkFraction(fraction);
    }

    @Override
    public String spec() {
        return outer.spec() + MARK + Splitters.format(fraction);
    }

    @Override
    public List<Fold> split(Dataset dataset, long seed) {
        List<Fold> folds = new ArrayList<>();
        for (Fold fold : outer.split(dataset, seed)) {
            Fold carved = new RandomHoldout(fraction).split(fold.train(), seed ^ SALT ^ fold.index()).get(0);
            RatingMatrix validation = carved.test();
            folds.add(new Fold(fold.index(), carved.train(), validation, carved.coldUsers(), carved.coldItems(),
                    carved.coldTestEntries()));
        }
        return folds;
    }

    /** Whether a stored run's split measured on validation data. */
    public static boolean measuresValidation(String spec) {
        return spec.contains(MARK);
    }
}
