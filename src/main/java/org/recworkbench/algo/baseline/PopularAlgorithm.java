package org.recworkbench.algo.baseline;

import org.recworkbench.algo.ParameterlessAlgorithm;
import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.NoParams;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

/** Ranks items by how many users interacted with them; the same list for everyone. */
public final class PopularAlgorithm extends ParameterlessAlgorithm {

    public static final String ID = "popular";

    public PopularAlgorithm() {
        super(ID, Family.BASELINE, "Most popular: items ranked by their number of users, the same for everyone");
    }


    @Override
    public Model fit(Dataset train, NoParams params, Progress progress, Cancellation cancellation) {
        double[] counts = new double[train.itemCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = train.ratings().colLength(i);
        }
        return new PopularModel(train, values(params), counts);
    }

    private static final class PopularModel extends BaseModel {

        private final double[] counts;

        PopularModel(Dataset dataset, ParamValues params, double[] counts) {
            super(dataset, ID, params);
            this.counts = counts;
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            return counts.clone();
        }

        @Override
        public double predict(int user, int item) {
            return Double.NaN;
        }

        /** The same counts for everybody, new users included. */
        @Override
        public java.util.Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
            double[] none = new double[counts.length];
            java.util.Arrays.fill(none, Double.NaN);
            return java.util.Optional.of(new org.recworkbench.algo.FoldIn(profile, counts.clone(), none));
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("base.popularTitle"), user, item);
            d.step(Words.phrase("base.popularCount"), "s_i = |U_i|",
                    "|U_{" + itemId(item) + "}| = " + (int) counts[item], counts[item]);
            return explanation(user, item, counts[item], Double.NaN, List.of(new Contribution("item", itemId(item),
                    itemLabel(item), Contribution.ordered("users", counts[item]), counts[item])), d.build());
        }
    }
}
