package org.recworkbench.algo.mf;

import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;

/** What the factor models share: user and item factors, the learning curve, scores from the dot product. */
abstract class FactorModel extends BaseModel implements IterativeModel {

    protected final Factors users;
    protected final Factors items;
    private final double[] losses;

    FactorModel(Dataset dataset, String id, ParamValues values, Factors users, Factors items, double[] losses) {
        super(dataset, id, values);
        this.users = users;
        this.items = items;
        this.losses = losses;
    }

    /** User factors, item factors and the learning curve: the state every stored factor model starts with. */
    protected org.recworkbench.algo.ModelState factorState() {
        return new org.recworkbench.algo.ModelState().putDoubles("user-factors", users.values)
                .putDoubles("item-factors", items.values).putDoubles("losses", losses);
    }

    static Factors userFactors(org.recworkbench.algo.ModelState state, Dataset dataset, int k) {
        return Factors.restore(state, "user-factors", dataset.userCount(), k);
    }

    static Factors itemFactors(org.recworkbench.algo.ModelState state, Dataset dataset, int k) {
        return Factors.restore(state, "item-factors", dataset.itemCount(), k);
    }

    @Override
    public double[] lossCurve() {
        return losses.clone();
    }

    /** p_u · q_i; biased MF adds its biases. */
    protected double score(int user, int item) {
        return users.dot(user, items, item);
    }

    @Override
    public double[] scoreAll(int user) {
        checkUser(user);
        double[] scores = new double[dataset().itemCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(user, i);
        }
        return scores;
    }
}
