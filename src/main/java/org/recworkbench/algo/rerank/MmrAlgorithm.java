package org.recworkbench.algo.rerank;

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
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.List;
import java.util.Locale;

/**
 * Maximal Marginal Relevance (Carbonell & Goldstein 1998) over any base model: from the base's best candidates, pick
 * greedily the item maximising λ · rel(i) − (1 − λ) · max_{j chosen} sim(i, j), rel the base score min-max normalised
 * over the candidates, sim the item-item cosine of the rating columns or of the TF-IDF texts.
 */
public final class MmrAlgorithm extends AbstractAlgorithm<MmrAlgorithm.MmrParams> {

    public static final String ID = "mmr";
    static final List<String> BASES = List.of("item-knn", "user-knn", "biased-mf", "als", "implicit-als", "bpr",
            "svd", "nmf", "svdpp", "slope-one", "ease", "p3alpha", "rp3beta", "popular", "bias", "item-mean",
            "content-tfidf", "hybrid");

    /** Where item-item similarity comes from. */
    public enum SimilaritySource {
        RATINGS, CONTENT
    }

    /** @param baseParams the base model's parameters ({@code base.k=40}) */
    public record MmrParams(String base, double lambda, SimilaritySource similarity, int candidates,
                            ParamValues baseParams) implements Params {
        public MmrParams {
            if (!BASES.contains(base) || !(lambda >= 0 && lambda <= 1) || candidates < 1) {
                throw new InvalidInputException("Invalid mmr parameters: base among " + BASES
                        + ", λ in [0, 1], candidates ≥ 1");
            }
        }
    }

    public MmrAlgorithm() {
        super(ID, Family.HYBRID, "MMR diversity re-ranking: λ · relevance − (1 − λ) · similarity to items chosen",
                List.of(ParamSpec.component("base", "Base model", "The model whose list is re-ranked", BASES,
                                "item-knn"),
                        ParamSpec.real("lambda", "λ (relevance weight)", "1 = the base order, 0 = only diversity", 0,
                                1, 0.7, 0.01).withRescoreOnly(),
                        ParamSpec.choice("similarity", "Similarity", "ratings: cosine of the rating columns; content:"
                                + " cosine of TF-IDF texts", List.of("ratings", "content"), "ratings"),
                        ParamSpec.integer("candidates", "Candidates", "How many of the base's best items are re-ranked",
                                1, 1000, 100).withRescoreOnly()));
    }

    @Override
    public MmrParams bind(ParamValues v) {
        return new MmrParams(v.getChoice("base"), v.getDouble("lambda"),
                SimilaritySource.valueOf(v.getChoice("similarity").toUpperCase(Locale.ROOT)), v.getInt("candidates"),
                v.component("base"));
    }

    @Override
    public ParamValues values(MmrParams params) {
        return ParamValues.fromRecord(params(), params).withComponent("base", params.baseParams());
    }

    @Override
    public Model fit(Dataset train, MmrParams params, Progress progress, Cancellation cancellation) {
        var algorithm = AlgorithmRegistry.require(params.base());
        Model base = algorithm.fit(train, params.baseParams(), progress.stage(0, 0.9), cancellation);
        ItemSimilarity sim = params.similarity() == SimilaritySource.RATINGS
                ? ItemSimilarity.of(new Similarities(train, Orientation.ITEMS, SimilarityOptions.of(Measure.COSINE)))
                : ItemSimilarity.content(train, progress.stage(0.9, 1), cancellation);
        return new MmrModel(train, values(params), params, base, sim);
    }
}
