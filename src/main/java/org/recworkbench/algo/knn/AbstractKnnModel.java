package org.recworkbench.algo.knn;

import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Reasons;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

import java.util.Optional;
import java.util.function.IntFunction;

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

    /** Fills {@code nb} with the k neighbours used for (user, item), best first, by the model's neighbour rule. */
    abstract void gather(int user, int item, Neighbourhood nb);

    /**
     * The neighbours of every item for a known user, by the model's neighbour rule: what {@link #gather} gives
     * item by item, computed once for the whole list (the expensive part of a top-N under the rated rule).
     */
    abstract NeighbourSource neighboursOf(int user, Cancellation cancellation);

    /** The Σ s·r scores of the pool rule, faster than going through {@link #neighboursOf}; null when not offered. */
    double[] pooledSums(int user) {
        return null;
    }

    final Neighbourhood newNeighbourhood() {
        return new Neighbourhood(params.k(), params.minNeighbours(), params.rankBy() == KnnParams.RankBy.PREDICTION);
    }

    final boolean rated() {
        return params.neighbours() == KnnParams.NeighbourRule.RATED;
    }

    /**
     * The ranking score of every item: the same neighbours, summed in the same order, as {@link #explain}, so the
     * value equals the explained score to the last bit.
     */
    @Override
    public double[] scoreAll(int user) {
        return scoreAll(user, Cancellation.NEVER);
    }

    @Override
    public ScoredItems recommend(int user, int n, Cancellation cancellation) {
        checkUser(user);
        return ScoredItems.top(scoreAll(user, cancellation), n, Model.seenBy(dataset(), user));
    }

    private double[] scoreAll(int user, Cancellation cancellation) {
        checkUser(user);
        if (!rated() && params.rankBy() == KnnParams.RankBy.SUM) {
            double[] fast = pooledSums(user);
            if (fast != null) {
                return fast;
            }
        }
        NeighbourSource source = neighboursOf(user, cancellation);
        int items = dataset().itemCount();
        double[] scores = new double[items];
        Neighbourhood nb = newNeighbourhood();
        boolean byUser = byUser();
        for (int i = 0; i < items; i++) {
            source.gather(i, nb);
            nb.evaluate(norm, byUser ? user : i, byUser ? i : user);
            scores[i] = nb.score;
        }
        return scores;
    }

    private boolean byUser() {
        return sims.orientation() == Orientation.USERS;
    }

    private Neighbourhood evaluated(int user, int item) {
        checkUser(user);
        checkItem(item);
        Neighbourhood nb = newNeighbourhood();
        gather(user, item, nb);
        nb.evaluate(norm, byUser() ? user : item, byUser() ? item : user);
        return nb;
    }

    /**
     * Fold-in without refitting: the profile's neighbours are found directly by the model's neighbour rule (user-kNN:
     * its similarity to every user with this model's measure; item-kNN: each item's similarities to the profile's
     * items, or the profile's items in each item's pool), then scored and predicted exactly as for a known user.
     * Item and user means are those of the training data.
     */
    @Override
    public Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
        Normaliser folded = norm.folded(profile);
        int items = dataset().itemCount();
        double[] scores = new double[items];
        double[] predictions = new double[items];
        Neighbourhood nb = newNeighbourhood();
        NeighbourSource source = neighbours(profile);
        for (int i = 0; i < items; i++) {
            source.gather(i, nb);
            boolean byUser = byUser();
            nb.evaluate(folded, byUser ? Normaliser.FOLDED : i, byUser ? i : Normaliser.FOLDED);
            scores[i] = nb.score;
            predictions[i] = nb.prediction;
        }
        return Optional.of(new org.recworkbench.algo.FoldIn(profile, scores, predictions));
    }

    /** Fills a neighbourhood for one item of a folded-in user. */
    interface NeighbourSource {
        void gather(int item, Neighbourhood nb);
    }

    abstract NeighbourSource neighbours(org.recworkbench.algo.UserProfile profile);

    @Override
    public double predict(int user, int item) {
        return evaluated(user, item).prediction;
    }

    @Override
    public Explanation explain(int user, int item) {
        Neighbourhood nb = evaluated(user, item);
        boolean byUser = byUser();
        int target = byUser ? user : item;
        int other = byUser ? item : user;
        IntFunction<String> id = byUser ? this::userId : this::itemId;
        Derivation.Builder d = derivation(Words.t(byUser ? "knn.titleUser" : "knn.titleItem",
                Words.t("knn.rule." + params.neighbours().cliName()),
                Words.t("knn.rankBy." + params.rankBy().cliName())), user, item);
        d.step(Words.phrase("knn.similarity"), "\\text{" + sims.options().conventionText() + "}", "", Double.NaN);
        nb.record(norm, target, other, byUser ? "u" : "i", byUser ? "v" : "j", byUser ? "i" : "u", id, params.k(), params.neighbours(), d);
        return explanation(user, item, nb.score, nb.prediction, nb.contributions(norm, target, other,
                byUser ? Reasons.NEIGHBOUR_USER : Reasons.NEIGHBOUR_ITEM, id, byUser ? this::userId : this::itemLabel), d.build());
    }

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
