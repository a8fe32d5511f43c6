package org.recworkbench.examples;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.knn.SeedCfAlgorithm;
import org.recworkbench.algo.knn.SeedCfWeights;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed article 001's user weights w_ik = Σ_j r_ij r_kj / Σ_j r_ij² and scores R_ij = Σ_k w_ik r_kj on its own small
 * matrix, by {@link SeedCfWeights} and the {@link SeedCfAlgorithm} model fitted to that matrix.
 */
final class SeedCfExamples {

    /** "R_U1[3]": the score of user U1 for the item at index 3. */
    private static final Pattern SCORE_KEY = Pattern.compile("R_(.+)\\[(\\d+)]");

    private SeedCfExamples() {
    }

    /** Every w_ik as W[i][k] (0-based), and the article's pairs as w_ik (1-based, input "pairs"). */
    static void weights(SeedExample e, Computation c) {
        Dataset data = MatrixDataset.of(e);
        double[][] w = new double[data.userCount()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = SeedCfWeights.weights(data, i, c.trace());
        }
        c.put("W", w);
        for (double[] pair : e.matrix("pairs")) {
            int i = (int) pair[0];
            int k = (int) pair[1];
            c.put("w_" + i + k, w[i - 1][k - 1]);
        }
    }

    /** Every user's scores as R_&lt;user&gt;[j], and the result cell's derivation as the model explains it. */
    static void predictions(SeedExample e, Computation c) {
        Dataset data = MatrixDataset.of(e);
        boolean includeSelf = Boolean.parseBoolean(e.option("includeSelf", "true"));
        Model model = new SeedCfAlgorithm().fit(data, new SeedCfAlgorithm.SeedCfParams(includeSelf), Progress.NONE,
                Cancellation.NEVER);
        for (int u = 0; u < data.userCount(); u++) {
            String name = data.users().id(u);
            double[] w = SeedCfWeights.weights(data.ratings(), u);
            double[] scores = model.scoreAll(u);
            c.show(Words.phrase("example.scoresOf", name, list(w)),
                    "R_{" + name + ",j} = \\sum_k w_{" + name + ",k} \\, r_{kj}",
                    Latex.sum(data.userCount(), k -> Latex.num(w[k]) + " \\cdot (" + list(row(data, k)) + ")")
                            + " = (" + list(scores) + ")");
            c.put("R_" + name, scores);
        }
        Matcher m = SCORE_KEY.matcher(e.resultKey());
        if (m.matches()) {
            int user = data.users().indexOf(m.group(1));
            int item = Integer.parseInt(m.group(2));
            c.show(Words.phrase("example.seedCfOwn", m.group(1), data.items().id(item)), "R_{ij} = \\sum_k w_{ik} \\, r_{kj}", "");
            c.append(model.explain(user, item).derivation());
            c.recordedLast(e.resultKey(), model.scoreAll(user)[item]);
        }
    }

    private static double[] row(Dataset data, int user) {
        double[] row = new double[data.itemCount()];
        for (int j = 0; j < row.length; j++) {
            row[j] = data.ratings().value(user, j);
        }
        return row;
    }

    private static String list(double[] values) {
        return Latex.list(values.length, k -> Latex.num(values[k]));
    }
}
