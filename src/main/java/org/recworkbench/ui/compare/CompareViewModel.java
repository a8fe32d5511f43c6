package org.recworkbench.ui.compare;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobRunner;
import org.recworkbench.ui.session.Session;
import org.recworkbench.ui.tune.TuneViewModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two algorithm configurations side by side for the Tune view's dataset and user: both top-N lists, their overlap
 * and rank correlation, the items only one of them recommends, and each item's explanation.
 */
public final class CompareViewModel {

    /**
     * One side: an algorithm, its parameters and its list once fitted. Choosing an algorithm starts from the
     * parameters the session remembers for it (what was tuned in Tune &amp; Recommend).
     */
    public static final class Side {
        private final ObjectProperty<Algorithm<?>> algorithm = new SimpleObjectProperty<>();
        private final ObjectProperty<ParamValues> params = new SimpleObjectProperty<>();
        private final ObservableList<Row> rows = FXCollections.observableArrayList();
        private Model model;

        Side(Session session, Algorithm<?> first, ParamValues values) {
            algorithm.set(first);
            params.set(values);
            algorithm.addListener((obs, old, now) -> params.set(now == null ? null : session.paramsFor(now)));
        }

        public ObjectProperty<Algorithm<?>> algorithmProperty() {
            return algorithm;
        }

        public ObjectProperty<ParamValues> paramsProperty() {
            return params;
        }

        /** Sets one parameter (validated by its spec). */
        public void setParam(String name, Object value) {
            params.set(params.get().with(name, value));
        }

        public ObservableList<Row> rows() {
            return rows;
        }

        ParamValues values() {
            return params.get();
        }
    }

    /** An item of one list; {@code onlyHere} when the other list does not have it. */
    public record Row(int rank, int item, String label, double score, boolean onlyHere) {
    }

    private final JobRunner jobs;
    private final Session session;
    private final IntegerProperty listLength;
    private final Side left;
    private final Side right;
    private final ReadOnlyObjectWrapper<ListComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");

    /**
     * @param listLength N of both lists (Tune &amp; Recommend's)
     */
    public CompareViewModel(Session session, IntegerProperty listLength) {
        this.session = session;
        this.jobs = session.jobs();
        this.listLength = listLength;
        Algorithm<?> knn = AlgorithmRegistry.require("item-knn");
        Algorithm<?> mf = AlgorithmRegistry.require("biased-mf");
        this.left = new Side(session, knn, knn.defaults().with("k", 30));
        this.right = new Side(session, mf, session.paramsFor(mf));
        session.userProperty().addListener((obs, old, now) -> showLists());
        listLength.addListener((obs, old, now) -> showLists());
        session.dataProperty().addListener((obs, old, now) -> {
            // lists of another dataset's models must not stay on screen
            left.model = null;
            right.model = null;
            comparison.set(null);
            explanation.set("");
            summary.set(now == null ? "" : I18n.t("compare.pressCompare", now.name()));
            showLists();
        });
    }

    public Side left() {
        return left;
    }

    public Side right() {
        return right;
    }

    public List<Algorithm<?>> algorithms() {
        return Session.algorithms();
    }

    /** Fits both configurations on the Tune view's dataset (in the background) and compares their lists. */
    public void onCompare() {
        Dataset d = session.dataProperty().get();
        if (d == null) {
            summary.set(I18n.t("compare.noDataset"));
            return;
        }
        ParamValues a = left.values();
        ParamValues b = right.values();
        Algorithm<?> algorithmA = left.algorithm.get();
        Algorithm<?> algorithmB = right.algorithm.get();
        summary.set(I18n.t("compare.fitting"));
        jobs.submit(I18n.t("compare.job", algorithmA.id(), algorithmB.id()), (progress, cancel) -> new Model[] {
                algorithmA.fit(d, a, progress.stage(0, 0.5), cancel),
                algorithmB.fit(d, b, progress.stage(0.5, 1), cancel)}, models -> {
            if (session.dataProperty().get() == d) {
                left.model = models[0];
                right.model = models[1];
                showLists();
            }
        }, failure -> summary.set(ErrorMessages.readable(failure)));
    }

    private void showLists() {
        int u = session.userProperty().get();
        if (left.model == null || right.model == null || u < 0 || u >= left.model.dataset().userCount()) {
            left.rows.clear();
            right.rows.clear();
            return;
        }
        int n = listLength.get();
        ScoredItems a = left.model.recommend(u, n);
        ScoredItems b = right.model.recommend(u, n);
        fill(left, a, b);
        fill(right, b, a);
        ListComparison c = ListComparison.of(a.items(), b.items());
        Dataset d = left.model.dataset();
        // the summary first: whoever watches the comparison then reads a summary of the same lists
        summary.set(I18n.t("compare.summary", d.users().id(u), String.valueOf(c.shared()), String.valueOf(n),
                String.format(Locale.ROOT, "%.3f", c.jaccard()),
                Double.isNaN(c.spearman()) ? I18n.t("compare.spearmanNa") : String.format(Locale.ROOT, "%.3f",
                        c.spearman())));
        comparison.set(c);
    }

    private static void fill(Side side, ScoredItems mine, ScoredItems other) {
        Set<Integer> theirs = new HashSet<>();
        for (int item : other.items()) {
            theirs.add(item);
        }
        Dataset d = side.model.dataset();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < mine.size(); k++) {
            int item = mine.item(k);
            String title = d.catalog().title(item);
            rows.add(new Row(k + 1, item, title.isEmpty() ? d.items().id(item) : title, mine.score(k),
                    !theirs.contains(item)));
        }
        side.rows.setAll(rows);
    }

    public void onExplain(Side side, Row row) {
        if (side.model == null || row == null || session.userProperty().get() < 0) {
            explanation.set("");
            return;
        }
        explanation.set(side.algorithm.get().id() + "\n" + TuneViewModel.explanationText(side.model,
                session.userProperty().get(), row.item()));
    }

    public ReadOnlyObjectProperty<ListComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
