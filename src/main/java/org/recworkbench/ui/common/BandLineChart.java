package org.recworkbench.ui.common;

import javafx.beans.NamedArg;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart whose points may carry an interval ({@link ErrorBarChart.Interval} as the data's extra value), drawn
 * as a translucent band around each line; the value axis grows to include the bands.
 */
public class BandLineChart extends LineChart<Number, Number> {

    private static final Color[] PALETTE = {Color.web("#f3622d"), Color.web("#fba71b"), Color.web("#57b757"),
        Color.web("#41a9c9"), Color.web("#4258c9"), Color.web("#9a42c8"), Color.web("#c84164"),
        Color.web("#888888")};

    private final Map<Series<Number, Number>, Path> bands = new HashMap<>();

    public BandLineChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    /** A point with its interval. */
    public static Data<Number, Number> point(double x, double y, double low, double high) {
        Data<Number, Number> d = new Data<>(x, y);
        d.setExtraValue(new ErrorBarChart.Interval(low, high));
        return d;
    }

    /** The band of a series, or null (for tests). */
    public Path band(Series<Number, Number> series) {
        return bands.get(series);
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
        super.seriesAdded(series, seriesIndex);
        Path band = new Path();
        band.getStyleClass().add("series-band");
        Color c = PALETTE[seriesIndex % PALETTE.length];
        band.setFill(c.deriveColor(0, 1, 1, 0.18));
        band.setStroke(null);
        band.setMouseTransparent(true);
        bands.put(series, band);
        getPlotChildren().add(0, band);
    }

    @Override
    protected void seriesRemoved(Series<Number, Number> series) {
        Path band = bands.remove(series);
        if (band != null) {
            getPlotChildren().remove(band);
        }
        super.seriesRemoved(series);
    }

    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        ErrorBarChart.widenToIntervals(getYAxis(), getData());
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        Axis<Number> x = getXAxis();
        Axis<Number> y = getYAxis();
        for (Map.Entry<Series<Number, Number>, Path> entry : bands.entrySet()) {
            Path band = entry.getValue();
            band.getElements().clear();
            List<Data<Number, Number>> points = entry.getKey().getData().stream()
                    .filter(d -> d.getExtraValue() instanceof ErrorBarChart.Interval i && i.defined()).toList();
            if (points.size() < 2) {
                continue;
            }
            for (int k = 0; k < points.size(); k++) {
                Data<Number, Number> d = points.get(k);
                double px = x.getDisplayPosition(d.getXValue());
                double py = y.getDisplayPosition(((ErrorBarChart.Interval) d.getExtraValue()).high());
                band.getElements().add(k == 0 ? new MoveTo(px, py) : new LineTo(px, py));
            }
            for (int k = points.size() - 1; k >= 0; k--) {
                Data<Number, Number> d = points.get(k);
                band.getElements().add(new LineTo(x.getDisplayPosition(d.getXValue()),
                        y.getDisplayPosition(((ErrorBarChart.Interval) d.getExtraValue()).low())));
            }
            band.getElements().add(new ClosePath());
        }
    }
}
