package org.recworkbench.algo.knn;

import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

import java.util.Optional;

/** What user- and item-kNN models share: the similarities, the neighbour pool, the normaliser, k. */
abstract class AbstractKnnModel extends BaseModel implements KnnModel {

    protected final KnnParams params;
    protected final Similarities sims;
    protected final SimilarityMatrix pool;
    protected final Normaliser norm;

    AbstractKnnModel(Dataset dataset, String id, ParamValues values, Similarities sims, SimilarityMatrix pool,
                     Normaliser previous) {
        super(dataset, id, values);
        this.params = KnnParams.bind(values);
        this.sims = sims;
        this.pool = pool;
        this.norm = previous != null && previous.kind() == params.normalise() ? previous
                : new Normaliser(dataset, sims.orientation(), params.normalise());
    }

    /** The same fitted similarities with other rescore-only values (k, normalisation). */
    abstract AbstractKnnModel rescored(ParamValues values);

    @Override
    public Similarities similarities() {
        return sims;
    }

    @Override
    public SimilarityMatrix neighbourPool() {
        return pool;
    }

    @Override
    public Optional<Model> withParams(ParamValues changed) {
        return changed.differsOnlyInRescoreParams(params()) ? Optional.of(rescored(changed)) : Optional.empty();
    }
}
