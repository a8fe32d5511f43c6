package org.recworkbench.exercise;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkerTest {

    private static final Exercise PEARSON = ExerciseGenerator.generate(ExerciseKind.PEARSON, Difficulty.EASY, 7, null);

    private static List<Double> expected(Exercise e) {
        List<Double> all = new ArrayList<>();
        e.steps().forEach(s -> all.add(s.expected()));
        return all;
    }

    @Test
    void theEnginesOwnValuesAreAllRightAndLeaveNoHint() {
        Marker.Marking m = Marker.mark(PEARSON, expected(PEARSON), Tolerance.DEFAULT);
        assertThat(m.allRight()).isTrue();
        assertThat(m.hint()).isEmpty();
    }

    @Test
    void valuesRoundedToTwoDecimalsAreRight() {
        List<Double> rounded = expected(PEARSON).stream().map(v -> Math.round(v * 100) / 100.0).toList();
        assertThat(Marker.mark(PEARSON, rounded, Tolerance.DEFAULT).allRight()).isTrue();
    }

    @Test
    void absoluteToleranceEdges() {
        Tolerance t = new Tolerance(0.005, 0);
        assertThat(t.accepts(0.5, 0.505)).isTrue();
        assertThat(t.accepts(0.5, 0.495)).isTrue();
        assertThat(t.accepts(0.5, 0.5051)).isFalse();
        assertThat(t.accepts(0.5, 0.4949)).isFalse();
        assertThat(t.accepts(0.5, Double.NaN)).isFalse();
    }

    @Test
    void relativeToleranceTakesOverForLargeValues() {
        Tolerance t = Tolerance.DEFAULT;
        assertThat(t.accepts(100, 100.5)).as("0.5 % of 100").isTrue();
        assertThat(t.accepts(100, 100.51)).isFalse();
        assertThat(t.accepts(0.1, 0.1049)).as("absolute 0.005 beats 0.5 % of 0.1").isTrue();
    }

    @Test
    void aTeachersToleranceIsUsed() {
        List<Double> answers = new ArrayList<>(expected(PEARSON));
        answers.set(1, answers.get(1) + 0.04);
        assertThat(Marker.mark(PEARSON, answers, Tolerance.DEFAULT).allRight()).isFalse();
        assertThat(Marker.mark(PEARSON, answers, Tolerance.absolute(0.05)).allRight()).isTrue();
    }

    @Test
    void negativeToleranceIsRefused() {
        assertThatThrownBy(() -> new Tolerance(-1, 0)).hasMessageContaining("≥ 0");
    }

    @Test
    void theHintNamesTheFirstWrongStepWithAdviceForItsKindButNotTheAnswer() {
        List<Double> answers = new ArrayList<>(expected(PEARSON));
        answers.set(1, 3.0);   // the co-rated mean of a is 11/3
        answers.set(3, 9.0);
        Marker.Marking m = Marker.mark(PEARSON, answers, Tolerance.DEFAULT);
        assertThat(m.marks().get(0).verdict()).isEqualTo(Marker.Verdict.RIGHT);
        assertThat(m.marks().get(1).verdict()).isEqualTo(Marker.Verdict.WRONG);
        assertThat(m.marks().get(3).verdict()).isEqualTo(Marker.Verdict.WRONG);
        assertThat(m.hint()).startsWith("Step 2 (Co-rated mean of a) is wrong: check which ratings you averaged");
        assertThat(m.hint()).doesNotContain("3.6");
    }

    @Test
    void emptyStepsAreMissingAndTheHintSaysSoWhenNothingIsWrong() {
        List<Double> answers = new ArrayList<>(expected(PEARSON));
        answers.set(2, Double.NaN);
        Marker.Marking m = Marker.mark(PEARSON, answers.subList(0, 5), Tolerance.DEFAULT);
        assertThat(m.marks().get(2).verdict()).isEqualTo(Marker.Verdict.MISSING);
        assertThat(m.marks().get(6).verdict()).isEqualTo(Marker.Verdict.MISSING);
        assertThat(m.right()).isEqualTo(4);
        assertThat(m.hint()).isEqualTo("Step 3 (Co-rated mean of b) has no value yet");
    }

    @Test
    void everyStepOfEveryKindGetsAdviceOfItsOwn() {
        for (ExerciseKind kind : ExerciseKind.values()) {
            for (AnswerStep s : ExerciseGenerator.generate(kind, Difficulty.MEDIUM, 11, null).steps()) {
                assertThat(Marker.advice(s.title())).as(kind + ": " + s.title()).isNotBlank();
            }
        }
    }
}
