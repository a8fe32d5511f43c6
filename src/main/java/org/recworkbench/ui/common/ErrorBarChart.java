package org.recworkbench.ui.common;

import javafx.beans.NamedArg;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bar chart whose bars may carry an interval (a {@link Interval} as the data's extra value), drawn as a whisker
 * with caps; the value axis grows to include the whiskers, and hovering a bar shows the value and its interval.
 */
public class ErrorBarChart extends BarChart<String, Number> {

    /** A confidence interval around a bar's value. */
    public record Interval(double low, double high) {
        public boolean defined() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    private final Map<Data<String, Number>, Path> whiskers = new HashMap<>();

    public ErrorBarChart(@NamedArg("xAxis") Axis<String> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    /** A bar with an interval; NaN bounds draw no whisker. */
    public static Data<String, Number> bar(String category, double value, double low, double high) {
        Data<String, Number> data = new Data<>(category, value);
        data.setExtraValue(new Interval(low, high));
        return data;
    }

    /** The whisker drawn for a bar, or null when it has none (for tests and screenshots). */
    public Path whisker(Data<String, Number> data) {
        return whiskers.get(data);
    }

    @Override
    protected void dataItemAdded(Series<String, Number> series, int itemIndex, Data<String, Number> item) {
        super.dataItemAdded(series, itemIndex, item);
        attach(series, item);
    }

    @Override
    protected void seriesAdded(Series<String, Number> series, int seriesIndex) {
        super.seriesAdded(series, seriesIndex);
        for (Data<String, Number> item : series.getData()) {
            attach(series, item);
        }
    }

    private void attach(Series<String, Number> series, Data<String, Number> item) {
        Node bar = item.getNode();
        if (bar != null) {
            Tooltip.install(bar, new Tooltip(series.getName() + "\n" + item.getXValue() + ": " + describe(item)));
        }
        if (interval(item) != null && !whiskers.containsKey(item)) {
            Path whisker = new Path();
            whisker.getStyleClass().add("error-bar");
            whisker.setStrokeWidth(1.5);
            whisker.setMouseTransparent(true);
            whiskers.put(item, whisker);
            getPlotChildren().add(whisker);
        }
    }

    @Override
    protected void dataItemRemoved(Data<String, Number> item, Series<String, Number> series) {
        Path whisker = whiskers.remove(item);
        if (whisker != null) {
            getPlotChildren().remove(whisker);
        }
        super.dataItemRemoved(item, series);
    }

    @Override
    protected void seriesRemoved(Series<String, Number> series) {
        for (Data<String, Number> item : series.getData()) {
            Path whisker = whiskers.remove(item);
            if (whisker != null) {
                getPlotChildren().remove(whisker);
            }
        }
        super.seriesRemoved(series);
    }

    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        widenToIntervals(getYAxis(), getData());
    }

    /** Lets an auto-ranging value axis include every interval's ends as well as the values. */
    static <X> void widenToIntervals(Axis<Number> y, List<Series<X, Number>> data) {
        if (!y.isAutoRanging()) {
            return;
        }
        List<Number> values = new ArrayList<>();
        for (Series<X, Number> series : data) {
            for (Data<X, Number> item : series.getData()) {
                values.add(item.getYValue());
                if (item.getExtraValue() instanceof Interval i && i.defined()) {
                    values.add(i.low());
                    values.add(i.high());
                }
            }
        }
        if (!values.isEmpty()) {
            y.invalidateRange(values);
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        Axis<Number> y = getYAxis();
        for (Map.Entry<Data<String, Number>, Path> entry : whiskers.entrySet()) {
            Node bar = entry.getKey().getNode();
            Interval interval = interval(entry.getKey());
            Path whisker = entry.getValue();
            whisker.getElements().clear();
            if (bar == null || interval == null) {
                continue;
            }
            double x = bar.getBoundsInParent().getMinX() + bar.getBoundsInParent().getWidth() / 2;
            double cap = Math.max(2, Math.min(8, bar.getBoundsInParent().getWidth() / 4));
            double top = y.getDisplayPosition(interval.high());
            double bottom = y.getDisplayPosition(interval.low());
            whisker.getElements().addAll(new MoveTo(x, top), new LineTo(x, bottom),
                    new MoveTo(x - cap, top), new LineTo(x + cap, top),
                    new MoveTo(x - cap, bottom), new LineTo(x + cap, bottom));
            whisker.toFront();
        }
    }

    private static Interval interval(Data<String, Number> item) {
        return item.getExtraValue() instanceof Interval i && i.defined() ? i : null;
    }

    private static String describe(Data<String, Number> item) {
        String value = String.format(Locale.ROOT, "%.4f", item.getYValue().doubleValue());
        Interval i = interval(item);
        return i == null ? value : value + String.format(Locale.ROOT, " [%.4f, %.4f]", i.low(), i.high());
    }
}
