package org.recworkbench.algo.knn;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

/** Fitting shared by user- and item-kNN: the similarities of one side and each row's neighbour pool. */
abstract class AbstractKnnAlgorithm extends AbstractAlgorithm<KnnParams> {

    private final Orientation side;

    AbstractKnnAlgorithm(String id, String description, Orientation side) {
        super(id, Family.NEIGHBOURHOOD, description, KnnParams.specs(side.cliName()));
        this.side = side;
    }

    @Override
    public KnnParams bind(ParamValues values) {
        return KnnParams.bind(values);
    }

    @Override
    public Model fit(Dataset train, KnnParams params, Progress progress, Cancellation cancellation) {
        Similarities sims = new Similarities(train, side, params.similarityOptions());
        SimilarityMatrix pool = side == Orientation.USERS && sims.pairWork() > USER_POOL_WORK ? null
                : sims.topK(KnnParams.POOL, progress, cancellation);
        return model(train, values(params), sims, pool);
    }

    /**
     * The most multiply-adds spent on fitting every user's neighbour pool (about a minute on one core). Above it
     * (MovieLens-25M has about 1.7·10¹¹) the pool is not fitted: each user's row is computed when the user is
     * scored, a few milliseconds, which is all the default rated rule ever needed.
     */
    static final double USER_POOL_WORK = 2e10;

    abstract Model model(Dataset train, ParamValues values, Similarities sims, SimilarityMatrix pool);
}
