package org.recworkbench.ui.compare;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.tune.TuneViewModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two algorithm configurations side by side for the Tune view's dataset and user: both top-N lists, their overlap
 * and rank correlation, the items only one of them recommends, and each item's explanation.
 */
public final class CompareViewModel {

    /** One side: an algorithm, its parameters as {@code name=value} words, and its list once fitted. */
    public static final class Side {
        private final ObjectProperty<Algorithm<?>> algorithm = new SimpleObjectProperty<>();
        private final StringProperty params = new SimpleStringProperty("");
        private final ObservableList<Row> rows = FXCollections.observableArrayList();
        private Model model;

        Side(String algorithmId, String params) {
            algorithm.set(AlgorithmRegistry.require(algorithmId));
            this.params.set(params);
        }

        public ObjectProperty<Algorithm<?>> algorithmProperty() {
            return algorithm;
        }

        public StringProperty paramsProperty() {
            return params;
        }

        public ObservableList<Row> rows() {
            return rows;
        }

        ParamValues values() {
            List<String> words = Arrays.stream(params.get().trim().split("[\\s;]+")).filter(w -> !w.isEmpty())
                    .toList();
            try {
                return ParamValues.parse(algorithm.get().params(), words);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(algorithm.get().id() + ": " + e.getMessage());
            }
        }
    }

    /** An item of one list; {@code onlyHere} when the other list does not have it. */
    public record Row(int rank, int item, String label, double score, boolean onlyHere) {
    }

    private final FxJobs jobs;
    private final TuneViewModel tune;
    private final Side left = new Side("item-knn", "k=30");
    private final Side right = new Side("biased-mf", "");
    private final ReadOnlyObjectWrapper<ListComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");

    public CompareViewModel(FxJobs jobs, TuneViewModel tune) {
        this.jobs = jobs;
        this.tune = tune;
        tune.userProperty().addListener((obs, old, now) -> showLists());
    }

    public Side left() {
        return left;
    }

    public Side right() {
        return right;
    }

    public List<Algorithm<?>> algorithms() {
        return tune.algorithms();
    }

    /** Fits both configurations on the Tune view's dataset (in the background) and compares their lists. */
    public void onCompare() {
        Dataset d = tune.dataProperty().get();
        if (d == null) {
            summary.set("Load a dataset first (Datasets, then Tune & Recommend)");
            return;
        }
        ParamValues a;
        ParamValues b;
        try {
            a = left.values();
            b = right.values();
        } catch (InvalidInputException e) {
            summary.set(e.getMessage());
            return;
        }
        Algorithm<?> algorithmA = left.algorithm.get();
        Algorithm<?> algorithmB = right.algorithm.get();
        summary.set("Fitting both …");
        jobs.submit("Comparing " + algorithmA.id() + " and " + algorithmB.id(), (progress, cancel) -> new Model[] {
                algorithmA.fit(d, a, progress.stage(0, 0.5), cancel),
                algorithmB.fit(d, b, progress.stage(0.5, 1), cancel)}, models -> {
            left.model = models[0];
            right.model = models[1];
            showLists();
        }, failure -> summary.set(ErrorMessages.readable(failure)));
    }

    private void showLists() {
        int u = tune.userProperty().get();
        if (left.model == null || right.model == null || u < 0 || u >= left.model.dataset().userCount()) {
            left.rows.clear();
            right.rows.clear();
            return;
        }
        int n = tune.listLengthProperty().get();
        ScoredItems a = left.model.recommend(u, n);
        ScoredItems b = right.model.recommend(u, n);
        fill(left, a, b);
        fill(right, b, a);
        ListComparison c = ListComparison.of(a.items(), b.items());
        comparison.set(c);
        Dataset d = left.model.dataset();
        summary.set(String.format(Locale.ROOT, "User %s: %d of %d items shared, Jaccard %.3f, Spearman over the "
                        + "shared items %s", d.users().id(u), c.shared(), n, c.jaccard(),
                Double.isNaN(c.spearman()) ? "n/a (fewer than 2 shared)" : String.format(Locale.ROOT, "%.3f",
                        c.spearman())));
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
        if (side.model == null || row == null || tune.userProperty().get() < 0) {
            explanation.set("");
            return;
        }
        explanation.set(side.algorithm.get().id() + "\n" + TuneViewModel.explanationText(side.model,
                tune.userProperty().get(), row.item()));
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
