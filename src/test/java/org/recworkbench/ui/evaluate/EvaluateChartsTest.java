package org.recworkbench.ui.evaluate;

import org.junit.jupiter.api.Test;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep lines mark every point of a tie for the best value, not an arbitrary one of them. */
class EvaluateChartsTest {

    private static RunResult run(int k, double rmse, double ndcg) {
        return new RunResult(0, "d", "c", "item-knn", Map.of("k", Integer.toString(k)), "holdout:0.2", 42,
                Relevance.explicit(4), Candidates.FULL, Map.of("rmse", Summary.single(rmse, 10), "ndcg@10",
                Summary.single(ndcg, 10)), List.of(), Map.of(), 10, 0.1, Instant.EPOCH, "test");
    }

    @Test
    void everyPointOfATieForTheBestIsMarkedAndTheFirstIsTheBest() {
        List<RunResult> runs = new ArrayList<>(List.of(run(5, 0.95, 0.30), run(10, 0.93, 0.32), run(20, 0.93, 0.31),
                run(40, 0.94, 0.32)));
        List<EvaluateCharts.Line> lines = EvaluateCharts.sweepLines(runs, "k", List.of("rmse", "ndcg@10"));

        EvaluateCharts.Line rmse = lines.get(0);
        assertThat(rmse.best()).isEqualTo(1);
        assertThat(rmse.ties()).containsExactly(1, 2);
        assertThat(rmse.tied()).isTrue();
        EvaluateCharts.Line ndcg = lines.get(1);
        assertThat(ndcg.ties()).containsExactly(1, 3);
        assertThat(ndcg.points().get(ndcg.best()).x()).isEqualTo(10);
    }

    @Test
    void aSingleBestIsNoTie() {
        List<EvaluateCharts.Line> lines = EvaluateCharts.sweepLines(List.of(run(5, 0.95, 0.30), run(10, 0.93, 0.32)),
                "k", List.of("rmse"));
        assertThat(lines.get(0).ties()).containsExactly(1);
        assertThat(lines.get(0).tied()).isFalse();
    }

    private static RunResult grid(int k, double alpha, double ndcg) {
        return new RunResult(0, "d", "c", "hybrid", Map.of("cf.k", Integer.toString(k), "alpha",
                Double.toString(alpha)), "holdout:0.2", 42, Relevance.explicit(4), Candidates.FULL,
                Map.of("ndcg@10", Summary.single(ndcg, 10)), List.of(), Map.of(), 10, 0.1, Instant.EPOCH, "test");
    }

    @Test
    void aGridDrawsOneLinePerValueOfTheSecondParameterAndMarksTheGridsBest() {
        List<RunResult> runs = List.of(grid(10, 0.5, 0.30), grid(20, 0.5, 0.33), grid(10, 0.8, 0.35),
                grid(20, 0.8, 0.31));
        List<EvaluateCharts.Line> lines = EvaluateCharts.sweepLines(runs, List.of("cf.k", "alpha"),
                List.of("ndcg@10"));
        assertThat(lines).extracting(EvaluateCharts.Line::name).containsExactly("alpha = 0.5", "alpha = 0.8");
        assertThat(lines.get(0).points()).extracting(EvaluateCharts.Point::x).containsExactly(10.0, 20.0);
        // 0.33 is the best of its line but not of the grid: only 0.35 (cf.k 10, α 0.8) is starred
        assertThat(lines.get(0).ties()).isEmpty();
        assertThat(lines.get(0).best()).isEqualTo(-1);
        assertThat(lines.get(1).ties()).containsExactly(0);
    }
}
