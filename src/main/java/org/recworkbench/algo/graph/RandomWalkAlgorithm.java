package org.recworkbench.algo.graph;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.data.TopN;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Random walks on the bipartite user-item graph (any interaction is an edge): P3α (Cooper et al. 2014) and RP3β
 * (Paudel et al. 2016). One step from user u goes to each of its items with probability 1/|I_u|, from item i to each
 * of its users with 1/|U_i|; both raised to α. The item-item weight W_ij = Σ_v (1/|U_i|)^α (1/|I_v|)^α over users v
 * of both, divided by |U_j|^β for RP3β, keeps its k largest per row i. The score of j for u is the three-step path
 * sum Σ_{i∈I_u} (1/|I_u|)^α W_ij.
 */
public final class RandomWalkAlgorithm extends AbstractAlgorithm<RandomWalkAlgorithm.WalkParams>
        implements org.recworkbench.algo.Restorable {

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        int n = dataset.itemCount();
        int[] rowStart = state.ints("row-start", n + 1);
        int[] neighbours = state.indices("neighbours", rowStart[n], n);
        for (int i = 0; i < n; i++) {
            if (rowStart[i] < 0 || rowStart[i] > rowStart[i + 1]) {
                throw new org.recworkbench.data.InvalidInputException("the model state's row starts are not ascending");
            }
        }
        return new WalkModel(dataset, values, bind(values), state.doubles("from-user", -1), rowStart, neighbours,
                state.floats("weights", rowStart[n]));
    }


    public static final String P3ALPHA = "p3alpha";
    public static final String RP3BETA = "rp3beta";

    private final boolean withBeta;

    public record WalkParams(int k, double alpha, double beta) implements Params {
        public WalkParams {
            if (k < 1 || !(alpha > 0) || !(beta >= 0)) {
                throw new InvalidInputException("Invalid random-walk parameters: k ≥ 1, α > 0, β ≥ 0");
            }
        }
    }

    private RandomWalkAlgorithm(String id, String description, List<ParamSpec> params, boolean withBeta) {
        super(id, Family.GRAPH, description, params);
        this.withBeta = withBeta;
    }

    private static List<ParamSpec> specs(boolean beta) {
        List<ParamSpec> specs = new ArrayList<>(List.of(
                ParamSpec.integer("k", "Neighbours k", "Item-item weights kept per item", 1, 2000, 100),
                ParamSpec.real("alpha", "α", "Exponent of the transition probabilities (1 = plain walk)", 0.01, 3,
                        1, 0.01)));
        if (beta) {
            specs.add(ParamSpec.real("beta", "β", "Popularity penalty: divide by |U_j|^β", 0, 2, 0.5, 0.01));
        }
        return specs;
    }

    public static RandomWalkAlgorithm p3alpha() {
        return new RandomWalkAlgorithm(P3ALPHA, "P3α: three-step random walk user → item → user → item, "
                + "probabilities raised to α", specs(false), false);
    }

    public static RandomWalkAlgorithm rp3beta() {
        return new RandomWalkAlgorithm(RP3BETA, "RP3β: P3α with each target item's weight divided by its "
                + "popularity^β", specs(true), true);
    }

    @Override
    public WalkParams bind(ParamValues v) {
        return new WalkParams(v.getInt("k"), v.getDouble("alpha"), withBeta ? v.getDouble("beta") : 0);
    }

    @Override
    public ParamValues values(WalkParams params) {
        ParamValues v = defaults().with("k", params.k()).with("alpha", params.alpha());
        return withBeta ? v.with("beta", params.beta()) : v;
    }

    @Override
    public Model fit(Dataset train, WalkParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        int n = train.itemCount();
        double[] fromItem = new double[n];
        double[] popularityPenalty = new double[n];
        for (int i = 0; i < n; i++) {
            int users = r.colLength(i);
            fromItem[i] = users == 0 ? 0 : Math.pow(1.0 / users, params.alpha());
            popularityPenalty[i] = users == 0 ? 0 : Math.pow(users, params.beta());
        }
        double[] fromUser = new double[train.userCount()];
        for (int u = 0; u < fromUser.length; u++) {
            int items = r.rowLength(u);
            fromUser[u] = items == 0 ? 0 : Math.pow(1.0 / items, params.alpha());
        }
        int k = Math.min(params.k(), n);
        double[] acc = new double[n];
        int[] touched = new int[n];
        TopN top = new TopN(k);
        int[] rowStart = new int[n + 1];
        int[] idx = new int[k];
        double[] val = new double[k];
        int[] neighbours = new int[n * k];
        float[] weights = new float[n * k];
        int written = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 63) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) i / n, "Random-walk weights: item " + i + " of " + n);
            }
            int count = 0;
            for (int p = r.colStart(i), end = p + r.colLength(i); p < end; p++) {
                int v = r.colUser(p);
                double w = fromItem[i] * fromUser[v];
                for (int q = r.rowStart(v), qEnd = q + r.rowLength(v); q < qEnd; q++) {
                    int j = r.rowItem(q);
                    if (acc[j] == 0) {
                        touched[count++] = j;
                    }
                    acc[j] += w;
                }
            }
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                double weight = withBeta ? acc[j] / popularityPenalty[j] : acc[j];
                top.offer(j, weight);
                acc[j] = 0;
            }
            rowStart[i] = written;
            int kept = top.drainInto(idx, val);
            for (int t = 0; t < kept; t++, written++) {
                neighbours[written] = idx[t];
                weights[written] = (float) val[t];
            }
        }
        rowStart[n] = written;
        progress.report(1, "Random-walk weights done");
        return new WalkModel(train, values(params), params, fromUser, rowStart,
                Arrays.copyOf(neighbours, written), Arrays.copyOf(weights, written));
    }

    private final class WalkModel extends BaseModel implements org.recworkbench.algo.Persistable {

        @Override
        public org.recworkbench.algo.ModelState state() {
            return new org.recworkbench.algo.ModelState().putDoubles("from-user", fromUser)
                    .putInts("row-start", rowStart).putInts("neighbours", neighbours).putFloats("weights", weights);
        }

        private final WalkParams params;
        private final double[] fromUser;
        private final int[] rowStart;
        private final int[] neighbours;
        private final float[] weights;

        WalkModel(Dataset dataset, ParamValues values, WalkParams params, double[] fromUser, int[] rowStart,
                  int[] neighbours, float[] weights) {
            super(dataset, RandomWalkAlgorithm.this.id(), values);
            this.params = params;
            this.fromUser = fromUser;
            this.rowStart = rowStart;
            this.neighbours = neighbours;
            this.weights = weights;
        }

        private double[] scores(int[] items, double step) {
            double[] scores = new double[dataset().itemCount()];
            for (int i : items) {
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    scores[neighbours[p]] += step * weights[p];
                }
            }
            return scores;
        }

        private int[] itemsOf(int user) {
            RatingMatrix r = dataset().ratings();
            int[] items = new int[r.rowLength(user)];
            for (int t = 0; t < items.length; t++) {
                items[t] = r.rowItem(r.rowStart(user) + t);
            }
            return items;
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            return scores(itemsOf(user), fromUser[user]);
        }

        @Override
        public double predict(int user, int item) {
            return Double.NaN;
        }

        private double weight(int i, int j) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                if (neighbours[p] == j) {
                    return weights[p];
                }
            }
            return 0;
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            int[] items = itemsOf(user);
            double score = scoreAll(user)[item];
            double step = fromUser[user];
            List<Contribution> parts = new ArrayList<>();
            List<double[]> paths = new ArrayList<>();
            for (int i : items) {
                double w = weight(i, item);
                if (w != 0) {
                    paths.add(new double[] {i, w});
                    parts.add(new Contribution("path via item", itemId(i), itemLabel(i),
                            Contribution.ordered("first step", step, "W_ij", w, "path sum", step * w), step * w));
                }
            }
            parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.amount())));
            Derivation.Builder d = derivation(Words.t(id().equals(P3ALPHA) ? "walk.p3alphaTitle" : "walk.rp3betaTitle"), user, item);
            d.step(Words.phrase("walk.first"), "(1/|I_u|)^\\alpha", "(1/" + items.length + ")^{"
                    + Latex.num(params.alpha()) + "}", step);
            d.step(Words.phrase("walk.weights", String.valueOf(params.k())),
                    id().equals(P3ALPHA) ? "W_{ij} = \\sum_v (1/|U_i|)^\\alpha (1/|I_v|)^\\alpha"
                            : "W_{ij} = \\frac{\\sum_v (1/|U_i|)^\\alpha (1/|I_v|)^\\alpha}{|U_j|^\\beta}",
                    Latex.list(paths.size(), t -> itemId((int) paths.get(t)[0]) + ": " + Latex.num(paths.get(t)[1])),
                    Double.NaN);
            d.step(Words.phrase("walk.sum"), "s_{uj} = \\sum_{i \\in I_u} (1/|I_u|)^\\alpha \\, W_{ij}",
                    Latex.sum(paths.size(), t -> Latex.num(step) + " \\cdot " + Latex.num(paths.get(t)[1])), score);
            return explanation(user, item, score, Double.NaN, parts, d.build());
        }

        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            double step = profile.size() == 0 ? 0 : Math.pow(1.0 / profile.size(), params.alpha());
            double[] scores = scores(profile.items(), step);
            double[] none = new double[scores.length];
            Arrays.fill(none, Double.NaN);
            return Optional.of(new FoldIn(profile, scores, none));
        }
    }
}
