package org.recworkbench.ui.heatmap;

import org.recworkbench.ui.common.EngineText;
import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.ui.common.ClippedText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.recworkbench.similarity.HeatmapOrder;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.PairSimilarity;
import org.recworkbench.similarity.SimilarityHeatmap;
import org.recworkbench.ui.common.Labels;
import org.recworkbench.ui.common.ChartSupport;
import org.recworkbench.ui.common.DerivationPane;
import org.recworkbench.ui.common.FileDialogs;
import org.recworkbench.ui.common.PngFiles;
import org.recworkbench.ui.common.Views;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Thin view over {@link SimilarityViewModel}: controls, the heatmap canvas and the selected pair's panels. */
public final class SimilarityView {

    @FXML
    private ComboBox<Orientation> orientationBox;
    @FXML
    private ComboBox<Measure> measureBox;
    @FXML
    private Spinner<Double> shrinkageSpinner;
    @FXML
    private CheckBox overallMeansBox;
    @FXML
    private ComboBox<SimilarityViewModel.SubsetKind> subsetBox;
    @FXML
    private TextField queryField;
    @FXML
    private ComboBox<String> categoryBox;
    @FXML
    private Spinner<Integer> sizeSpinner;
    @FXML
    private ComboBox<HeatmapOrder> orderBox;
    @FXML
    private StackPane heatmapHolder;
    @FXML
    private StackPane legendHolder;
    @FXML
    private Label hoverLabel;
    @FXML
    private Label pairLabel;
    @FXML
    private StackPane derivationHolder;
    @FXML
    private TableView<SimilarityViewModel.VectorRow> vectorTable;
    @FXML
    private TableColumn<SimilarityViewModel.VectorRow, String> entryColumn;
    @FXML
    private TableColumn<SimilarityViewModel.VectorRow, String> aColumn;
    @FXML
    private TableColumn<SimilarityViewModel.VectorRow, String> bColumn;
    @FXML
    private TableColumn<SimilarityViewModel.VectorRow, String> bothColumn;
    @FXML
    private BarChart<Number, String> neighbourChart;
    @FXML
    private Label messageLabel;
    @FXML
    private Button openInFormulasButton;

    private final SimilarityViewModel viewModel;
    private final HeatmapCanvas heatmap = new HeatmapCanvas();
    private final DerivationPane derivation = new DerivationPane();

    private SimilarityView(SimilarityViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(SimilarityViewModel viewModel) {
        return Views.load("heatmap/SimilarityView.fxml", new SimilarityView(viewModel));
    }

    @FXML
    private void initialize() {
        ChartSupport.install(neighbourChart, "neighbours");
        heatmap.setId("similarityHeatmap");
        heatmapHolder.getChildren().add(heatmap);
        derivation.setId("similarityDerivation");
        derivationHolder.getChildren().add(derivation);
        legendHolder.getChildren().add(new ColourLegend());
        orientationBox.getItems().setAll(Orientation.ITEMS, Orientation.USERS);
        orientationBox.setConverter(Labels.of(o -> EngineText.singular(o) + "–" + EngineText.singular(o)));
        orientationBox.valueProperty().bindBidirectional(viewModel.orientationProperty());
        measureBox.getItems().setAll(Measure.values());
        measureBox.setConverter(Labels.of(EngineText::measure));
        measureBox.valueProperty().bindBidirectional(viewModel.measureProperty());
        overallMeansBox.selectedProperty().bindBidirectional(viewModel.overallMeansProperty());
        overallMeansBox.visibleProperty().bind(measureBox.valueProperty().isEqualTo(Measure.PEARSON));
        overallMeansBox.managedProperty().bind(overallMeansBox.visibleProperty());
        shrinkageSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1000,
                viewModel.shrinkageProperty().get(), 5));
        shrinkageSpinner.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.shrinkageProperty().set(now);
            }
        });
        subsetBox.getItems().setAll(SimilarityViewModel.SubsetKind.values());
        subsetBox.valueProperty().bindBidirectional(viewModel.subsetKindProperty());
        queryField.textProperty().bindBidirectional(viewModel.queryProperty());
        queryField.visibleProperty().bind(subsetBox.valueProperty().isEqualTo(SimilarityViewModel.SubsetKind.SEARCH));
        queryField.managedProperty().bind(queryField.visibleProperty());
        categoryBox.setItems(viewModel.categories());
        categoryBox.valueProperty().bindBidirectional(viewModel.categoryProperty());
        categoryBox.visibleProperty().bind(subsetBox.valueProperty()
                .isEqualTo(SimilarityViewModel.SubsetKind.CATEGORY));
        categoryBox.managedProperty().bind(categoryBox.visibleProperty());
        sizeSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 500,
                viewModel.sizeProperty().get(), 10));
        sizeSpinner.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.sizeProperty().set(now);
            }
        });
        orderBox.getItems().setAll(HeatmapOrder.values());
        orderBox.setConverter(Labels.of(EngineText::order));
        orderBox.valueProperty().bindBidirectional(viewModel.orderProperty());

        heatmap.heatmapProperty().bind(viewModel.heatmapProperty());
        heatmap.selectedRowProperty().bindBidirectional(viewModel.selectedRowProperty());
        heatmap.selectedColumnProperty().bindBidirectional(viewModel.selectedColumnProperty());
        heatmap.setOnCellClicked(viewModel::onSelectCell);
        heatmap.hoverRowProperty().addListener((obs, old, now) -> showHover());
        heatmap.hoverColumnProperty().addListener((obs, old, now) -> showHover());

        viewModel.pairProperty().addListener((obs, old, now) -> showPair(now));
        vectorTable.setItems(viewModel.vectors());
        vectorTable.setPlaceholder(Placeholders.of(I18n.t("heatmap.vectorsPlaceholder")));
        column(entryColumn, SimilarityViewModel.VectorRow::label);
        column(aColumn, r -> number(r.a()));
        column(bColumn, r -> number(r.b()));
        column(bothColumn, r -> r.coRated() ? "✓" : "");
        vectorTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SimilarityViewModel.VectorRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("co-rated"),
                        !empty && item != null && item.coRated());
            }
        });
        viewModel.neighbours().addListener((ListChangeListener<SimilarityViewModel.Neighbour>)
                c -> showNeighbours());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        openInFormulasButton.disableProperty().bind(viewModel.pairProperty().isNull());
        vectorTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ClippedText.install(vectorTable);
    }

    private static void column(TableColumn<SimilarityViewModel.VectorRow, String> column,
                               Function<SimilarityViewModel.VectorRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    private void showHover() {
        SimilarityHeatmap h = viewModel.heatmapProperty().get();
        int r = heatmap.hoverRowProperty().get();
        int c = heatmap.hoverColumnProperty().get();
        if (h == null || r < 0 || c < 0) {
            return;
        }
        hoverLabel.setText(I18n.t("heatmap.hover", h.label(r), h.label(c),
                String.format(Locale.ROOT, "%.4f", h.value(r, c)), String.valueOf(h.overlap(r, c))));
    }

    private void showPair(PairSimilarity p) {
        SimilarityHeatmap h = viewModel.heatmapProperty().get();
        if (p == null || h == null) {
            pairLabel.setText(I18n.t("heatmap.pairLabel"));
            derivation.derivationProperty().set(null);
            return;
        }
        int r = viewModel.selectedRowProperty().get();
        int c = viewModel.selectedColumnProperty().get();
        pairLabel.setText(I18n.t("heatmap.pair", h.label(r), h.label(c),
                String.format(Locale.ROOT, "%.4f", p.value()), String.valueOf(p.overlap())));
        derivation.derivationProperty().set(p.derivation());
    }

    private void showNeighbours() {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        var list = viewModel.neighbours();
        for (int k = list.size() - 1; k >= 0; k--) {
            SimilarityViewModel.Neighbour n = list.get(k);
            XYChart.Data<Number, String> bar = new XYChart.Data<>(n.value(), (k + 1) + ". " + shorten(n.label()));
            series.getData().add(bar);
        }
        neighbourChart.getData().setAll(List.of(series));
        for (int k = 0; k < series.getData().size(); k++) {
            SimilarityViewModel.Neighbour n = list.get(list.size() - 1 - k);
            var node = series.getData().get(k).getNode();
            if (node != null) {
                Tooltip.install(node, new Tooltip(I18n.t("heatmap.neighbourTip", n.label(),
                        String.format(Locale.ROOT, "%.4f", n.value()), String.valueOf(n.overlap()))));
            }
        }
        SimilarityHeatmap h = viewModel.heatmapProperty().get();
        int r = viewModel.selectedRowProperty().get();
        neighbourChart.setTitle(h == null || r < 0 ? "" : I18n.t("heatmap.neighboursTitle", String.valueOf(list.size()),
                shorten(h.label(r)), EngineText.orientation(h.orientation())));
    }

    private static String shorten(String label) {
        return label.length() > 28 ? label.substring(0, 27) + "…" : label;
    }

    @FXML
    private void onOpenInFormulas() {
        viewModel.onOpenInFormulas();
    }

    @FXML
    private void onExportCsv() {
        File target = FileDialogs.saveCsv(owner(), I18n.t("heatmap.job.exportCsv"), "similarity.csv");
        if (target != null) {
            viewModel.onExportCsv(target.toPath());
        }
    }

    @FXML
    private void onExportPng() {
        SimilarityHeatmap h = viewModel.heatmapProperty().get();
        if (h == null) {
            return;
        }
        File target = FileDialogs.savePng(owner(), I18n.t("heatmap.job.exportPng"), "similarity.png");
        if (target != null) {
            viewModel.onExportPng(PngFiles.pixels(picture(h)), target.toPath());
        }
    }

    /** The heatmap at an integer scale with a title and the legend, as an exported picture. */
    static WritableImage picture(SimilarityHeatmap h) {
        int scale = Math.max(1, Math.min(8, 720 / h.size()));
        double side = h.size() * scale;
        double width = Math.max(side, 360) + 32;
        double height = side + 32 + 28 + 48;
        Canvas canvas = new Canvas(width, height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(13));
        g.setTextBaseline(VPos.TOP);
        // numbers with dot decimals whatever the language (Locale.ROOT)
        String size = String.valueOf(h.size());
        g.fillText(h.options().shrinkage() > 0
                ? I18n.t("heatmap.png.titleShrinkage", EngineText.measure(h.options().measure()), size,
                EngineText.orientation(h.orientation()), String.format(Locale.ROOT, "%s", h.options().shrinkage()))
                : I18n.t("heatmap.png.title", EngineText.measure(h.options().measure()), size,
                EngineText.orientation(h.orientation())), 16, 10);
        g.setImageSmoothing(false);
        g.drawImage(HeatmapCanvas.render(h), 16, 32, side, side);
        ColourLegend.draw(g, 16, 32 + side + 14, Math.min(360, width - 32), Color.BLACK);
        return canvas.snapshot(null, null);
    }

    private Window owner() {
        return messageLabel.getScene() == null ? null : messageLabel.getScene().getWindow();
    }

    /** For tests and screenshots: the canvas. */
    HeatmapCanvas heatmap() {
        return heatmap;
    }
}
