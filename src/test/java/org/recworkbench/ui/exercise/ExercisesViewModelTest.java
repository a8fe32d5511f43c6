package org.recworkbench.ui.exercise;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.exercise.Difficulty;
import org.recworkbench.exercise.ExerciseGenerator;
import org.recworkbench.exercise.ExerciseKind;
import org.recworkbench.exercise.Marker;
import org.recworkbench.explain.Latex;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Exercises view model without a stage: exercises, marks, hints, refusals, real rows and sheets. */
class ExercisesViewModelTest {

    private final FxJobs jobs = new FxJobs();

    @TempDir
    Path folder;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
        org.recworkbench.ui.common.I18n.setLocale(org.recworkbench.ui.common.I18n.ENGLISH);
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static void run(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private static Dataset shop() {
        SplittableRandom random = new SplittableRandom(5);
        DatasetBuilder b = new DatasetBuilder("shop", DatasetKind.EXPLICIT);
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 20; i++) {
                if (random.nextDouble() < 0.4) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private ExercisesViewModel made(SimpleObjectProperty<Dataset> data, ExerciseKind kind, Difficulty level)
            throws Exception {
        ExercisesViewModel vm = fx(() -> new ExercisesViewModel(jobs, data));
        run(() -> {
            vm.kindProperty().set(kind);
            vm.difficultyProperty().set(level);
            vm.seedProperty().set("7");
            vm.onNewExercise();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.exerciseProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    @Test
    void anotherLanguageMakesTheShownExerciseAgainInItKeepingAnswersAndMarks() throws Exception {
        ExercisesViewModel vm = made(new SimpleObjectProperty<>(), ExerciseKind.PEARSON, Difficulty.EASY);
        var english = vm.exerciseProperty().get();
        run(() -> {
            for (int k = 0; k < vm.rows().size(); k++) {
                vm.rows().get(k).answerProperty().set(k == 1 ? "9.99" : Latex.num(vm.rows().get(k).step().expected()));
            }
            vm.onCheck();
        });
        assertThat(vm.hintProperty().get()).startsWith("Step 2 (");
        run(() -> {
            org.recworkbench.ui.common.I18n.setLocale(org.recworkbench.ui.common.I18n.CHINESE);
            vm.onLanguageChanged();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.exerciseProperty().get() != english);
        WaitForAsyncUtils.waitForFxEvents();
        var chinese = vm.exerciseProperty().get();
        assertThat(chinese.question()).contains("皮尔逊相关系数");
        assertThat(chinese.steps()).extracting(s -> s.expected())
                .isEqualTo(english.steps().stream().map(s -> s.expected()).toList());
        assertThat(vm.rows().get(1).answerProperty().get()).isEqualTo("9.99");
        assertThat(vm.rows().get(1).verdictProperty().get()).isEqualTo(Marker.Verdict.WRONG);
        assertThat(vm.rows().get(0).verdictProperty().get()).isEqualTo(Marker.Verdict.RIGHT);
        assertThat(vm.hintProperty().get()).startsWith("第 2 步（");
    }

    @Test
    void anExerciseIsTheEnginesAndRightValuesAreMarkedRight() throws Exception {
        ExercisesViewModel vm = made(new SimpleObjectProperty<>(), ExerciseKind.RMSE, Difficulty.EASY);
        assertThat(vm.exerciseProperty().get().steps()).isEqualTo(ExerciseGenerator.generate(ExerciseKind.RMSE,
                Difficulty.EASY, 7, null).steps());
        run(() -> {
            vm.rows().forEach(r -> r.answerProperty().set(Latex.num(r.step().expected())));
            vm.onCheck();
        });
        assertThat(vm.rows()).allMatch(r -> r.verdictProperty().get() == Marker.Verdict.RIGHT);
        assertThat(vm.hintProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("All 3 steps are right.");
    }

    @Test
    void aValueThatIsNotANumberIsNamedAndACommaDecimalIsRead() throws Exception {
        ExercisesViewModel vm = made(new SimpleObjectProperty<>(), ExerciseKind.RMSE, Difficulty.EASY);
        run(() -> {
            vm.rows().get(0).answerProperty().set("three");
            vm.rows().get(1).answerProperty().set("1,25");
            vm.onCheck();
        });
        assertThat(vm.hintProperty().get()).isEqualTo("Step 1: \"three\" is not a number; type a decimal such as 0.75.");
        assertThat(vm.rows().get(1).verdictProperty().get()).isEqualTo(Marker.Verdict.RIGHT);
        assertThat(vm.rows().get(2).verdictProperty().get()).isEqualTo(Marker.Verdict.MISSING);
    }

    @Test
    void theTeachersToleranceAndBadInputs() throws Exception {
        ExercisesViewModel vm = made(new SimpleObjectProperty<>(), ExerciseKind.PEARSON, Difficulty.EASY);
        run(() -> {
            vm.rows().forEach(r -> r.answerProperty().set(Latex.num(r.step().expected() + 0.03)));
            vm.onCheck();
        });
        assertThat(vm.rows().get(1).verdictProperty().get()).isEqualTo(Marker.Verdict.WRONG);
        assertThat(vm.hintProperty().get()).startsWith("Step 1 (Co-rated items (rated by both)) is wrong");
        run(() -> {
            vm.toleranceProperty().set("0.05");
            vm.onCheck();
        });
        assertThat(vm.rows()).allMatch(r -> r.verdictProperty().get() == Marker.Verdict.RIGHT);
        run(() -> {
            vm.toleranceProperty().set("-1");
            vm.onCheck();
        });
        assertThat(vm.messageProperty().get()).isEqualTo("The tolerance must be a number of at least 0.");
        run(() -> {
            vm.seedProperty().set("seven");
            vm.onNewExercise();
        });
        assertThat(vm.messageProperty().get()).isEqualTo("The seed must be a whole number.");
    }

    @Test
    void theDerivationIsShownAndHiddenOnRequest() throws Exception {
        ExercisesViewModel vm = made(new SimpleObjectProperty<>(), ExerciseKind.BCE, Difficulty.MEDIUM);
        run(vm::onShowDerivation);
        assertThat(vm.derivationProperty().get()).isSameAs(vm.exerciseProperty().get().derivation());
        run(vm::onShowDerivation);
        assertThat(vm.derivationProperty().get()).isNull();
    }

    @Test
    void realExercisesUseTheLoadedDatasetAndGoWithIt() throws Exception {
        SimpleObjectProperty<Dataset> data = new SimpleObjectProperty<>();
        ExercisesViewModel empty = fx(() -> new ExercisesViewModel(jobs, data));
        run(() -> {
            empty.difficultyProperty().set(Difficulty.REAL);
            empty.onNewExercise();
        });
        assertThat(empty.messageProperty().get()).startsWith("Load a dataset first");
        Dataset d = shop();
        run(() -> data.set(d));
        ExercisesViewModel vm = made(data, ExerciseKind.ITEM_KNN, Difficulty.REAL);
        assertThat(vm.exerciseProperty().get().dataset()).isEqualTo("shop");
        run(() -> data.set(null));
        assertThat(vm.exerciseProperty().get()).isNull();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aSheetIsWrittenInTheBackgroundWithItsAnswers() throws Exception {
        ExercisesViewModel vm = fx(() -> new ExercisesViewModel(jobs, new SimpleObjectProperty<>()));
        Path html = folder.resolve("s.html");
        Path csv = folder.resolve("s.csv");
        run(() -> {
            vm.seedProperty().set("3");
            vm.sheetSizeProperty().set("5");
            vm.onExportSheet(html, csv);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("Wrote"));
        assertThat(vm.messageProperty().get()).isEqualTo("Wrote 5 exercises to " + html + " and their answers to "
                + csv);
        assertThat(Files.readString(html).split("<section class=\"exercise\">", -1)).hasSize(6);
        run(() -> {
            vm.sheetSizeProperty().set("0");
            vm.onExportSheet(html, csv);
        });
        assertThat(vm.messageProperty().get()).isEqualTo("A sheet holds 1 to 200 exercises.");
    }
}
