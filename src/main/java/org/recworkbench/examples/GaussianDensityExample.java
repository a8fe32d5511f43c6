package org.recworkbench.examples;

import org.recworkbench.algo.baseline.ItemRatingGaussian;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * Seed article 001's interest density P(U_i = j) = N(r_ij; μ_j, σ_j²) for one user over every item, by
 * {@link ItemRatingGaussian} fitted to the example's matrix (μ_j the item mean, σ_j² its population variance: the
 * article gives neither).
 */
final class GaussianDensityExample implements ExampleFormula {

    @Override
    public void compute(SeedExample e, Computation c) {
        if (!e.option("mean", "item").equals("item") || !e.option("variance", "population").equals("population")) {
            throw new IllegalStateException(e.id() + ": only item means and population variances are supported");
        }
        Dataset data = MatrixDataset.of(e);
        String name = e.text("user");
        int user = data.users().indexOf(name);
        if (user < 0) {
            throw new IllegalStateException(e.id() + ": no user " + name + " in R");
        }
        ItemRatingGaussian g = ItemRatingGaussian.fit(data);
        int items = data.itemCount();
        double[] x = new double[items];
        double[] mu = new double[items];
        double[] variance = new double[items];
        for (int j = 0; j < items; j++) {
            x[j] = data.ratings().value(user, j);
            mu[j] = g.mean(j);
            variance[j] = g.variance(j);
        }
        c.show(Words.phrase("example.gaussValues", name), "x_j = r_{" + name + ",j}", "x = (" + list(x) + ")");
        c.put("x", x);
        c.show(Words.phrase("example.itemMeans", String.valueOf(data.userCount())), "\\mu_j = \\frac{1}{m} \\sum_i r_{ij}",
                "\\mu = (" + list(mu) + ")");
        c.put("mu", mu);
        c.show(Words.phrase("example.itemVariances"), "\\sigma_j^2 = \\frac{1}{m} \\sum_i (r_{ij} - \\mu_j)^2",
                "\\sigma^2 = (" + list(variance) + ")");
        c.put("sigma2", variance);
        for (int j = 0; j < items; j++) {
            String item = data.items().id(j);
            String key = "density_" + name + "_" + item;
            c.recordedLast(key, g.density(j, "P(" + name + " = " + item + ")", x[j], c.trace()));
        }
    }

    private static String list(double[] values) {
        return Latex.list(values.length, k -> Latex.num(values[k]));
    }
}
