package org.recworkbench.algo;

import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.util.List;

/**
 * A recommendation algorithm: a factory of {@link Model}s. Algorithms hold no state; everything learned lives in
 * the model.
 *
 * @param <P> the typed parameter record
 */
public interface Algorithm<P extends Params> {

    /** Stable id used on the command line and in stored runs ({@code item-knn}). */
    String id();

    Family family();

    /** One line for the chooser and {@code --help}. */
    String description();

    /** The parameters, in the order the parameter panel shows them. */
    List<ParamSpec> params();

    /** Turns validated values into the typed record. */
    P bind(ParamValues values);

    Model fit(Dataset train, P params, Progress progress, Cancellation cancellation);

    /** The untyped values of a typed record, for storing runs and showing the model's parameters. */
    default ParamValues values(P params) {
        return params instanceof Record r ? ParamValues.fromRecord(params(), r) : defaults();
    }

    default ParamValues defaults() {
        return ParamValues.defaults(params());
    }

    /** Fits from untyped values (sliders, CLI, sweeps). */
    default Model fit(Dataset train, ParamValues values, Progress progress, Cancellation cancellation) {
        HeavyWork.enter("Algorithm.fit " + id());
        return fit(train, bind(values), progress, cancellation);
    }
}
