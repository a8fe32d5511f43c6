package org.recworkbench.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Splitters;
import org.recworkbench.eval.Summary;
import org.recworkbench.eval.Sweep;
import org.recworkbench.eval.SweepAxis;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Evaluation CSVs parse back (RFC 4180) to the exact numbers and ids, with formula-like ids neutralised. */
class EvaluationExportTest {

    private static final String[] AWKWARD = {"=cmd|' /C calc'!A0", "+1", "-2", "@sum", "a,b", "say \"hi\"",
            "line\nbreak", "plain"};

    private static Dataset dataset() {
        DatasetBuilder b = new DatasetBuilder("awkward, \"ids\"", DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(5);
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 12; i++) {
                if (random.nextDouble() < 0.5) {
                    b.add(u < AWKWARD.length ? AWKWARD[u] : "u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private static Experiment experiment() {
        return new Experiment("item-knn", AlgorithmRegistry.require("item-knn").defaults(), Splitters.parse("kfold:2"),
                MetricSpec.parseList("rmse,mae,ndcg@5,gini@5"), Relevance.explicit(4), Candidates.FULL, 3);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv))) {
            return new ArrayList<>(p.getRecords());
        }
    }

    @Test
    void resultsRoundTripWithOneRowPerMetricAndScope() throws IOException {
        RunResult run = experiment().run(dataset(), Progress.NONE, Cancellation.NEVER).withRunId(17);
        StringWriter out = new StringWriter();
        EvaluationExport.results(List.of(run), out);
        assertThat(out.toString()).startsWith("run,dataset,algorithm,params,split,seed,scope,metric,value,low,high,n\r\n");
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows).hasSize(4 + 2 * 4);
        for (CSVRecord r : rows.subList(0, 4)) {
            assertThat(r.get("run")).isEqualTo("17");
            assertThat(r.get("dataset")).isEqualTo("awkward, \"ids\"");
            assertThat(r.get("scope")).isEqualTo("all");
            Summary s = run.metrics().get(r.get("metric"));
            assertThat(Double.parseDouble(r.get("value"))).isEqualTo(s.value());
            assertThat(Double.valueOf(r.get("low").isEmpty() ? Double.NaN : Double.parseDouble(r.get("low"))))
                    .isEqualTo(Double.valueOf(s.low()));
            assertThat(Integer.parseInt(r.get("n"))).isEqualTo(s.n());
        }
        assertThat(rows.get(4).get("scope")).isEqualTo("fold 1");
        assertThat(Double.parseDouble(rows.get(4).get("value"))).isEqualTo(run.folds().get(0).values().get("rmse"));
    }

    @Test
    void perUserValuesRoundTripAndFormulaLikeIdsAreNeutralised() throws IOException {
        Dataset d = dataset();
        RunResult run = experiment().run(d, Progress.NONE, Cancellation.NEVER);
        StringWriter out = new StringWriter();
        EvaluationExport.perUser(run, d, out);
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows).isNotEmpty();
        List<String> ids = new ArrayList<>();
        for (CSVRecord r : rows) {
            int fold = Integer.parseInt(r.get("fold")) - 1;
            String id = r.get("user_id");
            ids.add(id);
            String original = id.startsWith("'") ? id.substring(1) : id;
            int user = d.users().indexOf(original);
            assertThat(user).as(id).isNotNegative();
            for (String key : run.perUser().keySet()) {
                double expected = run.perUser().get(key)[fold * run.users() + user];
                String cell = r.get(key);
                assertThat(Double.valueOf(cell.isEmpty() ? Double.NaN : Double.parseDouble(cell))).as(key)
                        .isEqualTo(Double.valueOf(expected));
            }
        }
        assertThat(ids).contains("'=cmd|' /C calc'!A0", "'+1", "'-2", "'@sum", "a,b", "say \"hi\"", "line\nbreak");
    }

    @Test
    void sweepTableHasTheAxesThenEachMetricWithItsInterval() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Sweep sweep = new Sweep(experiment(), List.of(SweepAxis.parse(
                    AlgorithmRegistry.require("item-knn").defaults().spec("k"), "2,4")));
            List<RunResult> points = sweep.run(dataset(), Progress.NONE, Cancellation.NEVER, p -> { });
            StringWriter out = new StringWriter();
            EvaluationExport.sweep(points, List.of("k"), out);
            assertThat(out.toString()).startsWith("k,rmse,rmse low,rmse high,mae,mae low,mae high,ndcg@5,ndcg@5 low,"
                    + "ndcg@5 high,gini@5,gini@5 low,gini@5 high,seconds,run\r\n");
            List<CSVRecord> rows = parse(out.toString());
            assertThat(rows).extracting(r -> r.get("k")).containsExactly("2", "4");
            assertThat(Double.parseDouble(rows.get(1).get("rmse"))).isEqualTo(points.get(1).value("rmse"));
            assertThat(out.toString()).as("dot decimals whatever the locale").doesNotContainPattern("\\d,\\d{3}\\d");
        } finally {
            Locale.setDefault(before);
        }
    }
}
