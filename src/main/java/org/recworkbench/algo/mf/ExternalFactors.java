package org.recworkbench.algo.mf;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;

/**
 * Factor models trained elsewhere (Spark MLlib's ALS) brought back as the workbench's own ALS and implicit-ALS
 * models, so they recommend, explain, evaluate and serve like a model fitted here. The factors are row-major
 * ({@code users × k}, {@code items × k}) in the dataset's user and item order.
 */
public final class ExternalFactors {

    private ExternalFactors() {
    }

    /** An explicit ALS model ({@code als}) with these factors; {@code values} are its parameters (factors = k). */
    public static Model als(Dataset dataset, ParamValues values, double[] users, double[] items, int k) {
        AlsAlgorithm.AlsParams params = new AlsAlgorithm().bind(values);
        return new AlsAlgorithm.AlsModel(dataset, values, params, factors(users, dataset.userCount(), k, "user"),
                factors(items, dataset.itemCount(), k, "item"), new double[0]);
    }

    /** An implicit ALS model ({@code implicit-als}) with these factors. */
    public static Model implicitAls(Dataset dataset, ParamValues values, double[] users, double[] items, int k) {
        ImplicitAlsAlgorithm.ImplicitAlsParams params = new ImplicitAlsAlgorithm().bind(values);
        return new ImplicitAlsModel(dataset, values, params, factors(users, dataset.userCount(), k, "user"),
                factors(items, dataset.itemCount(), k, "item"), new double[0], false);
    }

    private static Factors factors(double[] values, int rows, int k, String what) {
        if (k < 1 || values.length != (long) rows * k) {
            throw new InvalidInputException("Expected " + rows + " " + what + " factor rows of length " + k
                    + " (" + ((long) rows * k) + " values); got " + values.length);
        }
        Factors f = new Factors(rows, k);
        System.arraycopy(values, 0, f.values, 0, values.length);
        return f;
    }
}
