package org.recworkbench.ui.live;

import org.recworkbench.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.ui.common.ClippedText;
import org.recworkbench.ui.common.AlgorithmCell;
import org.recworkbench.ui.common.ParamsPopOver;
import org.recworkbench.ui.common.ChartSupport;
import org.recworkbench.ui.common.Labels;
import org.recworkbench.ui.common.Views;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Thin view over {@link StreamViewModel}: controls, playback, the event feed, the user's list and two charts. */
public final class StreamView {

    @FXML
    private ComboBox<Algorithm<?>> algorithmBox;
    @FXML
    private Label settingsLabel;
    @FXML
    private Button paramsButton;
    @FXML
    private Spinner<Double> trainSpinner;
    @FXML
    private Spinner<Integer> nSpinner;
    @FXML
    private ComboBox<HalfLife> halfLifeBox;
    @FXML
    private Slider sessionSlider;
    @FXML
    private Label sessionLabel;
    @FXML
    private Button startButton;
    @FXML
    private Button playButton;
    @FXML
    private Button pauseButton;
    @FXML
    private Button stepButton;
    @FXML
    private ComboBox<Speed> speedBox;
    @FXML
    private Slider seekSlider;
    @FXML
    private Label seekLabel;
    @FXML
    private Label statusLabel;
    @FXML
    private TableView<FeedRow> feedTable;
    @FXML
    private TableColumn<FeedRow, String> timeColumn;
    @FXML
    private TableColumn<FeedRow, String> userColumn;
    @FXML
    private TableColumn<FeedRow, String> itemColumn;
    @FXML
    private TableColumn<FeedRow, String> valueColumn;
    @FXML
    private TableColumn<FeedRow, String> hitColumn;
    @FXML
    private TableColumn<FeedRow, String> latencyColumn;
    @FXML
    private ComboBox<String> userBox;
    @FXML
    private Button refreshButton;
    @FXML
    private CheckBox followBox;
    @FXML
    private TableView<LiveRow> userTable;
    @FXML
    private TableColumn<LiveRow, String> rankColumn;
    @FXML
    private TableColumn<LiveRow, String> moveColumn;
    @FXML
    private TableColumn<LiveRow, String> titleColumn;
    @FXML
    private TableColumn<LiveRow, String> scoreColumn;
    @FXML
    private TableColumn<LiveRow, String> sourceColumn;
    @FXML
    private TableColumn<LiveRow, String> whyColumn;
    @FXML
    private Label recentLabel;
    @FXML
    private ListView<RecommendationService.Item> trendingList;
    @FXML
    private BarChart<String, Number> latencyChart;
    @FXML
    private LineChart<Number, Number> hitChart;
    @FXML
    private NumberAxis hitAxis;
    @FXML
    private NumberAxis eventsAxis;
    @FXML
    private Label messageLabel;

    private final StreamViewModel viewModel;
    /** Set while the view itself moves a control, so the change is not sent back as a user action. */
    private boolean updating;

    private StreamView(StreamViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(StreamViewModel viewModel) {
        return Views.load("live/StreamView.fxml", new StreamView(viewModel));
    }

    @FXML
    private void initialize() {
        ChartSupport.install(latencyChart, "stream-latency");
        ChartSupport.install(hitChart, "stream-hit-rate");
        eventsAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%,d", n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.replace(",", ""));
            }
        });
        bindSettings();
        bindPlayback();
        bindFeed();
        bindUser();
        trendingList.setItems(viewModel.trending());
        trendingList.setCellFactory(list -> new TrendingCell());
        trendingList.setPlaceholder(Placeholders.of(I18n.t("live.nothingYet")));
        layout();
        viewModel.latency().addListener((ListChangeListener<LatencyHistogram.Bucket>) c -> showLatency());
        viewModel.hitCurve().addListener((ListChangeListener<HitRatePoint>) c -> showHitRate());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        // an empty status line takes no height from the tables
        statusLabel.managedProperty().bind(statusLabel.textProperty().isNotEmpty());
        statusLabel.visibleProperty().bind(statusLabel.textProperty().isNotEmpty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        ClippedText.install(messageLabel);
        showLatency();
        showHitRate();
    }

    /** Numbers and ids are never cut; titles, reasons and trending items show cut text in a tooltip. */
    private void layout() {
        feedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        userTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ClippedText.freeText(itemColumn, titleColumn, whyColumn);
        ClippedText.install(feedTable);
        ClippedText.install(userTable);
        ClippedText.install(trendingList);
        ClippedText.install(algorithmBox.getButtonCell());
    }

    private void bindSettings() {
        algorithmBox.getItems().setAll(viewModel.algorithms());
        algorithmBox.setCellFactory(list -> new AlgorithmCell());
        algorithmBox.setButtonCell(AlgorithmCell.compact());
        algorithmBox.valueProperty().bindBidirectional(viewModel.algorithmProperty());
        ParamsPopOver.attach(paramsButton, viewModel.algorithmProperty(), viewModel.paramsProperty(),
                viewModel::setParam, "stream-");
        settingsLabel.textProperty().bind(viewModel.settingsProperty());
        Tooltip settingsTip = new Tooltip();
        settingsTip.textProperty().bind(viewModel.settingsProperty());
        settingsLabel.setTooltip(settingsTip);
        trainSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 0.95,
                viewModel.trainFractionProperty().get(), 0.05));
        trainSpinner.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.trainFractionProperty().set(now);
            }
        });
        nSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100,
                viewModel.listLengthProperty().get()));
        nSpinner.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.listLengthProperty().set(now);
            }
        });
        halfLifeBox.setItems(viewModel.halfLives());
        halfLifeBox.valueProperty().bindBidirectional(viewModel.halfLifeProperty());
        sessionSlider.valueProperty().bindBidirectional(viewModel.sessionWeightProperty());
        sessionLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.2f",
                viewModel.sessionWeightProperty().get()), viewModel.sessionWeightProperty()));
        // applied once the thumb is let go: each application replays to the current event
        sessionSlider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                viewModel.onApplyOptions();
            }
        });
        sessionSlider.setOnMouseReleased(e -> viewModel.onApplyOptions());
        sessionSlider.setOnKeyReleased(e -> viewModel.onApplyOptions());
        startButton.setOnAction(e -> viewModel.onStart());
        startButton.disableProperty().bind(viewModel.busyProperty());
    }

    private void bindPlayback() {
        var idle = viewModel.readyProperty().not().or(viewModel.busyProperty());
        playButton.setOnAction(e -> viewModel.onPlay());
        playButton.disableProperty().bind(idle.or(viewModel.playingProperty()).or(viewModel.finishedProperty()));
        pauseButton.setOnAction(e -> viewModel.onPause());
        pauseButton.disableProperty().bind(viewModel.playingProperty().not());
        stepButton.setOnAction(e -> viewModel.onStep());
        stepButton.disableProperty().bind(idle.or(viewModel.finishedProperty()));
        speedBox.getItems().setAll(Speed.values());
        speedBox.setConverter(Labels.of(Speed::label));
        speedBox.valueProperty().bindBidirectional(viewModel.speedProperty());

        seekSlider.disableProperty().bind(idle);
        viewModel.trainEventsProperty().addListener((obs, old, now) -> showSeekRange());
        viewModel.endProperty().addListener((obs, old, now) -> showSeekRange());
        showSeekRange();
        viewModel.positionProperty().addListener((obs, old, now) -> {
            if (!seekSlider.isValueChanging()) {
                updating = true;
                try {
                    seekSlider.setValue(now.doubleValue());
                } finally {
                    updating = false;
                }
            }
        });
        seekLabel.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("live.seekLabel",
                String.format(Locale.ROOT, "%,d", Math.round(seekSlider.getValue())),
                String.format(Locale.ROOT, "%,d", viewModel.endProperty().get())),
                seekSlider.valueProperty(), viewModel.endProperty()));
        seekSlider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                seek();
            }
        });
        seekSlider.setOnMouseReleased(e -> seek());
        seekSlider.setOnKeyReleased(e -> seek());
    }

    /** The slider spans the replayed part, trainEvents … end (a slider moves its other end when crossed). */
    private void showSeekRange() {
        double min = viewModel.trainEventsProperty().get();
        double max = Math.max(min, viewModel.endProperty().get());
        updating = true;
        try {
            if (min > seekSlider.getMax()) {
                seekSlider.setMax(max);
                seekSlider.setMin(min);
            } else {
                seekSlider.setMin(min);
                seekSlider.setMax(max);
            }
            seekSlider.setValue(viewModel.positionProperty().get());
        } finally {
            updating = false;
        }
    }

    private void seek() {
        int target = (int) Math.round(seekSlider.getValue());
        if (!updating && target != viewModel.positionProperty().get()) {
            viewModel.onSeek(target);
        }
    }

    private void bindFeed() {
        feedTable.setItems(viewModel.feed());
        feedTable.setPlaceholder(Placeholders.of(I18n.t("live.feedPlaceholder")));
        column(timeColumn, FeedRow::clock);
        feedTable.setRowFactory(table -> new FeedTableRow());
        column(userColumn, FeedRow::user);
        column(itemColumn, FeedRow::title);
        column(valueColumn, FeedRow::valueText);
        column(hitColumn, FeedRow::outcome);
        column(latencyColumn, FeedRow::latencyText);
    }

    private void bindUser() {
        userBox.setItems(viewModel.userIds());
        userBox.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null && !now.isBlank()) {
                viewModel.onSelectUser(now);
            }
        });
        viewModel.selectedUserProperty().addListener((obs, old, now) -> {
            if (userBox.getEditor().isFocused() && !userBox.getEditor().getText().equals(now)) {
                return; // following at speed must not overwrite an id being typed
            }
            updating = true;
            try {
                userBox.setValue(now);
            } finally {
                updating = false;
            }
        });
        followBox.selectedProperty().bindBidirectional(viewModel.followProperty());
        followBox.setTooltip(new Tooltip(I18n.t("live.follow.tip")));
        refreshButton.setOnAction(e -> viewModel.onRefresh());
        refreshButton.disableProperty().bind(viewModel.readyProperty().not());
        userTable.setItems(viewModel.userList());
        userTable.setPlaceholder(Placeholders.of(I18n.t("live.userPlaceholder")));
        userTable.setRowFactory(table -> new MovementRow());
        column(rankColumn, r -> Integer.toString(r.rank()));
        column(moveColumn, LiveRow::movementText);
        column(titleColumn, LiveRow::title);
        column(scoreColumn, r -> String.format(Locale.ROOT, "%.4g", r.score()));
        column(sourceColumn, r -> I18n.orElse("common.source." + r.source(), r.source()));
        column(whyColumn, LiveRow::why);
        viewModel.recentItems().addListener((ListChangeListener<String>) c -> showRecent());
        showRecent();
    }

    private void showRecent() {
        recentLabel.setText(viewModel.recentItems().isEmpty() ? I18n.t("live.recent.none")
                : I18n.t("live.recent", String.join(" · ", viewModel.recentItems())));
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    private void showLatency() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(I18n.t("live.events.label"));
        for (LatencyHistogram.Bucket b : viewModel.latency()) {
            series.getData().add(new XYChart.Data<>(b.label(), b.count()));
        }
        latencyChart.getData().setAll(List.of(series));
        var stats = viewModel.statsProperty().get();
        // the title stays short enough for a narrow chart; the percentiles go on the axis below
        latencyChart.setTitle(I18n.t("live.latencyTitle"));
        latencyChart.getXAxis().setLabel(stats == null || stats.replayed() == 0 ? I18n.t("live.latencyColumn")
                : I18n.t("live.latencyAxis", String.format(Locale.ROOT, "%.3f", stats.p50Millis()),
                String.format(Locale.ROOT, "%.3f", stats.p99Millis())));
    }

    private void showHitRate() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(I18n.t("live.hitRate", String.valueOf(viewModel.listLengthProperty().get())));
        for (HitRatePoint p : viewModel.hitCurve()) {
            series.getData().add(new XYChart.Data<>(p.replayed(), p.hitRate()));
        }
        hitChart.getData().setAll(List.of(series));
        int last = series.getData().isEmpty() ? 1 : series.getData().get(series.getData().size() - 1).getXValue()
                .intValue();
        eventsAxis.setLowerBound(0);
        eventsAxis.setUpperBound(Math.max(1, last));
        eventsAxis.setTickUnit(niceStep(Math.max(1, last) / 5.0));
        hitAxis.setLabel(I18n.t("live.hitRate", String.valueOf(viewModel.listLengthProperty().get())));
        hitChart.setTitle(I18n.t("live.hitTitle", String.valueOf(viewModel.listLengthProperty().get())));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough} and at least 1: whole-event ticks that never crowd. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(1, rough))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** A trending weight as a plain grouped number: 2,781 when whole, 2,781.4 or 0.873 otherwise (never 2.78e+03). */
    static String weight(double w) {
        if (w == Math.rint(w) && Math.abs(w) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) w);
        }
        return String.format(Locale.ROOT, Math.abs(w) >= 100 ? "%,.1f" : Math.abs(w) >= 1 ? "%,.2f" : "%.3f", w);
    }

    /** A trending item: its title and decayed weight. */
    private static final class TrendingCell extends ListCell<RecommendationService.Item> {
        @Override
        protected void updateItem(RecommendationService.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            String title = item.title() == null || item.title().isEmpty() ? item.id() : item.title();
            setText(String.format(Locale.ROOT, "%d. %s  (%s)", getIndex() + 1, title, weight(item.score())));
        }
    }

    /** The event's whole story (full time, item id, outcome) on hover. */
    private static final class FeedTableRow extends TableRow<FeedRow> {
        @Override
        protected void updateItem(FeedRow item, boolean empty) {
            super.updateItem(item, empty);
            setTooltip(empty || item == null ? null : new Tooltip(item.summary()));
        }
    }

    /** Marks rows that moved up or down or are new since the previous list. */
    private static final class MovementRow extends TableRow<LiveRow> {
        @Override
        protected void updateItem(LiveRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("moved-up", "moved-down", "moved-new");
            if (empty || item == null || item.movement() == LiveRow.FIRST || item.movement() == 0) {
                return;
            }
            getStyleClass().add(item.movement() == LiveRow.NEW ? "moved-new"
                    : item.movement() > 0 ? "moved-up" : "moved-down");
        }
    }
}
