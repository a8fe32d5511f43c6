package org.recworkbench.export;

import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Latex;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Top-N lists as CSV: {@code user_id,rank,item_id,score,algorithm,params} and, with explanations, an
 * {@code explanation} column naming the largest contributions.
 */
public final class RecommendationExport {

    /** Contributions named in the compact explanation. */
    static final int CONTRIBUTIONS_SHOWN = 3;

    private RecommendationExport() {
    }

    public static void write(Model model, int[] users, int n, boolean explain, Writer out, Progress progress,
                             Cancellation cancellation) throws IOException {
        HeavyWork.enter("RecommendationExport.write " + users.length + " users");
        Dataset data = model.dataset();
        CsvWriter csv = new CsvWriter(out);
        if (explain) {
            csv.row("user_id", "rank", "item_id", "score", "algorithm", "params", "explanation");
        } else {
            csv.row("user_id", "rank", "item_id", "score", "algorithm", "params");
        }
        String params = model.params().toString();
        for (int k = 0; k < users.length; k++) {
            if ((k & 63) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) k / users.length, "Recommending for user " + (k + 1) + " of "
                        + users.length);
            }
            int u = users[k];
            ScoredItems top = model.recommend(u, n);
            for (int r = 0; r < top.size(); r++) {
                csv.text(data.users().id(u)).number(r + 1).text(data.items().id(top.item(r)))
                        .number(top.score(r)).text(model.algorithmId()).text(params);
                if (explain) {
                    csv.text(compact(model.explain(u, top.item(r))));
                }
                csv.endRow();
            }
        }
        progress.report(1, "Recommendations written");
    }

    /** "i50 +4.15; i12 +2.44; i7 +1.2" — the largest contributions by absolute amount. */
    public static String compact(Explanation e) {
        List<Contribution> largest = e.contributions().stream()
                .sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.amount())))
                .limit(CONTRIBUTIONS_SHOWN).toList();
        if (largest.isEmpty()) {
            return e.derivation().steps().isEmpty() ? "" : e.derivation().steps().get(0).title();
        }
        return largest.stream().map(c -> c.kind() + " " + c.id() + " " + (c.amount() >= 0 ? "+" : "")
                + Latex.num(c.amount())).collect(Collectors.joining("; "));
    }
}
