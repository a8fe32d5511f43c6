package org.recworkbench.algo.baseline;

import org.recworkbench.algo.ParameterlessAlgorithm;
import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.NoParams;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;

/** Predicts the mean of all training values for every pair: the floor any rating predictor must beat. */
public final class GlobalMeanAlgorithm extends ParameterlessAlgorithm {

    public static final String ID = "global-mean";

    public GlobalMeanAlgorithm() {
        super(ID, Family.BASELINE, "Global mean: predicts the average rating μ for every pair (ranking by item order)");
    }


    @Override
    public Model fit(Dataset train, NoParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        double sum = 0;
        for (int p = 0; p < r.size(); p++) {
            sum += r.rowValue(p);
        }
        return new GlobalMeanModel(train, values(params), sum, r.size());
    }

    private static final class GlobalMeanModel extends BaseModel {

        private final double sum;
        private final int count;
        private final double mean;

        GlobalMeanModel(Dataset dataset, ParamValues params, double sum, int count) {
            super(dataset, ID, params);
            this.sum = sum;
            this.count = count;
            this.mean = count == 0 ? Double.NaN : sum / count;
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            double[] scores = new double[dataset().itemCount()];
            Arrays.fill(scores, mean);
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            return mean;
        }

        @Override
        public java.util.Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
            double[] scores = new double[dataset().itemCount()];
            Arrays.fill(scores, mean);
            return java.util.Optional.of(new org.recworkbench.algo.FoldIn(profile, scores, scores.clone()));
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("base.globalMeanTitle"), user, item);
            d.step(Words.phrase("base.meanAll"), "\\mu = \\frac{1}{|R|} \\sum_{(u,i) \\in R} r_{ui}",
                    "\\frac{" + Latex.num(sum) + "}{" + count + "}", mean);
            return explanation(user, item, mean, mean, List.of(), d.build());
        }
    }
}
