package org.recworkbench.ui.common;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.recworkbench.export.AtomicFile;
import org.recworkbench.export.CsvWriter;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** What every chart gets: the values on hover, and "Export PNG…" / "Export CSV…" in its context menu. */
public final class ChartSupport {

    private ChartSupport() {
    }

    /** Hover tooltips on every data point (now and later), and the export menu; {@code name} names the files. */
    public static <X, Y> void install(XYChart<X, Y> chart, String name) {
        chart.getData().addListener((ListChangeListener<XYChart.Series<X, Y>>) change -> tooltips(chart));
        tooltips(chart);
        MenuItem png = new MenuItem(I18n.t("common.chart.exportPng"));
        png.setOnAction(e -> exportPng(chart, name));
        MenuItem csv = new MenuItem(I18n.t("common.chart.exportCsv"));
        csv.setOnAction(e -> exportCsv(chart, name));
        ContextMenu menu = new ContextMenu(png, csv);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    private static <X, Y> void tooltips(XYChart<X, Y> chart) {
        // nodes are created when series are added; give the layout a moment
        Platform.runLater(() -> {
            for (XYChart.Series<X, Y> series : chart.getData()) {
                for (XYChart.Data<X, Y> d : series.getData()) {
                    if (d.getNode() != null && !(d.getNode().getProperties().containsKey("tooltip"))) {
                        Tooltip tip = new Tooltip((series.getName() == null ? "" : series.getName() + "\n")
                                + text(d.getXValue()) + ": " + text(d.getYValue()) + interval(d.getExtraValue()));
                        Tooltip.install(d.getNode(), tip);
                        d.getNode().getProperties().put("tooltip", tip);
                    }
                }
            }
        });
    }

    private static String text(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.4g", n.doubleValue()) : String.valueOf(v);
    }

    /** A bar's interval, or the exact range of a bin whose axis label is shortened (a String extra value). */
    private static String interval(Object extra) {
        if (extra instanceof String range) {
            return " (" + range + ")";
        }
        return extra instanceof ErrorBarChart.Interval i && i.defined()
                ? String.format(Locale.ROOT, " [%.4g, %.4g]", i.low(), i.high()) : "";
    }

    /** series, x, y, low, high: one row per data point of every series. */
    public static <X, Y> void writeCsv(XYChart<X, Y> chart, Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("series", "x", "y", "low", "high");
        for (XYChart.Series<X, Y> series : chart.getData()) {
            for (XYChart.Data<X, Y> d : series.getData()) {
                csv.text(series.getName() == null ? "" : series.getName());
                cell(csv, d.getXValue());
                cell(csv, d.getYValue());
                if (d.getExtraValue() instanceof ErrorBarChart.Interval i && i.defined()) {
                    csv.number(i.low()).number(i.high());
                } else {
                    csv.text("").text("");
                }
                csv.endRow();
            }
        }
    }

    private static void cell(CsvWriter csv, Object v) {
        if (v instanceof Number n) {
            csv.number(n.doubleValue());
        } else {
            csv.text(String.valueOf(v));
        }
    }

    private static Window owner(XYChart<?, ?> chart) {
        return chart.getScene() == null ? null : chart.getScene().getWindow();
    }

    private static void exportCsv(XYChart<?, ?> chart, String name) {
        File target = FileDialogs.saveCsv(owner(chart), I18n.t("common.chart.exportDataTitle"), name + ".csv");
        if (target != null) {
            StringWriter buffer = new StringWriter();
            writeCsv(chart, buffer);
            String content = buffer.toString();
            CompletableFuture.runAsync(() -> AtomicFile.write(target.toPath(), out -> out.write(content)))
                    .whenComplete((ok, failure) -> report(failure));
        }
    }

    private static void exportPng(XYChart<?, ?> chart, String name) {
        File target = FileDialogs.savePng(owner(chart), I18n.t("common.chart.exportPngTitle"), name + ".png");
        if (target != null) {
            BufferedImage pixels = PngFiles.pixels(chart.snapshot(null, null));
            CompletableFuture.runAsync(() -> PngFiles.write(pixels, target.toPath()))
                    .whenComplete((ok, failure) -> report(failure));
        }
    }

    private static void report(Throwable failure) {
        if (failure != null) {
            Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, ErrorMessages.readable(failure)).show());
        }
    }
}
