package org.recworkbench.ui.heatmap;

import org.recworkbench.ui.common.EngineText;
import org.recworkbench.ui.common.I18n;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.export.AtomicFile;
import org.recworkbench.export.HeatmapExport;
import org.recworkbench.similarity.HeatmapOrder;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.PairSimilarity;
import org.recworkbench.similarity.SimilarityHeatmap;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.similarity.Subsets;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobHandle;
import org.recworkbench.ui.common.JobRunner;
import org.recworkbench.ui.common.PngFiles;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Similarity view: a heatmap of a subset of users or items under one measure; a clicked cell shows the worked
 * derivation of that similarity, the two vectors side by side (co-rated entries marked) and the row's neighbours.
 */
public final class SimilarityViewModel {

    /** Which rows the heatmap shows. */
    public enum SubsetKind {
        TOP("Most popular / most active"),
        SEARCH("Search"),
        CATEGORY("Category");

        private final String label;

        SubsetKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return I18n.orElse("heatmap.subset." + name(), label);
        }
    }

    /** One entry (a user for item similarities) rated by a, b or both, with the raw values. */
    public record VectorRow(String id, String label, double a, double b) {
        public boolean coRated() {
            return !Double.isNaN(a) && !Double.isNaN(b);
        }
    }

    /** One of the selected row's nearest rows among all users or items. */
    public record Neighbour(int index, String id, String label, double value, int overlap) {
    }

    public static final int NEIGHBOURS = 10;

    private final JobRunner jobs;
    private final ReadOnlyObjectProperty<Dataset> data;
    private final ObjectProperty<Orientation> orientation = new SimpleObjectProperty<>(Orientation.ITEMS);
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(Measure.COSINE);
    private final DoubleProperty shrinkage = new SimpleDoubleProperty(0);
    /** Pearson only: centre each vector by the mean of all its ratings (seed article 000's convention). */
    private final BooleanProperty overallMeans = new SimpleBooleanProperty(false);
    private final ObjectProperty<SubsetKind> subsetKind = new SimpleObjectProperty<>(SubsetKind.TOP);
    private final IntegerProperty size = new SimpleIntegerProperty(50);
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObjectProperty<HeatmapOrder> order = new SimpleObjectProperty<>(HeatmapOrder.CLUSTERED);
    private final ReadOnlyObjectWrapper<SimilarityHeatmap> heatmap = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(-1);
    private final IntegerProperty selectedColumn = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<PairSimilarity> pair = new ReadOnlyObjectWrapper<>();
    private final ObservableList<VectorRow> vectors = FXCollections.observableArrayList();
    private final ObservableList<Neighbour> neighbours = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private BiConsumer<Derivation, String> formulaSink = (d, from) -> { };
    private boolean visible;
    private Dataset categoriesFor;
    private String built = "";
    private JobHandle building = JobHandle.NONE;
    private JobHandle selecting = JobHandle.NONE;
    private final Object categoriesKey = new Object();
    private final Object heatmapKey = new Object();
    private final Object selectionKey = new Object();

    public SimilarityViewModel(JobRunner jobs, ReadOnlyObjectProperty<Dataset> data) {
        this.jobs = jobs;
        this.data = data;
        data.addListener((obs, old, now) -> {
            // another dataset's heatmap and pair must not stay on screen
            heatmap.set(null);
            clearSelection();
            categories.clear();
            refresh();
        });
        orientation.addListener((obs, old, now) -> refresh());
        measure.addListener((obs, old, now) -> refresh());
        shrinkage.addListener((obs, old, now) -> refresh());
        overallMeans.addListener((obs, old, now) -> refresh());
        subsetKind.addListener((obs, old, now) -> refresh());
        size.addListener((obs, old, now) -> refresh());
        query.addListener((obs, old, now) -> {
            if (subsetKind.get() == SubsetKind.SEARCH) {
                refresh();
            }
        });
        category.addListener((obs, old, now) -> {
            if (subsetKind.get() == SubsetKind.CATEGORY) {
                refresh();
            }
        });
        order.addListener((obs, old, now) -> refresh());
    }

    /** Called when the view is shown or hidden: the heatmap is computed only while someone looks at it. */
    public void setVisible(boolean visible) {
        this.visible = visible;
        refresh();
    }

    private String settings(Dataset d) {
        return System.identityHashCode(d) + "|" + orientation.get() + "|" + measure.get() + "|" + shrinkage.get()
                + "|" + usesOverallMeans()
                + "|" + subsetKind.get() + "|" + size.get() + "|" + query.get() + "|" + category.get() + "|"
                + order.get();
    }

    /** The catalogue's categories, listed in the background once per dataset while the view is visible. */
    private void listCategories(Dataset d) {
        if (categoriesFor == d) {
            return;
        }
        categoriesFor = d;
        jobs.interactive(categoriesKey, I18n.t("heatmap.job.categories", d.name()), (progress, cancel) ->
                Subsets.categories(d), list -> {
            if (data.get() == d) {
                categories.setAll(list);
                if (category.get() == null || !categories.contains(category.get())) {
                    category.set(categories.isEmpty() ? null : categories.get(0));
                }
            }
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    private void refresh() {
        Dataset d = data.get();
        if (visible && d != null) {
            listCategories(d);
        }
        if (!visible || d == null || settings(d).equals(built)) {
            return;
        }
        built = settings(d);
        // cancelled before this request is marked busy: a superseded build that never started ends right here
        building.cancel();
        Orientation o = orientation.get();
        SimilarityOptions options = SimilarityOptions.of(measure.get()).withShrinkage(shrinkage.get())
                .withVectorMeans(usesOverallMeans());
        int[] subset = subset(d, o);
        if (subset.length == 0) {
            heatmap.set(null);
            clearSelection();
            message.set(subsetKind.get() == SubsetKind.CATEGORY && o == Orientation.USERS
                    ? I18n.t("heatmap.categoriesItems") : I18n.t("heatmap.nothingMatches"));
            return;
        }
        HeatmapOrder by = order.get();
        int[] keep = selectedIndices();
        busy.set(true);
        message.set(I18n.t("heatmap.computing", String.valueOf(subset.length), EngineText.measure(measure.get())));
        long start = System.nanoTime();
        building = jobs.interactive(heatmapKey, I18n.t("heatmap.job", String.valueOf(subset.length)),
                (progress, cancel) -> SimilarityHeatmap.build(d, o, options, subset, by, cancel), h -> {
            busy.set(false);
            heatmap.set(h);
            message.set(I18n.t("heatmap.built", String.valueOf(h.size()), EngineText.measure(options.measure()),
                    EngineText.order(by), String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9)));
            reselect(h, keep);
        }, failure -> {
            busy.set(false);
            built = "";
            message.set(ErrorMessages.readable(failure));
        }, () -> {
            if (building.ended()) {
                // this was the latest request (a superseded one finds a newer build running): nothing is computing
                busy.set(false);
                built = "";
                message.set(I18n.t("heatmap.cancelled"));
            }
        });
    }

    private int[] subset(Dataset d, Orientation o) {
        int n = Math.max(2, size.get());
        return switch (subsetKind.get()) {
            case TOP -> o == Orientation.ITEMS ? Subsets.mostPopularItems(d, n) : Subsets.mostActiveUsers(d, n);
            case SEARCH -> Subsets.matching(d, o, query.get() == null ? "" : query.get(), n);
            case CATEGORY -> o == Orientation.ITEMS && category.get() != null
                    ? Subsets.inCategory(d, category.get(), n) : new int[0];
        };
    }

    /** The indices of the selected pair, to find them again after the heatmap is rebuilt. */
    private int[] selectedIndices() {
        SimilarityHeatmap h = heatmap.get();
        int r = selectedRow.get();
        int c = selectedColumn.get();
        return h == null || r < 0 || c < 0 || r >= h.size() || c >= h.size() || h.orientation() != orientation.get()
                ? null : new int[] {h.index(r), h.index(c)};
    }

    private void reselect(SimilarityHeatmap h, int[] keep) {
        int r = -1;
        int c = -1;
        if (keep != null) {
            for (int k = 0; k < h.size(); k++) {
                r = h.index(k) == keep[0] ? k : r;
                c = h.index(k) == keep[1] ? k : c;
            }
        }
        if (r >= 0 && c >= 0) {
            onSelectCell(r, c);
        } else {
            clearSelection();
        }
    }

    private void clearSelection() {
        selectedRow.set(-1);
        selectedColumn.set(-1);
        pair.set(null);
        vectors.clear();
        neighbours.clear();
    }

    /** Shows the derivation of cell (r, c), the two vectors and row r's neighbours. */
    public void onSelectCell(int r, int c) {
        SimilarityHeatmap h = heatmap.get();
        if (h == null || r < 0 || c < 0 || r >= h.size() || c >= h.size()) {
            return;
        }
        selectedRow.set(r);
        selectedColumn.set(c);
        Dataset d = data.get();
        selecting = jobs.interactive(selectionKey, I18n.t("heatmap.job.pair", h.id(r), h.id(c)),
                (progress, cancel) -> select(d, h, r, c), s -> {
            if (heatmap.get() == h && selectedRow.get() == r && selectedColumn.get() == c) {
                pair.set(s.pair());
                vectors.setAll(s.vectors());
                neighbours.setAll(s.neighbours());
            }
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    private record Selection(PairSimilarity pair, List<VectorRow> vectors, List<Neighbour> neighbours) {
    }

    private static Selection select(Dataset d, SimilarityHeatmap h, int r, int c) {
        PairSimilarity p = h.explain(r, c);
        List<Neighbour> near = new ArrayList<>();
        boolean items = h.orientation() == Orientation.ITEMS;
        for (PairSimilarity n : h.similarities().neighbours(h.index(r), NEIGHBOURS)) {
            String id = items ? d.items().id(n.b()) : d.users().id(n.b());
            String title = items ? d.catalog().title(n.b()) : "";
            near.add(new Neighbour(n.b(), id, title.isEmpty() ? id : title, n.value(), n.overlap()));
        }
        return new Selection(p, vectors(d, h.orientation(), h.index(r), h.index(c)), near);
    }

    /** The raw values of a and b on every entry either has, co-rated entries first. */
    static List<VectorRow> vectors(Dataset d, Orientation o, int a, int b) {
        RatingMatrix m = d.ratings();
        TreeMap<Integer, double[]> byEntry = new TreeMap<>();
        int[] rows = {a, b};
        for (int side = 0; side < 2; side++) {
            int row = rows[side];
            boolean items = o == Orientation.ITEMS;
            int start = items ? m.colStart(row) : m.rowStart(row);
            int length = items ? m.colLength(row) : m.rowLength(row);
            for (int p = start; p < start + length; p++) {
                int entry = items ? m.colUser(p) : m.rowItem(p);
                double value = items ? m.colValue(p) : m.rowValue(p);
                byEntry.computeIfAbsent(entry, e -> new double[] {Double.NaN, Double.NaN})[side] = value;
            }
        }
        List<VectorRow> both = new ArrayList<>();
        List<VectorRow> one = new ArrayList<>();
        byEntry.forEach((entry, v) -> {
            String id = o == Orientation.ITEMS ? d.users().id(entry) : d.items().id(entry);
            String title = o == Orientation.ITEMS ? "" : d.catalog().title(entry);
            VectorRow row = new VectorRow(id, title.isEmpty() ? id : title, v[0], v[1]);
            (row.coRated() ? both : one).add(row);
        });
        both.addAll(one);
        return both;
    }

    /** Where "Open in Formulas" sends the selected pair's derivation. */
    public void setFormulaSink(BiConsumer<Derivation, String> sink) {
        this.formulaSink = sink;
    }

    public void onOpenInFormulas() {
        PairSimilarity p = pair.get();
        if (p != null) {
            formulaSink.accept(p.derivation(), I18n.t("heatmap.formulaSource"));
        }
    }

    private Consumer<Path> onExported = path -> { };

    /** Told of every file an export wrote, after the message line says so (the shell shows a pop-up). */
    public void setOnExported(Consumer<Path> onExported) {
        this.onExported = onExported == null ? path -> { } : onExported;
    }

    /** Writes the matrix as CSV (ids as header and first column), through a temporary file. */
    public void onExportCsv(Path target) {
        SimilarityHeatmap h = heatmap.get();
        if (h == null) {
            return;
        }
        jobs.submit(I18n.t("heatmap.job.exportCsv"), (progress, cancel) -> {
            AtomicFile.write(target, out -> HeatmapExport.csv(h, out));
            return target;
        }, done -> {
            message.set(I18n.t("heatmap.savedCsv", String.valueOf(h.size()), done));
            onExported.accept(done);
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    /** Encodes an image already read from the screen (see PngFiles.pixels) in the background. */
    public void onExportPng(BufferedImage picture, Path target) {
        jobs.submit(I18n.t("heatmap.job.exportPng"), (progress, cancel) -> {
            PngFiles.write(picture, target);
            return target;
        }, done -> {
            message.set(I18n.t("heatmap.savedPng", done));
            onExported.accept(done);
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    public ObjectProperty<Orientation> orientationProperty() {
        return orientation;
    }

    public ObjectProperty<Measure> measureProperty() {
        return measure;
    }

    /** Whether the heatmap centres Pearson by each vector's overall mean: asked for, and the measure is Pearson. */
    private boolean usesOverallMeans() {
        return overallMeans.get() && measure.get() == Measure.PEARSON;
    }

    public BooleanProperty overallMeansProperty() {
        return overallMeans;
    }

    public DoubleProperty shrinkageProperty() {
        return shrinkage;
    }

    public ObjectProperty<SubsetKind> subsetKindProperty() {
        return subsetKind;
    }

    public IntegerProperty sizeProperty() {
        return size;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ObjectProperty<HeatmapOrder> orderProperty() {
        return order;
    }

    public ReadOnlyObjectProperty<SimilarityHeatmap> heatmapProperty() {
        return heatmap.getReadOnlyProperty();
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public IntegerProperty selectedColumnProperty() {
        return selectedColumn;
    }

    public ReadOnlyObjectProperty<PairSimilarity> pairProperty() {
        return pair.getReadOnlyProperty();
    }

    public ObservableList<VectorRow> vectors() {
        return vectors;
    }

    public ObservableList<Neighbour> neighbours() {
        return neighbours;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
