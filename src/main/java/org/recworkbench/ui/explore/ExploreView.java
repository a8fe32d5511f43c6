package org.recworkbench.ui.explore;

import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.ClippedText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.recworkbench.data.DatasetProfile;
import org.recworkbench.data.ExploreSeries;
import org.recworkbench.ui.common.ChartSupport;
import org.recworkbench.ui.common.Views;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Thin view of {@link ExploreViewModel}: four charts and two searchable tables. */
public final class ExploreView {

    @FXML
    private Label factsLabel;
    @FXML
    private BarChart<String, Number> ratingChart;
    @FXML
    private LineChart<Number, Number> tailChart;
    @FXML
    private NumberAxis tailAxis;
    @FXML
    private CheckBox logScale;
    @FXML
    private BarChart<String, Number> activityChart;
    @FXML
    private LineChart<Number, Number> timeChart;
    @FXML
    private Label noTimesLabel;
    @FXML
    private NumberAxis timeAxis;
    @FXML
    private TextField searchField;
    @FXML
    private TableView<ExploreSeries.ItemRow> itemsTable;
    @FXML
    private TableColumn<ExploreSeries.ItemRow, String> itemId;
    @FXML
    private TableColumn<ExploreSeries.ItemRow, String> itemTitle;
    @FXML
    private TableColumn<ExploreSeries.ItemRow, String> itemCategories;
    @FXML
    private TableColumn<ExploreSeries.ItemRow, Integer> itemCount;
    @FXML
    private TableColumn<ExploreSeries.ItemRow, String> itemMean;
    @FXML
    private TableView<ExploreSeries.UserRow> usersTable;
    @FXML
    private TableColumn<ExploreSeries.UserRow, String> userId;
    @FXML
    private TableColumn<ExploreSeries.UserRow, Integer> userCount;
    @FXML
    private TableColumn<ExploreSeries.UserRow, String> userMean;

    private final ExploreViewModel viewModel;

    private ExploreView(ExploreViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ExploreViewModel viewModel) {
        return Views.load("explore/ExploreView.fxml", new ExploreView(viewModel));
    }

    @FXML
    private void initialize() {
        ChartSupport.install(ratingChart, "values");
        ChartSupport.install(tailChart, "long-tail");
        ChartSupport.install(activityChart, "user-activity");
        ChartSupport.install(timeChart, "timeline");
        logScale.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        viewModel.profileProperty().addListener((obs, old, now) -> showProfile(now));
        viewModel.seriesProperty().addListener((obs, old, now) -> showSeries(now));
        viewModel.logScaleProperty().addListener((obs, old, now) -> showTail(viewModel.seriesProperty().get()));
        showProfile(viewModel.profileProperty().get());
        showSeries(viewModel.seriesProperty().get());

        itemsTable.setItems(viewModel.visibleItems());
        itemId.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        itemTitle.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title() == null
                || c.getValue().title().isEmpty() ? c.getValue().id() : c.getValue().title()));
        itemCategories.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().categories()));
        itemCount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().interactions()));
        itemMean.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(mean(c.getValue().mean())));
        usersTable.setItems(viewModel.visibleUsers());
        userId.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        userCount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().interactions()));
        userMean.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(mean(c.getValue().mean())));
        itemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        usersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        itemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ClippedText.install(itemsTable);
        ClippedText.install(usersTable);
    }

    private static String mean(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private void showProfile(DatasetProfile p) {
        ratingChart.getData().clear();
        if (p == null) {
            factsLabel.setText(I18n.t("explore.noDataset"));
            return;
        }
        factsLabel.setText(ExploreViewModel.facts(p));
        XYChart.Series<String, Number> bins = new XYChart.Series<>();
        for (DatasetProfile.Bin b : p.ratingHistogram()) {
            String label = b.lower() == b.upper() ? number(b.lower()) : number(b.lower()) + "–" + number(b.upper());
            bins.getData().add(new XYChart.Data<>(label, b.count()));
        }
        ratingChart.getData().add(bins);
    }

    private void showSeries(ExploreSeries s) {
        activityChart.getData().clear();
        timeChart.getData().clear();
        if (s == null) {
            return;
        }
        showTail(s);
        XYChart.Series<String, Number> activity = new XYChart.Series<>();
        List<DatasetProfile.Bin> bins = withoutEmptyEnds(s.userActivity());
        // a category axis turns every label on end once they do not all fit, leaving a short chart no plot: many
        // bins (MovieLens-25M's run to 16384–32767) are labelled by their start, the range kept for the tooltip
        boolean byStart = bins.size() > SPELLED_OUT_BINS;
        for (DatasetProfile.Bin b : bins) {
            String range = b.upper() - b.lower() <= 1 ? number(b.lower())
                    : number(b.lower()) + "–" + number(b.upper() - 1);
            XYChart.Data<String, Number> bar = new XYChart.Data<>(byStart ? binStart(b.lower()) : range, b.count());
            if (byStart) {
                bar.setExtraValue(range);
            }
            activity.getData().add(bar);
        }
        activityChart.getData().add(activity);
        XYChart.Series<Number, Number> time = new XYChart.Series<>();
        s.timeline().forEach(p -> time.getData().add(new XYChart.Data<>(p.x(), p.y())));
        timeChart.getData().add(time);
        // without times the chart would show one empty day in 1970: a sentence says so instead
        timeChart.setVisible(!s.timeline().isEmpty());
        noTimesLabel.setVisible(s.timeline().isEmpty());
        timeChart.setTitle(s.timeline().isEmpty() ? I18n.t("explore.timeline.none")
                : I18n.orElse("explore.timeline.per." + s.timeUnit(), "Interactions per " + s.timeUnit()));
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            private final DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

            @Override
            public String toString(Number seconds) {
                return format.format(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
    }

    private void showTail(ExploreSeries s) {
        tailChart.getData().clear();
        if (s == null) {
            return;
        }
        boolean log = viewModel.logScaleProperty().get();
        tailAxis.setLabel(log ? I18n.t("explore.tailAxis.log") : I18n.t("explore.tailAxis.label"));
        XYChart.Series<Number, Number> tail = new XYChart.Series<>();
        s.longTail().forEach(p -> tail.getData().add(new XYChart.Data<>(p.x(), log ? Math.log10(p.y() + 1)
                : p.y())));
        tailChart.getData().add(tail);
    }

    /** Up to this many activity bins are labelled with their whole range ("2–3"), more by their start. */
    static final int SPELLED_OUT_BINS = 8;

    /** A power of two from 1024 on as 2¹⁰, 2¹¹, …: exact and three characters wide. */
    static String binStart(double lower) {
        long n = (long) lower;
        if (n < 1000 || Long.bitCount(n) != 1) {
            return number(lower);
        }
        String digits = Integer.toString(Long.numberOfTrailingZeros(n));
        StringBuilder label = new StringBuilder("2");
        for (char c : digits.toCharArray()) {
            label.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return label.toString();
    }

    /** The bins from the first holding a user to the last. */
    static List<DatasetProfile.Bin> withoutEmptyEnds(List<DatasetProfile.Bin> bins) {
        int from = 0;
        int to = bins.size();
        while (from < to && bins.get(from).count() == 0) {
            from++;
        }
        while (to > from && bins.get(to - 1).count() == 0) {
            to--;
        }
        return bins.subList(from, to);
    }

    /** Whole numbers as they are, others with at most two decimals and no trailing zero (0.5, not 0.50). */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v)
                : new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", v)).stripTrailingZeros().toPlainString();
    }
}
