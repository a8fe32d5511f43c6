package org.recworkbench.algo.hybrid;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.Locale;

/**
 * A weighted blend of two recommenders: score = α · norm(first) + (1 − α) · norm(second), each component's scores
 * normalised per user over all items (min-max or z-score). Each component's own parameters are set under its
 * prefix ({@code cf.k=40}, {@code content.tf=log}); α, the normalisation and the components' live parameters change
 * without refitting.
 */
public final class HybridAlgorithm extends AbstractAlgorithm<HybridAlgorithm.HybridParams> {

    public static final String ID = "hybrid";
    /** Any fitted model may be a component: neighbourhoods, baselines, content, factor, linear and graph models. */
    static final List<String> COMPONENTS = List.of("item-knn", "user-knn", "bias", "popular", "content-tfidf",
            "seed-cf", "slope-one", "item-mean", "biased-mf", "als", "implicit-als", "bpr", "svd", "nmf", "svdpp", "ease",
            "p3alpha", "rp3beta", "ncf");

    /** How each component's scores are put on a common scale, per user. */
    public enum ScoreNormalisation {
        /** (s − min) / (max − min) */
        MIN_MAX,
        /** (s − mean) / σ */
        Z_SCORE
    }

    /**
     * @param alpha  weight of the first (collaborative) component, in [0, 1]
     * @param cf     id of the first component
     * @param content id of the second component
     * @param cfParams the first component's parameters
     * @param contentParams the second component's parameters
     */
    public record HybridParams(double alpha, String cf, String content, ScoreNormalisation normalisation,
                               ParamValues cfParams, ParamValues contentParams) implements Params {
        public HybridParams {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new InvalidInputException("alpha must be a number in [0, 1]; got " + alpha);
            }
            if (!COMPONENTS.contains(cf) || !COMPONENTS.contains(content)) {
                throw new InvalidInputException("hybrid components must be among " + COMPONENTS);
            }
        }
    }

    public HybridAlgorithm() {
        super(ID, Family.HYBRID,
                "Hybrid: α · collaborative + (1 − α) · content, both normalised per user",
                List.of(ParamSpec.real("alpha", "α (collaborative weight)", "Share of the first component; 1 = only"
                                + " it, 0 = only the second", 0, 1, 0.5, 0.01).withRescoreOnly(),
                        ParamSpec.component("cf", "First component", "Usually collaborative", COMPONENTS,
                                "item-knn"),
                        ParamSpec.component("content", "Second component", "Usually content-based", COMPONENTS,
                                "content-tfidf"),
                        ParamSpec.choice("normalisation", "Score normalisation", "How each component's scores are"
                                        + " scaled per user before blending", List.of("min-max", "z-score"),
                                "min-max").withRescoreOnly()));
    }

    @Override
    public HybridParams bind(ParamValues v) {
        return new HybridParams(v.getDouble("alpha"), v.getChoice("cf"), v.getChoice("content"),
                ScoreNormalisation.valueOf(v.getChoice("normalisation").toUpperCase(Locale.ROOT).replace('-', '_')),
                v.component("cf"), v.component("content"));
    }

    @Override
    public ParamValues values(HybridParams params) {
        return ParamValues.fromRecord(params(), params).withComponent("cf", params.cfParams())
                .withComponent("content", params.contentParams());
    }

    @Override
    public Model fit(Dataset train, HybridParams params, Progress progress, Cancellation cancellation) {
        Model first = AlgorithmRegistry.require(params.cf()).fit(train, params.cfParams(), progress.stage(0, 0.5),
                cancellation);
        Model second = AlgorithmRegistry.require(params.content()).fit(train, params.contentParams(),
                progress.stage(0.5, 1), cancellation);
        return HybridModel.of(train, values(params), params, first, second);
    }
}
