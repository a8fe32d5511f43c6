package org.recworkbench.algo.neural;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.EarlyStop;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.algo.TrainingObserver;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Neural collaborative filtering (NeuMF, He et al. 2017; the model of seed article 004) in plain Java: GMF and MLP
 * branches joined by a sigmoid output, trained with binary cross-entropy on each interaction (label 1) and
 * {@code negatives} items the user has not seen (label 0, drawn uniformly), by Adam in mini-batches of 256 (the
 * embedding rows a sample touches are updated at once). The loss of an epoch is its mean cross-entropy.
 * <p>
 * With {@code early-stop=N} a seeded tenth of the interactions is held out ({@link EarlyStop#holdOut}): never a
 * positive sample, never drawn as a negative (negatives are items the user never interacted with at all). After each
 * epoch the held-out AUC is watched ({@link EarlyStop.HeldOutAuc}: each held-out item's logit against those of 100
 * seeded draws of items its user never interacted with, averaged over users: the ranking the model is used for, on
 * the same pairs every epoch, one forward pass per pair), and training stops after N epochs without a higher one,
 * keeping a copy of the network (and the loss curve) of the best epoch.
 */
public final class NcfAlgorithm extends AbstractAlgorithm<NcfAlgorithm.NcfParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "ncf";
    static final int BATCH = 256;
    static final List<String> LAYERS = List.of("16", "32,16", "32,16,8", "64,32,16", "64,32,16,8");

    /**
     * @param earlyStop 0: run every epoch; N &gt; 0: hold out {@link EarlyStop#SHARE} of the interactions, stop after
     *                  N epochs without a higher AUC on them, and keep the best epoch's network
     */
    public record NcfParams(int embedding, int[] layers, int epochs, double learningRate, int negatives,
                            int earlyStop, int seed) implements Params {
        public NcfParams {
            if (embedding < 1 || layers.length == 0 || epochs < 1 || !(learningRate > 0) || negatives < 1
                    || earlyStop < 0) {
                throw new InvalidInputException("Invalid ncf parameters: embedding, layers, epochs and negatives"
                        + " ≥ 1, learning rate > 0, early-stop ≥ 0");
            }
            layers = layers.clone();
        }

        /** No early stop (the record as it was before {@code early-stop}). */
        public NcfParams(int embedding, int[] layers, int epochs, double learningRate, int negatives, int seed) {
            this(embedding, layers, epochs, learningRate, negatives, 0, seed);
        }
    }

    public NcfAlgorithm() {
        super(ID, Family.NEURAL, "Neural CF (NeuMF): GMF + MLP, sigmoid output, cross-entropy with sampled negatives",
                List.of(ParamSpec.integer("embedding", "Embedding size", "Length of each embedding", 1, 128, 8),
                        ParamSpec.choice("layers", "MLP layers", "Units of the hidden ReLU layers", LAYERS, "32,16,8"),
                        ParamSpec.integer("epochs", "Epochs", "Passes over the interactions", 1, 200, 5),
                        ParamSpec.real("learning-rate", "Learning rate", "Adam step size", 0.00001, 0.1, 0.001,
                                0.00001).withLogScale(),
                        ParamSpec.integer("negatives", "Negatives", "Unseen items sampled per interaction", 1, 20, 4),
                        EarlyStop.param("0 = every epoch; N = hold out 10 % of the interactions and stop after N"
                                + " epochs without a higher AUC on them (each against 100 seeded unseen items of its"
                                + " user), keeping the best epoch"),
                        ParamSpec.integer("seed", "Seed", "Random seed (weights, sampling)", 0, Integer.MAX_VALUE,
                                42)));
    }

    @Override
    public NcfParams bind(ParamValues v) {
        int[] layers = Arrays.stream(v.getChoice("layers").split(",")).mapToInt(Integer::parseInt).toArray();
        return new NcfParams(v.getInt("embedding"), layers, v.getInt("epochs"), v.getDouble("learning-rate"),
                v.getInt("negatives"), v.getInt("early-stop"), v.getInt("seed"));
    }

    @Override
    public ParamValues values(NcfParams p) {
        return defaults().with("embedding", p.embedding()).with("layers", String.join(",",
                        Arrays.stream(p.layers()).mapToObj(Integer::toString).toList()))
                .with("epochs", p.epochs()).with("learning-rate", p.learningRate()).with("negatives", p.negatives())
                .with("early-stop", p.earlyStop()).with("seed", p.seed());
    }

    @Override
    public Model fit(Dataset train, NcfParams params, Progress progress, Cancellation cancellation) {
        SplittableRandom random = new SplittableRandom(params.seed());
        NeuMf net = new NeuMf(train.userCount(), train.itemCount(), params.embedding(), params.layers(), random);
        // early stop: a seeded tenth of the interactions is watched, never sampled
        EarlyStop.HoldOut holdOut = EarlyStop.holdOut(train.ratings().size(), params.earlyStop(), params.seed());
        EarlyStop.HeldOutAuc auc = holdOut.active()
                ? new EarlyStop.HeldOutAuc(train.ratings(), holdOut.watched(), params.seed()) : null;
        EarlyStop.Patience<NeuMf> patience = EarlyStop.Patience.higherIsBetter(params.earlyStop());
        NeuMf.Pass watch = net.new Pass();
        double[] losses = new Trainer(train, net, params).run(holdOut.trained(), random, progress, cancellation,
                () -> new NcfModel(train, values(params), net, new double[0]),
                epoch -> auc != null && patience.stopAfter(epoch, auc.measure((u, i) -> {
                    watch.forward(u, i);
                    return watch.logit;
                }), net::copy));
        return patience.finish(progress, "ncf", "epoch", losses.length, "AUC", net, losses,
                (n, curve) -> new NcfModel(train, values(params), n, curve));
    }

    /** The network's arrays, each checked against the embedding size and the layers of the parameters. */
    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        NcfParams params = bind(values);
        int e = params.embedding();
        int[] layers = params.layers();
        int users = Math.multiplyExact(dataset.userCount(), e);
        int items = Math.multiplyExact(dataset.itemCount(), e);
        double[][] weights = new double[layers.length][];
        double[][] biases = new double[layers.length][];
        int in = 2 * e;
        for (int l = 0; l < layers.length; l++) {
            weights[l] = state.doubles("weights-" + (l + 1), in * layers[l]);
            biases[l] = state.doubles("biases-" + (l + 1), layers[l]);
            in = layers[l];
        }
        NeuMf net = new NeuMf(e, layers, state.doubles("user-gmf", users), state.doubles("item-gmf", items),
                state.doubles("user-mlp", users), state.doubles("item-mlp", items), weights, biases,
                state.doubles("head-gmf", e), state.doubles("head-mlp", in), state.singleDouble("head-bias"));
        return new NcfModel(dataset, values, net, state.doubles("losses", -1));
    }

    /** Mini-batch Adam on binary cross-entropy. */
    private static final class Trainer {

        private final Dataset data;
        private final NeuMf net;
        private final NcfParams params;
        private final NeuMf.Pass pass;
        private final double[][] gradW;
        private final double[][] gradB;
        private final double[] gradHeadGmf;
        private final double[] gradHeadMlp;
        private final double[] gradHeadBias = new double[1];
        private final Adam[] adamW;
        private final Adam[] adamB;
        private final Adam adamHeadGmf;
        private final Adam adamHeadMlp;
        private final Adam adamHeadBias = new Adam(1);
        private final Adam adamUserGmf;
        private final Adam adamItemGmf;
        private final Adam adamUserMlp;
        private final Adam adamItemMlp;
        private final double[][] delta;
        private final double[] rowGrad;

        Trainer(Dataset data, NeuMf net, NcfParams params) {
            this.data = data;
            this.net = net;
            this.params = params;
            this.pass = net.new Pass();
            int depth = net.depth();
            gradW = new double[depth][];
            gradB = new double[depth][];
            adamW = new Adam[depth];
            adamB = new Adam[depth];
            for (int l = 0; l < depth; l++) {
                gradW[l] = new double[net.weights[l].length];
                gradB[l] = new double[net.biases[l].length];
                adamW[l] = new Adam(gradW[l].length);
                adamB[l] = new Adam(gradB[l].length);
            }
            gradHeadGmf = new double[net.e];
            gradHeadMlp = new double[net.headMlp.length];
            adamHeadGmf = new Adam(net.e);
            adamHeadMlp = new Adam(net.headMlp.length);
            adamUserGmf = new Adam(net.userGmf.length);
            adamItemGmf = new Adam(net.itemGmf.length);
            adamUserMlp = new Adam(net.userMlp.length);
            adamItemMlp = new Adam(net.itemMlp.length);
            delta = new double[net.sizes.length][];
            for (int l = 0; l < net.sizes.length; l++) {
                delta[l] = new double[net.sizes[l]];
            }
            rowGrad = new double[net.e];
        }

        /**
         * Trains on the given positions of the ratings, epoch by epoch, until the epochs run out or {@code stop}
         * says so after an epoch (0-based); returns the loss of each epoch run.
         */
        double[] run(int[] trained, SplittableRandom random, Progress progress, Cancellation cancellation,
                     java.util.function.Supplier<Model> snapshot, java.util.function.IntPredicate stop) {
            RatingMatrix r = data.ratings();
            int[] users = new int[r.size()];
            for (int u = 0; u < data.userCount(); u++) {
                Arrays.fill(users, r.rowStart(u), r.rowStart(u) + r.rowLength(u), u);
            }
            int[] order = trained.clone();
            int n = order.length;
            double[] losses = new double[params.epochs()];
            long t = 0;
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                cancellation.throwIfCancelled();
                for (int k = n - 1; k > 0; k--) {
                    int j = random.nextInt(k + 1);
                    int tmp = order[k];
                    order[k] = order[j];
                    order[j] = tmp;
                }
                double loss = 0;
                long samples = 0;
                int inBatch = 0;
                t++;
                for (int s = 0; s < n; s++) {
                    int p = order[s];
                    int u = users[p];
                    loss += sample(u, r.rowItem(p), 1, t);
                    samples++;
                    for (int q = 0; q < params.negatives() && r.rowLength(u) < data.itemCount(); q++) {
                        int j;
                        do {
                            j = random.nextInt(data.itemCount());
                        } while (!Float.isNaN(r.value(u, j)));
                        loss += sample(u, j, 0, t);
                        samples++;
                    }
                    if (++inBatch == BATCH || s == n - 1) {
                        applyDense(inBatch, t);
                        inBatch = 0;
                        t++;
                    }
                }
                losses[epoch] = loss / Math.max(1, samples);
                progress.epoch("ncf", epoch + 1, params.epochs(), losses[epoch]);
                TrainingObserver.notify(progress, epoch + 1, losses[epoch], snapshot);
                if (stop.test(epoch)) {
                    return Arrays.copyOf(losses, epoch + 1);
                }
            }
            return losses;
        }

        /** Forward, backward, immediate embedding update; returns the sample's cross-entropy. */
        private double sample(int u, int i, int label, long t) {
            pass.forward(u, i);
            double g = pass.output - label;
            int e = net.e;
            int last = net.sizes.length - 1;
            for (int f = 0; f < e; f++) {
                gradHeadGmf[f] += g * pass.gmf[f];
            }
            for (int k = 0; k < pass.a[last].length; k++) {
                gradHeadMlp[k] += g * pass.a[last][k];
                delta[last][k] = g * net.headMlp[k];
            }
            gradHeadBias[0] += g;
            for (int l = net.depth() - 1; l >= 0; l--) {
                double[] out = pass.a[l + 1];
                double[] in = pass.a[l];
                double[] dOut = delta[l + 1];
                double[] dIn = delta[l];
                Arrays.fill(dIn, 0);
                double[] w = net.weights[l];
                int width = in.length;
                for (int o = 0; o < out.length; o++) {
                    double dz = out[o] > 0 ? dOut[o] : 0;
                    if (dz == 0) {
                        continue;
                    }
                    gradB[l][o] += dz;
                    int row = o * width;
                    for (int k = 0; k < width; k++) {
                        gradW[l][row + k] += dz * in[k];
                        dIn[k] += w[row + k] * dz;
                    }
                }
            }
            double lr = params.learningRate();
            for (int f = 0; f < e; f++) {
                rowGrad[f] = g * net.headGmf[f] * net.itemGmf[i * e + f];
            }
            double[] userGrad = rowGrad.clone();
            for (int f = 0; f < e; f++) {
                rowGrad[f] = g * net.headGmf[f] * net.userGmf[u * e + f];
            }
            adamItemGmf.step(net.itemGmf, i * e, rowGrad, 0, e, lr, t);
            adamUserGmf.step(net.userGmf, u * e, userGrad, 0, e, lr, t);
            adamUserMlp.step(net.userMlp, u * e, delta[0], 0, e, lr, t);
            adamItemMlp.step(net.itemMlp, i * e, delta[0], e, e, lr, t);
            return label == 1 ? Math.log1p(Math.exp(-pass.logit)) : Math.log1p(Math.exp(pass.logit));
        }

        private void applyDense(int samples, long t) {
            double lr = params.learningRate();
            for (int l = 0; l < net.depth(); l++) {
                scale(gradW[l], samples);
                scale(gradB[l], samples);
                adamW[l].step(net.weights[l], 0, gradW[l], 0, gradW[l].length, lr, t);
                adamB[l].step(net.biases[l], 0, gradB[l], 0, gradB[l].length, lr, t);
                Arrays.fill(gradW[l], 0);
                Arrays.fill(gradB[l], 0);
            }
            scale(gradHeadGmf, samples);
            scale(gradHeadMlp, samples);
            scale(gradHeadBias, samples);
            adamHeadGmf.step(net.headGmf, 0, gradHeadGmf, 0, gradHeadGmf.length, lr, t);
            adamHeadMlp.step(net.headMlp, 0, gradHeadMlp, 0, gradHeadMlp.length, lr, t);
            adamHeadBias.step(net.headBias, 0, gradHeadBias, 0, 1, lr, t);
            Arrays.fill(gradHeadGmf, 0);
            Arrays.fill(gradHeadMlp, 0);
            gradHeadBias[0] = 0;
        }

        private static void scale(double[] a, int samples) {
            for (int k = 0; k < a.length; k++) {
                a[k] /= samples;
            }
        }
    }

    private static final class NcfModel extends BaseModel implements IterativeModel,
            org.recworkbench.algo.Persistable {

        private final NeuMf net;
        private final double[] losses;

        NcfModel(Dataset dataset, ParamValues values, NeuMf net, double[] losses) {
            super(dataset, ID, values);
            this.net = net;
            this.losses = losses;
        }

        @Override
        public double[] lossCurve() {
            return losses.clone();
        }

        @Override
        public org.recworkbench.algo.ModelState state() {
            org.recworkbench.algo.ModelState state = new org.recworkbench.algo.ModelState()
                    .putDoubles("user-gmf", net.userGmf).putDoubles("item-gmf", net.itemGmf)
                    .putDoubles("user-mlp", net.userMlp).putDoubles("item-mlp", net.itemMlp);
            for (int l = 0; l < net.depth(); l++) {
                state.putDoubles("weights-" + (l + 1), net.weights[l]).putDoubles("biases-" + (l + 1), net.biases[l]);
            }
            return state.putDoubles("head-gmf", net.headGmf).putDoubles("head-mlp", net.headMlp)
                    .putDouble("head-bias", net.headBias[0]).putDoubles("losses", losses);
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            NeuMf.Pass pass = net.new Pass();
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                pass.forward(user, i);
                scores[i] = pass.output;
            }
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            return Double.NaN;
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            NeuMf.Pass pass = net.new Pass();
            pass.forward(user, item);
            Derivation.Builder d = derivation(Words.t("ncf.title"), user, item);
            int e = net.e;
            d.step(Words.phrase("ncf.gmf"), "h_g \\cdot (p_u \\odot q_i)", Latex.sum(e, f -> Latex.num(net.headGmf[f])
                    + " \\cdot " + Latex.term(pass.gmf[f])), pass.gmfPart);
            double[] last = pass.a[net.sizes.length - 1];
            d.step(Words.phrase("ncf.mlp", String.valueOf(net.sizes.length - 1)), "h_m \\cdot a_L",
                    Latex.sum(last.length, k -> Latex.num(net.headMlp[k]) + " \\cdot " + Latex.term(last[k])),
                    pass.mlpPart);
            d.step(Words.phrase("ncf.logit"), "z = h_g \\cdot (p_u \\odot q_i) + h_m \\cdot a_L + b", Latex.num(pass.gmfPart) + " + "
                    + Latex.term(pass.mlpPart) + " + " + Latex.term(net.headBias[0]), pass.logit);
            d.step(Words.phrase("ncf.sigmoid"), "\\hat{y}_{ui} = \\frac{1}{1 + e^{-z}}", "\\frac{1}{1 + e^{" + Latex.num(-pass.logit)
                    + "}}", pass.output);
            List<Contribution> parts = List.of(
                    new Contribution("branch", "gmf", "GMF branch", Contribution.ordered("logit part", pass.gmfPart),
                            pass.gmfPart),
                    new Contribution("branch", "mlp", "MLP branch", Contribution.ordered("logit part", pass.mlpPart),
                            pass.mlpPart),
                    new Contribution("bias", "b", "output bias", Contribution.ordered("logit part", net.headBias[0]),
                            net.headBias[0]));
            return explanation(user, item, pass.output, Double.NaN, parts, d.build());
        }
    }
}
