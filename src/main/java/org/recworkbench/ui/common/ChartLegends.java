package org.recworkbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

import java.util.HashSet;
import java.util.Set;

/** Small behaviours every chart of the window shares: legend entries that hide their series, hints when empty. */
public final class ChartLegends {

    private static final String HIDDEN = "series-hidden";

    private ChartLegends() {
    }

    /**
     * Clicking a legend entry hides its series (line, band, points or bars) and dims the entry; clicking again shows
     * it. Works for series added later: entries are matched by the series' name when clicked.
     */
    public static void toggleOnClick(XYChart<?, ?> chart) {
        Set<String> hidden = new HashSet<>();
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            Label entry = legendEntry(e.getPickResult().getIntersectedNode());
            if (entry == null) {
                return;
            }
            String name = entry.getText();
            boolean hide = hidden.add(name);
            if (!hide) {
                hidden.remove(name);
            }
            apply(chart, name, !hide);
            entry.setOpacity(hide ? 0.4 : 1);
            e.consume();
        });
        // a redraw (new runs) brings hidden series back unless re-applied
        chart.getData().addListener((javafx.collections.ListChangeListener<XYChart.Series<?, ?>>) change ->
                hidden.forEach(name -> apply(chart, name, false)));
    }

    /** Whether the series of that name is shown (for tests). */
    public static boolean shown(XYChart<?, ?> chart, String name) {
        for (XYChart.Series<?, ?> s : chart.getData()) {
            if (name.equals(s.getName())) {
                return s.getNode() == null || s.getNode().isVisible();
            }
        }
        return false;
    }

    private static void apply(XYChart<?, ?> chart, String name, boolean visible) {
        for (XYChart.Series<?, ?> s : chart.getData()) {
            if (!name.equals(s.getName())) {
                continue;
            }
            if (s.getNode() != null) {
                s.getNode().setVisible(visible);
                s.getNode().getStyleClass().remove(HIDDEN);
                if (!visible) {
                    s.getNode().getStyleClass().add(HIDDEN);
                }
            }
            for (XYChart.Data<?, ?> d : s.getData()) {
                if (d.getNode() != null) {
                    d.getNode().setVisible(visible);
                }
            }
            if (chart instanceof BandLineChart bands && bands.band(castNumber(s)) != null) {
                bands.band(castNumber(s)).setVisible(visible);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static XYChart.Series<Number, Number> castNumber(XYChart.Series<?, ?> s) {
        return (XYChart.Series<Number, Number>) s;
    }

    private static Label legendEntry(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Label label && n.getStyleClass().contains("chart-legend-item")) {
                return label;
            }
        }
        return null;
    }

    /**
     * Puts the chart in a stack with a hint that shows while the chart has no data ("Run a sweep to see …"), so an
     * empty tab says what fills it instead of drawing an empty 0–110 frame.
     */
    public static StackPane withHint(XYChart<?, ?> chart, String hint) {
        Label label = new Label(hint);
        label.getStyleClass().addAll("text-muted", "chart-hint");
        label.setWrapText(true);
        label.setMaxWidth(360);
        ObservableList<? extends XYChart.Series<?, ?>> data = chart.getData();
        var empty = Bindings.createBooleanBinding(() -> data.stream().allMatch(s -> s.getData().isEmpty()), data);
        // series filled after being added: re-evaluate when any series' points change
        data.addListener((javafx.collections.ListChangeListener<XYChart.Series<?, ?>>) change -> empty.invalidate());
        label.visibleProperty().bind(empty);
        chart.visibleProperty().bind(empty.not());
        label.setMouseTransparent(true);
        return new StackPane(chart, label);
    }
}
