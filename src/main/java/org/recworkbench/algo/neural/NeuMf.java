package org.recworkbench.algo.neural;

import java.util.SplittableRandom;

/**
 * The network of NeuMF (He et al. 2017): a GMF branch p_u ⊙ q_i and an MLP branch over [p'_u ; q'_i] with ReLU
 * layers, joined by one output unit: ŷ = σ(h_g · (p_u ⊙ q_i) + h_m · a_L + b). Parameters in flat arrays; forward
 * and backward by hand. Not thread-safe while training; read-only afterwards.
 */
final class NeuMf {

    final int e;
    final int[] sizes;
    final double[] userGmf;
    final double[] itemGmf;
    final double[] userMlp;
    final double[] itemMlp;
    final double[][] weights;
    final double[][] biases;
    final double[] headGmf;
    final double[] headMlp;
    final double[] headBias = new double[1];

    NeuMf(int users, int items, int e, int[] layers, SplittableRandom random) {
        this.e = e;
        sizes = new int[layers.length + 1];
        sizes[0] = 2 * e;
        System.arraycopy(layers, 0, sizes, 1, layers.length);
        userGmf = gaussian(users * e, 0.01, random);
        itemGmf = gaussian(items * e, 0.01, random);
        userMlp = gaussian(users * e, 0.01, random);
        itemMlp = gaussian(items * e, 0.01, random);
        weights = new double[layers.length][];
        biases = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            // He initialisation for ReLU layers
            weights[l] = gaussian(sizes[l + 1] * sizes[l], Math.sqrt(2.0 / sizes[l]), random);
            biases[l] = new double[sizes[l + 1]];
        }
        headGmf = gaussian(e, Math.sqrt(1.0 / (e + sizes[layers.length])), random);
        headMlp = gaussian(sizes[layers.length], Math.sqrt(1.0 / (e + sizes[layers.length])), random);
    }

    private NeuMf(NeuMf other) {
        e = other.e;
        sizes = other.sizes.clone();
        userGmf = other.userGmf.clone();
        itemGmf = other.itemGmf.clone();
        userMlp = other.userMlp.clone();
        itemMlp = other.itemMlp.clone();
        weights = new double[other.weights.length][];
        biases = new double[other.biases.length][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = other.weights[l].clone();
            biases[l] = other.biases[l].clone();
        }
        headGmf = other.headGmf.clone();
        headMlp = other.headMlp.clone();
        headBias[0] = other.headBias[0];
    }

    /** The network with these parameters (a model file's state); the arrays are kept, not copied. */
    NeuMf(int e, int[] layers, double[] userGmf, double[] itemGmf, double[] userMlp, double[] itemMlp,
          double[][] weights, double[][] biases, double[] headGmf, double[] headMlp, double headBias) {
        this.e = e;
        sizes = new int[layers.length + 1];
        sizes[0] = 2 * e;
        System.arraycopy(layers, 0, sizes, 1, layers.length);
        this.userGmf = userGmf;
        this.itemGmf = itemGmf;
        this.userMlp = userMlp;
        this.itemMlp = itemMlp;
        this.weights = weights;
        this.biases = biases;
        this.headGmf = headGmf;
        this.headMlp = headMlp;
        this.headBias[0] = headBias;
    }

    /** An independent copy of every parameter (the early stop keeps the best epoch's network). */
    NeuMf copy() {
        return new NeuMf(this);
    }

    private static double[] gaussian(int n, double std, SplittableRandom random) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            a[k] = std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return a;
    }

    int depth() {
        return weights.length;
    }

    /** Activations of one forward pass: a[0] the MLP input, a[l] after layer l (ReLU), gmf the GMF vector. */
    final class Pass {
        final double[][] a = new double[sizes.length][];
        final double[] gmf = new double[e];
        double gmfPart;
        double mlpPart;
        double logit;
        double output;

        Pass() {
            for (int l = 0; l < sizes.length; l++) {
                a[l] = new double[sizes[l]];
            }
        }

        void forward(int u, int i) {
            for (int f = 0; f < e; f++) {
                gmf[f] = userGmf[u * e + f] * itemGmf[i * e + f];
                a[0][f] = userMlp[u * e + f];
                a[0][e + f] = itemMlp[i * e + f];
            }
            for (int l = 0; l < weights.length; l++) {
                double[] w = weights[l];
                double[] in = a[l];
                double[] out = a[l + 1];
                int n = in.length;
                for (int o = 0; o < out.length; o++) {
                    double z = biases[l][o];
                    int row = o * n;
                    for (int k = 0; k < n; k++) {
                        z += w[row + k] * in[k];
                    }
                    out[o] = z > 0 ? z : 0;
                }
            }
            gmfPart = 0;
            for (int f = 0; f < e; f++) {
                gmfPart += headGmf[f] * gmf[f];
            }
            double[] last = a[sizes.length - 1];
            mlpPart = 0;
            for (int k = 0; k < last.length; k++) {
                mlpPart += headMlp[k] * last[k];
            }
            logit = gmfPart + mlpPart + headBias[0];
            output = 1 / (1 + Math.exp(-logit));
        }
    }
}
