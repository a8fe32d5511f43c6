package org.recworkbench.explain;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.exercise.AnswerStep;
import org.recworkbench.exercise.Difficulty;
import org.recworkbench.exercise.Exercise;
import org.recworkbench.exercise.ExerciseGenerator;
import org.recworkbench.exercise.ExerciseKind;
import org.recworkbench.exercise.InputTable;
import org.recworkbench.exercise.Marker;
import org.recworkbench.exercise.Tolerance;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Every word the engine shows for the exercises (easy seed 7, medium seed 3: question, captions, headers, derivation
 * and step titles, the hint for each step answered wrong and for a missing answer) and for one explanation of every
 * algorithm, as text: compared with a snapshot taken before the words moved to bundles, and scanned for English.
 */
public final class EngineWordsDump {

    private EngineWordsDump() {
    }

    /** Exercises of every kind at easy seed 7 and medium seed 3. */
    public static List<Exercise> exercises() {
        List<Exercise> out = new ArrayList<>();
        for (ExerciseKind kind : ExerciseKind.values()) {
            out.add(ExerciseGenerator.generate(kind, Difficulty.EASY, 7, null));
            out.add(ExerciseGenerator.generate(kind, Difficulty.MEDIUM, 3, null));
        }
        return out;
    }

    /** The hints a student can see: each step wrong in turn (the others right), and all missing. */
    public static List<String> hints(Exercise e) {
        List<String> hints = new ArrayList<>();
        for (AnswerStep wrong : e.steps()) {
            List<Double> answers = new ArrayList<>();
            for (AnswerStep s : e.steps()) {
                answers.add(s == wrong ? s.expected() * 3 + 7 : s.expected());
            }
            hints.add(Marker.mark(e, answers, Tolerance.DEFAULT).hint());
        }
        hints.add(Marker.mark(e, List.of(), Tolerance.DEFAULT).hint());
        return hints;
    }

    public static String exercisesText() {
        StringBuilder s = new StringBuilder();
        for (Exercise e : exercises()) {
            s.append("== ").append(e.identity()).append('\n').append(e.question()).append('\n');
            for (InputTable t : e.tables()) {
                s.append("table ").append(t.caption()).append(" | ").append(String.join(" | ", t.header()))
                        .append('\n');
                for (List<String> row : t.rows()) {
                    s.append("  ").append(row.get(0)).append('\n');
                }
            }
            s.append(e.derivation().toText());
            for (AnswerStep st : e.steps()) {
                s.append("step ").append(st.number()).append(": ").append(st.title()).append('\n');
            }
            for (String h : hints(e)) {
                s.append("hint ").append(h).append('\n');
            }
        }
        return s.toString();
    }

    /** A small explicit dataset every algorithm can fit in a moment. */
    public static Dataset tiny() {
        double[][] m = {
            {5, 3, 0, 1, 4, 0},
            {4, 0, 0, 1, 5, 2},
            {1, 1, 0, 5, 0, 4},
            {1, 0, 0, 4, 2, 5},
            {0, 1, 5, 4, 0, 3},
            {3, 4, 2, 0, 5, 1},
        };
        DatasetBuilder b = new DatasetBuilder("tiny", DatasetKind.EXPLICIT);
        String[] texts = {"space robot war", "love comedy music", "space war ocean", "dragon magic city",
            "family comedy love", "detective city music"};
        for (int i = 0; i < m[0].length; i++) {
            b.item("i" + (i + 1), "Item " + (i + 1), new String[] {i % 2 == 0 ? "Drama" : "Comedy"}, texts[i]);
        }
        for (int u = 0; u < m.length; u++) {
            b.user("u" + (u + 1));
            for (int i = 0; i < m[u].length; i++) {
                if (m[u][i] > 0) {
                    b.add("u" + (u + 1), "i" + (i + 1), m[u][i]);
                }
            }
        }
        return b.build();
    }

    /**
     * The derivation of user u1's score for item i3 (unrated) under every registered algorithm's defaults, and its
     * training step or user solve where the model can show one.
     */
    public static String formulasText() {
        Dataset d = tiny();
        StringBuilder s = new StringBuilder();
        for (Algorithm<?> a : AlgorithmRegistry.all()) {
            s.append("== ").append(a.id()).append('\n');
            try {
                Model model = a.fit(d, a.defaults(), Progress.NONE, Cancellation.NEVER);
                var explanation = model.explain(0, 2);
                s.append(explanation.derivation() == null ? "(none)\n" : explanation.derivation().toText());
                s.append("reasons: ").append(org.recworkbench.algo.Reasons.summary(explanation, 20)).append('\n');
                if (model instanceof org.recworkbench.algo.SgdExplainable sgd) {
                    s.append(sgd.explainStep(0, 0, 5).toText());
                }
                if (model instanceof org.recworkbench.algo.PairwiseStepExplainable pairwise) {
                    s.append(pairwise.explainStep(0, 0, 3).toText());
                }
                if (model instanceof org.recworkbench.algo.UserSolveExplainable solve) {
                    s.append(solve.explainUserSolve(0).toText());
                }
            } catch (RuntimeException e) {
                s.append("(").append(e.getClass().getSimpleName()).append(")\n");
            }
        }
        for (var result : org.recworkbench.examples.SeedExamples.evaluateAll()) {
            s.append("== example ").append(result.example().id()).append('\n').append(result.derivation().toText());
        }
        return s.toString();
    }
}
