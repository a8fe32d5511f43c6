package org.recworkbench.ui.evaluate;

import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chart data computed from runs: plain records, so the view only draws and the tests need no stage. */
public final class EvaluateCharts {

    /** The cut-offs of the precision–recall and NDCG@N curves. */
    public static final int CURVE_MAX_N = 50;

    private EvaluateCharts() {
    }

    /** One point of a line with its 95 % interval (NaN bounds when the metric has none). */
    public record Point(double x, double y, double low, double high) {
    }

    /**
     * A metric's line over a swept parameter: {@code best} is the first best point's index (−1 when none), {@code
     * ties} every index whose value equals the best one (one element when there is no tie). In a grid of two
     * parameters each value of the second is a line of its own ({@code group} "alpha = 0.5", empty for one
     * parameter), and the best is that of the whole grid: lines without it have none.
     */
    public record Line(String metric, String group, List<Point> points, int best, List<Integer> ties) {

        public Line {
            points = List.copyOf(points);
            ties = List.copyOf(ties);
        }

        public Line(String metric, List<Point> points, int best, List<Integer> ties) {
            this(metric, "", points, best, ties);
        }

        /** The series name: the metric, or the second parameter's value in a grid. */
        public String name() {
            return group.isEmpty() ? metric : group;
        }

        public boolean tied() {
            return ties.size() > 1;
        }
    }

    /** Precision, recall and NDCG at one cut-off. */
    public record CurvePoint(int n, double precision, double recall, double ndcg) {
    }

    /** Lower values are better for errors, concentration and popularity; higher for everything else. */
    public static boolean lowerIsBetter(String metric) {
        return MetricSpec.lowerIsBetter(metric);
    }

    /** The metrics to measure for the curves, in addition to the user's own. */
    public static List<String> curveMetrics() {
        List<String> keys = new ArrayList<>();
        for (int n = 1; n <= CURVE_MAX_N; n++) {
            keys.add("precision@" + n);
            keys.add("recall@" + n);
            keys.add("ndcg@" + n);
        }
        return keys;
    }

    /** One line per metric over the swept parameter's values (runs in sweep order). */
    public static List<Line> sweepLines(List<RunResult> runs, String parameter, List<String> metrics) {
        return sweepLines(runs, List.of(parameter), metrics);
    }

    /**
     * One line per metric over the first parameter's values; with a second parameter (a grid), one line per metric
     * and value of the second, in the order the values first appear, with the grid's best marked.
     */
    public static List<Line> sweepLines(List<RunResult> runs, List<String> parameters, List<String> metrics) {
        String x = parameters.get(0);
        String groupBy = parameters.size() > 1 ? parameters.get(1) : null;
        List<String> groups = new ArrayList<>();
        for (RunResult r : runs) {
            String g = groupBy == null ? "" : groupBy + " = " + r.params().get(groupBy);
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (String metric : metrics) {
            List<List<Point>> byGroup = new ArrayList<>();
            double best = Double.NaN;
            for (String g : groups) {
                List<Point> points = new ArrayList<>();
                for (RunResult r : runs) {
                    Summary s = r.metrics().get(metric);
                    if (s == null || Double.isNaN(s.value())
                            || (groupBy != null && !g.equals(groupBy + " = " + r.params().get(groupBy)))) {
                        continue;
                    }
                    points.add(new Point(Double.parseDouble(r.params().get(x)), s.value(), s.low(), s.high()));
                    if (Double.isNaN(best) || (lowerIsBetter(metric) ? s.value() < best : s.value() > best)) {
                        best = s.value();
                    }
                }
                byGroup.add(points);
            }
            for (int k = 0; k < groups.size(); k++) {
                List<Point> points = byGroup.get(k);
                List<Integer> ties = new ArrayList<>();
                for (int p = 0; p < points.size(); p++) {
                    if (points.get(p).y() == best) {
                        ties.add(p);
                    }
                }
                lines.add(new Line(metric, groups.get(k), points, ties.isEmpty() ? -1 : ties.get(0), ties));
            }
        }
        return lines;
    }

    /** Precision, recall and NDCG at every cut-off the run measured, in order of N. */
    public static List<CurvePoint> curve(RunResult run) {
        List<CurvePoint> points = new ArrayList<>();
        for (int n = 1; n <= CURVE_MAX_N; n++) {
            double p = run.value("precision@" + n);
            double r = run.value("recall@" + n);
            double g = run.value("ndcg@" + n);
            if (!Double.isNaN(p) && !Double.isNaN(r)) {
                points.add(new CurvePoint(n, p, r, g));
            }
        }
        return points;
    }

    /** Per metric, each run's value and interval: the algorithm comparison bars. */
    public static Map<String, List<Point>> bars(List<RunResult> runs, List<String> metrics) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (String metric : metrics) {
            List<Point> values = new ArrayList<>();
            for (int k = 0; k < runs.size(); k++) {
                Summary s = runs.get(k).metrics().get(metric);
                values.add(s == null ? new Point(k, Double.NaN, Double.NaN, Double.NaN)
                        : new Point(k, s.value(), s.low(), s.high()));
            }
            out.put(metric, values);
        }
        return out;
    }
}
