package org.recworkbench.export;

import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.Reasons;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.io.IOException;
import java.io.Writer;

/**
 * Top-N lists as CSV: {@code user_id,rank,item_id,item_title,score,predicted_rating,algorithm,params} and, with
 * explanations, an {@code explanation} column: the strongest positive reason first, as the Tune view's Why column
 * says it ({@link Reasons}), then the next largest contributions. {@code item_title} is empty when the dataset has
 * no title for the item, {@code predicted_rating} when the model predicts no rating for the pair (or the data are
 * implicit).
 */
public final class RecommendationExport {

    /** Contributions named in the compact explanation. */
    static final int CONTRIBUTIONS_SHOWN = 3;

    private RecommendationExport() {
    }

    public static void write(Model model, int[] users, int n, boolean explain, Writer out, Progress progress,
                             Cancellation cancellation) throws IOException {
        write(model, users, n, explain, ListFilter.UNSEEN, out, progress, cancellation);
    }

    /** The lists of {@code users}, each of the n best items the filter allows. */
    public static void write(Model model, int[] users, int n, boolean explain, ListFilter filter, Writer out,
                             Progress progress, Cancellation cancellation) throws IOException {
        HeavyWork.enter("RecommendationExport.write " + users.length + " users");
        Dataset data = model.dataset();
        CsvWriter csv = new CsvWriter(out);
        if (explain) {
            csv.row("user_id", "rank", "item_id", "item_title", "score", "predicted_rating", "algorithm", "params",
                    "explanation");
        } else {
            csv.row("user_id", "rank", "item_id", "item_title", "score", "predicted_rating", "algorithm", "params");
        }
        boolean ratings = data.kind() == DatasetKind.EXPLICIT;
        String params = model.params().toString();
        for (int k = 0; k < users.length; k++) {
            if ((k & 63) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) k / users.length, "Recommending for user " + (k + 1) + " of "
                        + users.length);
            }
            int u = users[k];
            ScoredItems top = filter == ListFilter.UNSEEN ? model.recommend(u, n)
                    : model.recommend(u, n, filter.exclude(data, u));
            for (int r = 0; r < top.size(); r++) {
                int i = top.item(r);
                String title = data.catalog().title(i);
                double predicted = ratings ? model.predict(u, i) : Double.NaN;
                csv.text(data.users().id(u)).number(r + 1).text(data.items().id(i)).text(title == null ? "" : title)
                        .number(top.score(r));
                if (Double.isNaN(predicted)) {
                    csv.text("");
                } else {
                    csv.number(predicted);
                }
                csv.text(model.algorithmId()).text(params);
                if (explain) {
                    csv.text(compact(model.explain(u, top.item(r))));
                }
                csv.endRow();
            }
        }
        progress.report(1, "Recommendations written");
    }

    /** The explanation column: {@link Reasons#summary} of the {@value #CONTRIBUTIONS_SHOWN} first reasons. */
    public static String compact(Explanation e) {
        return Reasons.summary(e, CONTRIBUTIONS_SHOWN);
    }
}
