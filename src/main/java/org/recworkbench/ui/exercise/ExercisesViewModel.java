package org.recworkbench.ui.exercise;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.data.Dataset;
import org.recworkbench.exercise.AnswerStep;
import org.recworkbench.exercise.Difficulty;
import org.recworkbench.exercise.Exercise;
import org.recworkbench.exercise.ExerciseGenerator;
import org.recworkbench.exercise.ExerciseKind;
import org.recworkbench.exercise.ExerciseSheet;
import org.recworkbench.exercise.Marker;
import org.recworkbench.exercise.SheetFormats;
import org.recworkbench.exercise.Tolerance;
import org.recworkbench.explain.Derivation;
import org.recworkbench.export.AtomicFile;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.JobRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Exercises view: a student picks a kind, a difficulty and a seed, types the value of each step and checks them;
 * a teacher exports a sheet. Exercises are made by the engine ({@link ExerciseGenerator}) on the interactive lane,
 * sheets are written on the long lane; marking is instant and runs here.
 */
public final class ExercisesViewModel {

    /** One answer row: the step, what the student typed, and its mark once checked (null before). */
    public static final class StepRow {
        private final AnswerStep step;
        private final StringProperty answer = new SimpleStringProperty("");
        private final ObjectProperty<Marker.Verdict> verdict = new SimpleObjectProperty<>();

        StepRow(AnswerStep step) {
            this.step = step;
            // a changed value is no longer marked
            answer.addListener((obs, old, now) -> verdict.set(null));
        }

        public AnswerStep step() {
            return step;
        }

        public StringProperty answerProperty() {
            return answer;
        }

        public ReadOnlyObjectProperty<Marker.Verdict> verdictProperty() {
            return verdict;
        }
    }

    private final JobRunner jobs;
    private final ReadOnlyObjectProperty<Dataset> data;
    private final ObjectProperty<ExerciseKind> kind = new SimpleObjectProperty<>(ExerciseKind.PEARSON);
    private final ObjectProperty<Difficulty> difficulty = new SimpleObjectProperty<>(Difficulty.EASY);
    private final StringProperty seed = new SimpleStringProperty("7");
    private final StringProperty tolerance = new SimpleStringProperty("0.005");
    private final StringProperty sheetSize = new SimpleStringProperty("10");
    private final ReadOnlyObjectWrapper<Exercise> exercise = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Derivation> derivation = new ReadOnlyObjectWrapper<>();

    public ExercisesViewModel(JobRunner jobs, ReadOnlyObjectProperty<Dataset> data) {
        this.jobs = jobs;
        this.data = data;
        message.set(I18n.t("exercise.start"));
        data.addListener((obs, old, now) -> {
            // a real exercise shows another dataset's rows: it goes with the dataset
            Exercise shown = exercise.get();
            if (shown != null && shown.difficulty() == Difficulty.REAL) {
                clear();
            }
        });
    }

    private void clear() {
        exercise.set(null);
        rows.clear();
        hint.set("");
        derivation.set(null);
    }

    /** Makes the exercise for the chosen kind, difficulty and seed (the loaded dataset's rows for real ones). */
    public void onNewExercise() {
        Long s = seed();
        if (s == null) {
            return;
        }
        ExerciseKind k = kind.get();
        Difficulty level = difficulty.get();
        Dataset d = data.get();
        if (level == Difficulty.REAL && d == null) {
            message.set(I18n.t("exercise.needDataset"));
            return;
        }
        message.set(I18n.t("exercise.generating"));
        jobs.interactive(this, I18n.t("exercise.job.generate"), (progress, cancel) ->
                ExerciseGenerator.generate(k, level, s, level == Difficulty.REAL ? d : null), made -> {
            clear();
            List<StepRow> fresh = new ArrayList<>();
            for (AnswerStep step : made.steps()) {
                fresh.add(new StepRow(step));
            }
            // the rows first: the view builds its step rows when the exercise changes
            rows.setAll(fresh);
            exercise.set(made);
            message.set(I18n.t("exercise.made", made.identity()));
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    /**
     * The window's language changed (and with it the engine's words): the exercise shown is made again in the new
     * language from the same kind, difficulty and seed, so its numbers are the same; what the student typed, the
     * marks and the shown derivation are kept.
     */
    public void onLanguageChanged() {
        Exercise shown = exercise.get();
        if (shown == null) {
            return;
        }
        Dataset d = shown.difficulty() == Difficulty.REAL ? data.get() : null;
        if (shown.difficulty() == Difficulty.REAL && d == null) {
            return;
        }
        List<String> typed = rows.stream().map(r -> r.answer.get()).toList();
        boolean checked = rows.stream().anyMatch(r -> r.verdict.get() != null);
        boolean showing = derivation.get() != null;
        jobs.interactive(this, I18n.t("exercise.job.generate"), (progress, cancel) ->
                ExerciseGenerator.generate(shown.kind(), shown.difficulty(), shown.seed(), d), made -> {
            if (exercise.get() != shown) {
                return;
            }
            clear();
            List<StepRow> fresh = new ArrayList<>();
            for (AnswerStep step : made.steps()) {
                StepRow row = new StepRow(step);
                if (fresh.size() < typed.size()) {
                    row.answer.set(typed.get(fresh.size()));
                }
                fresh.add(row);
            }
            rows.setAll(fresh);
            exercise.set(made);
            message.set(I18n.t("exercise.made", made.identity()));
            if (checked) {
                onCheck();
            }
            if (showing) {
                derivation.set(made.derivation());
            }
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    /** Marks every step; the hint names the first wrong one (or a value that is not a number). */
    public void onCheck() {
        Exercise e = exercise.get();
        if (e == null) {
            return;
        }
        Tolerance t = tolerance();
        if (t == null) {
            return;
        }
        List<Double> answers = new ArrayList<>();
        String notANumber = null;
        for (StepRow row : rows) {
            String text = row.answer.get() == null ? "" : row.answer.get().strip().replace(',', '.');
            double value = Double.NaN;
            if (!text.isEmpty()) {
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException bad) {
                    if (notANumber == null) {
                        notANumber = I18n.t("exercise.notANumber", String.valueOf(row.step.number()), row.answer.get().strip());
                    }
                }
            }
            answers.add(value);
        }
        Marker.Marking marking = Marker.mark(e, answers, t);
        for (int k = 0; k < rows.size(); k++) {
            rows.get(k).verdict.set(marking.marks().get(k).verdict());
        }
        hint.set(notANumber != null ? notANumber : marking.hint());
        message.set(marking.allRight() ? I18n.t("exercise.allRight", String.valueOf(marking.marks().size()))
                : I18n.t("exercise.score", String.valueOf(marking.right()),
                String.valueOf(marking.marks().size())));
    }

    /** Shows (or hides) the full derivation: the engine's own, rendered as the Formulas view renders it. */
    public void onShowDerivation() {
        Exercise e = exercise.get();
        derivation.set(e == null || derivation.get() != null ? null : e.derivation());
    }

    /**
     * Writes a sheet of the chosen size and difficulty from the seed, every kind in turn (the same sheet as
     * {@code exercise --sheet N --seed S}), and the answers CSV when {@code answers} is not null.
     */
    public void onExportSheet(Path html, Path answers) {
        Long s = seed();
        Integer n = sheetSize();
        if (s == null || n == null || html == null) {
            return;
        }
        Difficulty level = difficulty.get();
        Dataset d = data.get();
        if (level == Difficulty.REAL && d == null) {
            message.set(I18n.t("exercise.needDataset"));
            return;
        }
        message.set(I18n.t("exercise.exporting"));
        jobs.submit(I18n.t("exercise.job.sheet"), (progress, cancel) -> {
            ExerciseSheet sheet = ExerciseSheet.generate(n, List.of(ExerciseKind.values()), level, s,
                    level == Difficulty.REAL ? d : null);
            progress.report(0.8, html.getFileName().toString());
            AtomicFile.write(html, w -> w.write(SheetFormats.html(sheet)));
            if (answers != null) {
                AtomicFile.write(answers, w -> w.write(SheetFormats.answersCsv(sheet)));
            }
            return sheet.exercises().size();
        }, count -> message.set(answers == null ? I18n.t("exercise.exported", String.valueOf(count), html.toString())
                : I18n.t("exercise.exportedWithAnswers", String.valueOf(count), html.toString(), answers.toString())),
                failure -> message.set(ErrorMessages.readable(failure)));
    }

    private Long seed() {
        try {
            return Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException bad) {
            message.set(I18n.t("exercise.badSeed"));
            return null;
        }
    }

    private Integer sheetSize() {
        try {
            int n = Integer.parseInt(sheetSize.get().strip());
            if (n >= 1 && n <= ExerciseSheet.MAX_EXERCISES) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException bad) {
            // below
        }
        message.set(I18n.t("exercise.badSheetSize", String.valueOf(ExerciseSheet.MAX_EXERCISES)));
        return null;
    }

    private Tolerance tolerance() {
        try {
            return Tolerance.absolute(Double.parseDouble(tolerance.get().strip().replace(',', '.')));
        } catch (RuntimeException bad) {
            message.set(I18n.t("exercise.badTolerance"));
            return null;
        }
    }

    public ObjectProperty<ExerciseKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Difficulty> difficultyProperty() {
        return difficulty;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty toleranceProperty() {
        return tolerance;
    }

    public StringProperty sheetSizeProperty() {
        return sheetSize;
    }

    public ReadOnlyObjectProperty<Exercise> exerciseProperty() {
        return exercise.getReadOnlyProperty();
    }

    public ObservableList<StepRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Derivation> derivationProperty() {
        return derivation.getReadOnlyProperty();
    }
}
