package org.recworkbench.ui.common;

import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.ui.FxTestSupport;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** A chart's data as CSV: one row per point with its interval, read back with a CSV parser. */
class ChartSupportTest {

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @Test
    void everyPointOfEverySeriesBecomesARow() throws Exception {
        String csv = fx(() -> {
            BandLineChart chart = new BandLineChart(new NumberAxis(), new NumberAxis());
            XYChart.Series<Number, Number> a = new XYChart.Series<>();
            a.setName("ndcg@10, \"tuned\"");
            a.getData().add(BandLineChart.point(5, 0.25, 0.2, 0.3));
            a.getData().add(new XYChart.Data<>(10, 0.5));
            chart.getData().add(a);
            ChartSupport.install(chart, "test");
            StringWriter out = new StringWriter();
            ChartSupport.writeCsv(chart, out);
            return out.toString();
        });
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toList()).containsExactly("series", "x", "y", "low", "high");
        assertThat(rows.get(1).toList()).containsExactly("ndcg@10, \"tuned\"", "5", "0.25", "0.2", "0.3");
        assertThat(rows.get(2).toList()).containsExactly("ndcg@10, \"tuned\"", "10", "0.5", "", "");
    }
}
