package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.ArrayList;
import java.util.List;

/**
 * One user's part of an evaluation, from {@link FoldEvaluator#explainUser}: their test errors and ranked list, and the
 * worked derivation of each metric. Every final value comes from the code the evaluation itself runs
 * ({@link UserErrors}, {@link RankingMetric#of}, {@link Auc#of}).
 */
public final class UserReport {

    private final Dataset train;
    private final int user;
    private final int n;
    private final UserErrors errors;
    private final FoldEvaluator.UserList list;
    private final double[] candidateScores;
    private final boolean[] candidateRelevant;
    private final double auc;

    UserReport(Dataset train, int user, int n, UserErrors errors, FoldEvaluator.UserList list,
               double[] candidateScores, boolean[] candidateRelevant, double auc) {
        this.train = train;
        this.user = user;
        this.n = n;
        this.errors = errors;
        this.list = list;
        this.candidateScores = candidateScores;
        this.candidateRelevant = candidateRelevant;
        this.auc = auc;
    }

    /**
     * A report on given numbers rather than an evaluation run (the exercises): the errors of a few predictions
     * (may be null) and a ranked list of the items {@code top} with its relevance (may be null). The derivations are
     * the ones an evaluation shows, so an exercise's answers are the evaluation's own numbers.
     */
    public static UserReport of(Dataset train, int user, int n, UserErrors errors, RankedList list,
                                org.recworkbench.algo.ScoredItems top) {
        UserErrors e = errors == null ? new UserErrors(0, 0, 0, 0, 0, 0, new int[0], new double[0], new double[0])
                : errors;
        FoldEvaluator.UserList l = list == null ? null : new FoldEvaluator.UserList(list, top, top.scores(),
                top.items());
        return new UserReport(train, user, n, e, l, new double[0], new boolean[0], Double.NaN);
    }

    /** True when the user has a relevant test item, so the ranking metrics are defined. */
    public boolean ranked() {
        return list != null;
    }

    public UserErrors errors() {
        return errors;
    }

    /** RMSE, MAE (when the model predicts ratings), precision, recall, NDCG at n and AUC. */
    public List<Derivation> derivations() {
        List<Derivation> all = new ArrayList<>();
        if (errors.covered() > 0) {
            all.add(rmse());
            all.add(mae());
        }
        if (ranked()) {
            all.add(precision());
            all.add(recall());
            all.add(ndcg());
            if (!Double.isNaN(auc)) {
                all.add(auc());
            }
        }
        return all;
    }

    private String who() {
        return train.users().id(user);
    }

    private String item(int index) {
        return train.items().id(index);
    }

    private Derivation.Builder errorTerms(String title) {
        Derivation.Builder d = Derivation.builder(Words.t("eval.errorTitle", title, who(),
                String.valueOf(errors.entries())));
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < errors.entries(); k++) {
            if (!Double.isNaN(errors.predicted()[k])) {
                terms.add("e_{" + item(errors.items()[k]) + "} = " + Latex.num(errors.predicted()[k]) + " - "
                        + Latex.term(errors.actual()[k]));
            }
        }
        d.step(Words.phrase("eval.errors"), "e_i = \\hat{r}_{ui} - r_{ui}",
                Latex.list(Math.min(terms.size(), 12), terms::get) + (terms.size() > 12 ? ", \\ldots" : ""),
                errors.covered());
        return d;
    }

    public Derivation rmse() {
        Derivation.Builder d = errorTerms("RMSE");
        d.step(Words.phrase("loss.sumSquaredErrors"), "\\sum_i e_i^2", Latex.sum(coveredCount(), k -> Latex.term(coveredError(k))
                + "^2"), errors.sumSquared());
        d.step(Words.phrase("eval.rmse"), "\\mathrm{RMSE} = \\sqrt{\\frac{1}{n} \\sum_i e_i^2}",
                "\\sqrt{\\frac{" + Latex.num(errors.sumSquared()) + "}{" + errors.covered() + "}}", errors.rmse());
        return d.build();
    }

    public Derivation mae() {
        Derivation.Builder d = errorTerms("MAE");
        d.step(Words.phrase("eval.sumAbsoluteErrors"), "\\sum_i |e_i|", Latex.sum(coveredCount(), k -> "|"
                + Latex.num(coveredError(k)) + "|"), errors.sumAbsolute());
        d.step(Words.phrase("eval.mae"), "\\mathrm{MAE} = \\frac{1}{n} \\sum_i |e_i|",
                "\\frac{" + Latex.num(errors.sumAbsolute()) + "}{" + errors.covered() + "}", errors.mae());
        return d.build();
    }

    private int coveredCount() {
        return errors.covered();
    }

    /** The k-th covered error, in test order. */
    private double coveredError(int k) {
        int seen = -1;
        for (int t = 0; t < errors.entries(); t++) {
            if (!Double.isNaN(errors.predicted()[t]) && ++seen == k) {
                return errors.predicted()[t] - errors.actual()[t];
            }
        }
        throw new IndexOutOfBoundsException(k);
    }

    private Derivation.Builder listSteps(String title) {
        Derivation.Builder d = Derivation.builder(Words.t("eval.listTitle", title, String.valueOf(n), who()));
        RankedList l = list.list();
        d.step(Words.phrase("eval.relevant"), "|R_u|", "", l.relevantCount());
        List<String> ranks = new ArrayList<>();
        for (int k = 0; k < Math.min(n, l.relevant().length); k++) {
            if (l.relevant()[k]) {
                ranks.add((k + 1) + ": " + item(list.top().item(k)));
            }
        }
        d.step(Words.phrase("eval.hits", String.valueOf(n)), "\\text{hits} = |R_u \\cap L_u^{" + n + "}|",
                ranks.isEmpty() ? "\\text{none}" : "\\{" + String.join(", ", ranks) + "\\}", l.hits(n));
        return d;
    }

    public Derivation precision() {
        Derivation.Builder d = listSteps(Words.t("eval.precision"));
        d.step(Words.phrase("eval.precision"), "P@" + n + " = \\frac{\\text{hits}}{" + n + "}",
                "\\frac{" + list.list().hits(n) + "}{" + n + "}", RankingMetric.PRECISION.of(list.list(), n));
        return d.build();
    }

    public Derivation recall() {
        Derivation.Builder d = listSteps(Words.t("eval.recall"));
        d.step(Words.phrase("eval.recall"), "R@" + n + " = \\frac{\\text{hits}}{|R_u|}",
                "\\frac{" + list.list().hits(n) + "}{" + list.list().relevantCount() + "}",
                RankingMetric.RECALL.of(list.list(), n));
        return d.build();
    }

    public Derivation ndcg() {
        Derivation.Builder d = listSteps("NDCG");
        RankedList l = list.list();
        int shown = Math.min(n, l.relevant().length);
        double dcg = 0;
        List<String> dcgTerms = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            if (l.relevant()[k]) {
                dcg += RankingMetric.discount(k);
                dcgTerms.add("\\frac{1}{\\log_2(" + (k + 2) + ")}");
            }
        }
        d.step(Words.phrase("eval.dcg"),
                "\\mathrm{DCG} = \\sum_{k=1}^{" + n + "} \\frac{rel_k}{\\log_2(k + 1)}",
                dcgTerms.isEmpty() ? "0" : String.join(" + ", dcgTerms), dcg);
        int idealCount = Math.min(n, l.relevantCount());
        double ideal = 0;
        List<String> idealTerms = new ArrayList<>();
        for (int k = 0; k < idealCount; k++) {
            ideal += RankingMetric.discount(k);
            idealTerms.add("\\frac{1}{\\log_2(" + (k + 2) + ")}");
        }
        d.step(Words.phrase("eval.idcg"), "\\mathrm{IDCG} = \\sum_{k=1}^{\\min(" + n
                + ", |R_u|)} \\frac{1}{\\log_2(k + 1)}", Latex.sum(idealTerms.size(), idealTerms::get), ideal);
        d.step(Words.phrase("eval.ndcg"), "\\mathrm{NDCG}@" + n + " = \\frac{\\mathrm{DCG}}{\\mathrm{IDCG}}",
                "\\frac{" + Latex.num(dcg) + "}{" + Latex.num(ideal) + "}", RankingMetric.NDCG.of(l, n));
        return d.build();
    }

    public Derivation auc() {
        Derivation.Builder d = Derivation.builder(Words.t("eval.aucTitle", who(),
                String.valueOf(candidateScores.length)));
        Auc.Pairs p = Auc.pairs(candidateScores, candidateRelevant);
        d.step(Words.phrase("eval.relevantCandidates"), "|R|", "", p.relevant());
        d.step(Words.phrase("eval.irrelevantCandidates"), "|\\bar{R}|", "", p.irrelevant());
        d.step(Words.phrase("eval.pairs"), "|R| \\cdot |\\bar{R}|", p.relevant() + " \\cdot " + p.irrelevant(),
                p.count());
        // counted pair by pair, not derived from the AUC: outright wins plus half the ties
        d.step(Words.phrase("eval.wins"),
                "W = \\sum_{r \\in R} \\sum_{s \\in \\bar{R}} \\left([x_r > x_s] + \\tfrac{1}{2}[x_r = x_s]\\right)",
                p.outright() + " + \\tfrac{1}{2} \\cdot " + p.ties(), p.wins());
        d.step(Words.phrase("eval.auc"), "\\mathrm{AUC} = \\frac{W}{|R| \\cdot |\\bar{R}|}", "\\frac{" + Latex.num(p.wins()) + "}{"
                + Latex.num(p.count()) + "}", Auc.of(candidateScores, candidateRelevant));
        return d.build();
    }
}
