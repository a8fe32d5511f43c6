package org.recworkbench.exercise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every kind is deterministic in its seed, and its expected values are the ones a student gets by hand: each is
 * recomputed here from the exercise's own input table with plain arithmetic, independently of the engine.
 */
class ExerciseGeneratorTest {

    private static final double EXACT = 1e-9;

    private static Exercise easy(ExerciseKind kind, long seed) {
        return ExerciseGenerator.generate(kind, Difficulty.EASY, seed, null);
    }

    @ParameterizedTest
    @EnumSource(ExerciseKind.class)
    void theSameKindDifficultyAndSeedGiveTheSameExercise(ExerciseKind kind) {
        for (Difficulty level : List.of(Difficulty.EASY, Difficulty.MEDIUM)) {
            Exercise a = ExerciseGenerator.generate(kind, level, 42, null);
            Exercise b = ExerciseGenerator.generate(kind, level, 42, null);
            assertThat(b.question()).isEqualTo(a.question());
            assertThat(b.tables()).isEqualTo(a.tables());
            assertThat(b.steps()).isEqualTo(a.steps());
            assertThat(a.steps()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(a.steps()).allMatch(s -> Double.isFinite(s.expected()));
            assertThat(a.result()).isEqualTo(a.derivation().result());
        }
    }

    @ParameterizedTest
    @EnumSource(ExerciseKind.class)
    void differentSeedsGiveDifferentNumbers(ExerciseKind kind) {
        List<List<InputTable>> seen = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            seen.add(ExerciseGenerator.generate(kind, Difficulty.MEDIUM, seed, null).tables());
        }
        assertThat(seen.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void easyNumbersAreWholeAndVectorsShort() {
        Exercise e = easy(ExerciseKind.COSINE, 3);
        List<List<String>> rows = e.tables().get(0).rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).size() - 1).isBetween(3, 5);
        rows.forEach(r -> r.subList(1, r.size()).forEach(cell -> assertThat(cell).matches("[1-5]")));
    }

    @Test
    void realDifficultyWithoutADatasetIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExerciseGenerator.generate(ExerciseKind.PEARSON,
                Difficulty.REAL, 1, null)).hasMessageContaining("need a dataset");
    }

    // ------------------------------------------------------------ independent computations

    /** The table's values; an empty cell is NaN. */
    private static double[][] values(InputTable t) {
        return t.rows().stream().map(r -> r.subList(1, r.size()).stream()
                .mapToDouble(c -> c.isEmpty() ? Double.NaN : Double.parseDouble(c)).toArray()).toArray(double[][]::new);
    }

    private static double value(Exercise e, String titleStart) {
        return e.steps().stream().filter(s -> s.title().startsWith(titleStart)).findFirst().orElseThrow().expected();
    }

    @Test
    void cosineEqualsTheDotProductOverTheNorms() {
        Exercise e = easy(ExerciseKind.COSINE, 7);
        double[][] m = values(e.tables().get(0));
        double dot = 0, na = 0, nb = 0;
        for (int c = 0; c < m[0].length; c++) {
            dot += m[0][c] * m[1][c];
            na += m[0][c] * m[0][c];
            nb += m[1][c] * m[1][c];
        }
        assertThat(value(e, "Dot product")).isCloseTo(dot, within(EXACT));
        assertThat(value(e, "Norm of a")).isCloseTo(Math.sqrt(na), within(EXACT));
        assertThat(e.result()).isCloseTo(dot / Math.sqrt(na * nb), within(EXACT));
    }

    @Test
    void pearsonEqualsTheTextbookCorrelationOverCoRatedEntries() {
        Exercise e = easy(ExerciseKind.PEARSON, 7);
        double[][] m = values(e.tables().get(0));
        // seed 7: a = (5, 2, 4), b = (3, 2, 3), worked by hand: means 11/3 and 8/3, Σ(a−ā)(b−b̄) = 5/3,
        // Σ(a−ā)² = 14/3, Σ(b−b̄)² = 2/3, r = (5/3) / √(14/3 · 2/3) = 5 / √28 = 0.944911…
        assertThat(m[0]).containsExactly(5, 2, 4);
        assertThat(m[1]).containsExactly(3, 2, 3);
        assertThat(value(e, "Co-rated mean of a")).isCloseTo(11 / 3.0, within(EXACT));
        assertThat(value(e, "Co-rated mean of b")).isCloseTo(8 / 3.0, within(EXACT));
        assertThat(value(e, "Sum of centred products")).isCloseTo(5 / 3.0, within(EXACT));
        assertThat(value(e, "Sum of squared deviations of a")).isCloseTo(14 / 3.0, within(EXACT));
        assertThat(value(e, "Sum of squared deviations of b")).isCloseTo(2 / 3.0, within(EXACT));
        assertThat(e.result()).isCloseTo(5 / Math.sqrt(28), within(EXACT));
        assertThat(e.result()).isCloseTo(0.9449112, within(1e-7));
    }

    @Test
    void adjustedCosineCentresByEachUsersMean() {
        Exercise e = easy(ExerciseKind.ADJUSTED_COSINE, 7);
        double[][] m = values(e.tables().get(0));
        double dot = 0, na = 0, nb = 0;
        for (double[] row : m) {
            double mean = Arrays.stream(row).filter(x -> !Double.isNaN(x)).average().orElseThrow();
            double a = Double.isNaN(row[0]) ? Double.NaN : row[0] - mean;
            double b = Double.isNaN(row[1]) ? Double.NaN : row[1] - mean;
            if (!Double.isNaN(a)) {
                na += a * a;
            }
            if (!Double.isNaN(b)) {
                nb += b * b;
            }
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                dot += a * b;
            }
        }
        assertThat(e.result()).isCloseTo(dot / Math.sqrt(na * nb), within(1e-6));
    }

    @Test
    void jaccardIsSharedOverUnion() {
        Exercise e = easy(ExerciseKind.JACCARD, 7);
        double[][] m = values(e.tables().get(0));
        int both = 0, either = 0;
        for (int c = 0; c < m[0].length; c++) {
            boolean a = !Double.isNaN(m[0][c]);
            boolean b = !Double.isNaN(m[1][c]);
            both += a && b ? 1 : 0;
            either += a || b ? 1 : 0;
        }
        assertThat(e.result()).isCloseTo((double) both / either, within(EXACT));
    }

    @Test
    void biasBaselineIsTheDampedMeansOfTheResiduals() {
        Exercise e = easy(ExerciseKind.BIAS, 7);
        double[][] m = values(e.tables().get(0));
        int users = m.length;
        int items = m[0].length;
        double sum = 0;
        int n = 0;
        for (double[] row : m) {
            for (double x : row) {
                if (!Double.isNaN(x)) {
                    sum += x;
                    n++;
                }
            }
        }
        double mu = sum / n;
        double[] bi = new double[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            int c = 0;
            for (double[] row : m) {
                if (!Double.isNaN(row[i])) {
                    s += row[i] - mu;
                    c++;
                }
            }
            bi[i] = s / (3 + c);
        }
        double s = 0;
        int c = 0;
        for (int i = 0; i < items; i++) {
            if (!Double.isNaN(m[0][i])) {
                s += m[0][i] - mu - bi[i];
                c++;
            }
        }
        double bu = s / (5 + c);
        assertThat(users).isEqualTo(4);
        assertThat(value(e, "Global mean")).isCloseTo(mu, within(1e-6));
        assertThat(e.result()).isCloseTo(mu + bu + bi[items - 1], within(1e-6));
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int c = 0; c < a.length; c++) {
            double x = Double.isNaN(a[c]) ? 0 : a[c];
            double y = Double.isNaN(b[c]) ? 0 : b[c];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElseThrow();
    }

    private static double[] column(double[][] m, int i) {
        return Arrays.stream(m).mapToDouble(r -> r[i]).toArray();
    }

    @Test
    void userKnnIsTheMeanPlusTheWeightedDeviationsOfTheTwoNearestRaters() {
        Exercise e = easy(ExerciseKind.USER_KNN, 7);
        double[][] m = values(e.tables().get(0));
        int i = m[0].length - 1;
        List<Integer> raters = new ArrayList<>();
        for (int v = 1; v < m.length; v++) {
            if (!Double.isNaN(m[v][i])) {
                raters.add(v);
            }
        }
        raters.sort(Comparator.comparingDouble(v -> -cosine(m[0], m[v])));
        double num = 0, den = 0;
        for (int v : raters.subList(0, 2)) {
            double s = cosine(m[0], m[v]);
            num += s * (m[v][i] - mean(m[v]));
            den += Math.abs(s);
        }
        assertThat(e.result()).isCloseTo(mean(m[0]) + num / den, within(1e-6));
    }

    @Test
    void itemKnnIsTheItemMeanPlusTheWeightedDeviationsOfTheTwoNearestItems() {
        Exercise e = easy(ExerciseKind.ITEM_KNN, 7);
        double[][] m = values(e.tables().get(0));
        int i = m[0].length - 1;
        double[] target = column(m, i);
        List<Integer> rated = new ArrayList<>();
        for (int j = 0; j < i; j++) {
            if (!Double.isNaN(m[0][j])) {
                rated.add(j);
            }
        }
        rated.sort(Comparator.comparingDouble(j -> -cosine(target, column(m, j))));
        double num = 0, den = 0;
        for (int j : rated.subList(0, 2)) {
            double s = cosine(target, column(m, j));
            num += s * (m[0][j] - mean(column(m, j)));
            den += Math.abs(s);
        }
        assertThat(e.result()).isCloseTo(mean(target) + num / den, within(1e-6));
    }

    @Test
    void rankingMetricsFollowTheirDefinitions() {
        Exercise e = easy(ExerciseKind.RANKING, 7);
        List<List<String>> rows = e.tables().get(0).rows();
        int n = rows.size();
        int relevantCount = Integer.parseInt(e.question().replaceAll(".* has (\\d+) relevant.*", "$1"));
        int hits = 0;
        double dcg = 0;
        for (int k = 0; k < n; k++) {
            if (rows.get(k).get(2).equals("yes")) {
                hits++;
                dcg += 1 / (Math.log(k + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int k = 0; k < Math.min(n, relevantCount); k++) {
            ideal += 1 / (Math.log(k + 2) / Math.log(2));
        }
        assertThat(hits).isPositive();
        assertThat(value(e, "Precision")).isCloseTo((double) hits / n, within(EXACT));
        assertThat(value(e, "Recall")).isCloseTo((double) hits / relevantCount, within(EXACT));
        assertThat(e.result()).isCloseTo(dcg / ideal, within(1e-12));
    }

    @Test
    void rmseIsTheRootOfTheMeanSquaredError() {
        Exercise e = easy(ExerciseKind.RMSE, 7);
        double se = 0;
        List<List<String>> rows = e.tables().get(0).rows();
        for (List<String> r : rows) {
            double err = Double.parseDouble(r.get(2)) - Double.parseDouble(r.get(1));
            se += err * err;
        }
        // seed 7: actual 3, 2, 5 and predicted 4, 1.5, 5: Σe² = 1.25, RMSE = √(1.25 / 3) = 0.645497…
        assertThat(value(e, "Sum of squared errors")).isCloseTo(se, within(EXACT));
        assertThat(e.result()).isCloseTo(Math.sqrt(se / rows.size()), within(EXACT));
        assertThat(e.result()).isCloseTo(0.6454972, within(1e-7));
    }

    @Test
    void binaryCrossEntropyIsTheMeanOfTheNaturalLogTerms() {
        Exercise e = easy(ExerciseKind.BCE, 7);
        double sum = 0;
        List<List<String>> rows = e.tables().get(0).rows();
        for (List<String> r : rows) {
            double y = Double.parseDouble(r.get(1));
            double p = Double.parseDouble(r.get(2));
            sum += -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
        }
        assertThat(value(e, "Sum of the terms")).isCloseTo(sum, within(1e-12));
        assertThat(e.result()).isCloseTo(sum / rows.size(), within(1e-12));
    }

    @Test
    void anSgdStepMovesEachParameterAgainstItsGradient() {
        Exercise e = easy(ExerciseKind.SGD_STEP, 7);
        // seed 7, worked by hand: r = 1, μ = 4, b_u = −0.4, b_i = 0.4, p_u = (−0.3, −0.2), q_i = (0.2, 0.2),
        // γ = λ_b = λ = 0.1: r̂ = 3.9, e = −2.9, b_u' = −0.4 + 0.1(−2.9 + 0.04) = −0.686, b_i' = 0.106
        List<List<String>> rows = e.tables().get(0).rows();
        assertThat(rows.get(0).get(1)).isEqualTo("1");
        assertThat(rows.get(1).get(1)).isEqualTo("4");
        assertThat(rows.get(4).get(1)).isEqualTo("(-0.3, -0.2)");
        assertThat(rows.get(5).get(1)).isEqualTo("(0.2, 0.2)");
        double predicted = 4 - 0.4 + 0.4 + (-0.3 * 0.2 + -0.2 * 0.2);
        double err = 1 - predicted;
        double bu = -0.4 + 0.1 * (err - 0.1 * -0.4);
        double bi = 0.4 + 0.1 * (err - 0.1 * 0.4);
        double[] p = {-0.3 + 0.1 * (err * 0.2 - 0.1 * -0.3), -0.2 + 0.1 * (err * 0.2 - 0.1 * -0.2)};
        double[] q = {0.2 + 0.1 * (err * -0.3 - 0.1 * 0.2), 0.2 + 0.1 * (err * -0.2 - 0.1 * 0.2)};
        double after = 4 + bu + bi + p[0] * q[0] + p[1] * q[1];
        assertThat(value(e, "Prediction before")).isCloseTo(3.9, within(EXACT));
        assertThat(value(e, "Error")).isCloseTo(-2.9, within(EXACT));
        assertThat(value(e, "New user bias")).isCloseTo(-0.686, within(EXACT));
        assertThat(value(e, "New item bias")).isCloseTo(0.106, within(EXACT));
        assertThat(bu).isCloseTo(-0.686, within(EXACT));
        assertThat(value(e, "Prediction after")).isCloseTo(after, within(EXACT));
        assertThat(e.result()).isCloseTo(1 - after, within(EXACT));
    }

    @Test
    void tfidfIsTheLogTfTimesThePlainIdfOverTheDocumentsNorm() {
        Exercise e = easy(ExerciseKind.TFIDF, 7);
        List<List<String>> rows = e.tables().get(0).rows();
        String term = e.question().replaceAll(".*weight of \"([a-z]+)\" in document (d\\d+).*", "$1");
        String doc = e.question().replaceAll(".*weight of \"([a-z]+)\" in document (d\\d+).*", "$2");
        int n = rows.size();
        List<String> words = null;
        java.util.Map<String, Integer> df = new java.util.HashMap<>();
        for (List<String> r : rows) {
            List<String> w = List.of(r.get(1).split(" "));
            new java.util.HashSet<>(w).forEach(t -> df.merge(t, 1, Integer::sum));
            if (r.get(0).equals(doc)) {
                words = w;
            }
        }
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        words.forEach(t -> counts.merge(t, 1, Integer::sum));
        double norm2 = 0;
        for (var c : counts.entrySet()) {
            double x = (1 + Math.log(c.getValue())) * Math.log((double) n / df.get(c.getKey()));
            norm2 += x * x;
        }
        double tf = 1 + Math.log(counts.get(term));
        double idf = Math.log((double) n / df.get(term));
        assertThat(value(e, "Count of")).isEqualTo((double) counts.get(term));
        assertThat(value(e, "Term frequency")).isCloseTo(tf, within(1e-9));
        assertThat(value(e, "Inverse document frequency")).isCloseTo(idf, within(1e-9));
        assertThat(value(e, "Norm")).isCloseTo(Math.sqrt(norm2), within(1e-9));
        assertThat(e.result()).isCloseTo(tf * idf / Math.sqrt(norm2), within(1e-9));
        // seed 7 by hand: d3 = "love robot love love", love and robot each in 2 of 3 documents:
        // (1 + ln 3) ln 1.5 / (ln 1.5 · √((1 + ln 3)² + 1)) = 0.902750…
        assertThat(e.result()).isCloseTo(0.9027501, within(1e-6));
    }
}
