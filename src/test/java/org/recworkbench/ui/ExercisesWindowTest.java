package org.recworkbench.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.exercise.AnswerStep;
import org.recworkbench.exercise.Exercise;
import org.recworkbench.exercise.ExerciseKind;
import org.recworkbench.explain.Latex;
import org.recworkbench.ui.common.DerivationPane;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.exercise.ExercisesView;
import org.recworkbench.ui.exercise.ExercisesViewModel;
import org.recworkbench.ui.shell.Section;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Exercises view in the real window: a new exercise, typed answers checked, the derivation, a sheet exported. */
@ExtendWith(ApplicationExtension.class)
class ExercisesWindowTest {

    @TempDir
    static Path folder;

    private OpenWindow window;
    private ShellViewModel shell;
    private FxJobs jobs;

    @Start
    void start(Stage stage) {
        stage.setWidth(1280);
        stage.setHeight(800);
        window = OpenWindow.open(stage, folder.resolve("db"), "org/recworkbench/test/exercises");
        shell = window.shell;
        jobs = window.jobs;
    }

    @AfterEach
    void close() throws Exception {
        window.close(shell, jobs);
    }

    private static void fx(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String id, String text) throws Exception {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        fx(field::clear);
        // focus first: the view scrolls a step below the visible part into sight, as it does for a student tabbing
        fx(field::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(field).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String mark(FxRobot robot, int step) {
        return robot.lookup("#exerciseMark" + step).queryAs(Label.class).getText();
    }

    @Test
    void aStudentAnswersChecksSeesTheHintAndTheDerivationAndATeacherExportsASheet(FxRobot robot) throws Exception {
        fx(() -> shell.sectionProperty().set(Section.EXERCISES));
        ExercisesViewModel vm = shell.exercises();
        fx(() -> vm.kindProperty().set(ExerciseKind.PEARSON));
        type(robot, "#exerciseSeed", "7");
        robot.clickOn("#exerciseNew");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.exerciseProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Exercise e = vm.exerciseProperty().get();
        assertThat(e.identity()).isEqualTo("pearson, easy, seed 7");
        assertThat(robot.lookup("#exerciseQuestion").queryAs(Label.class).getText()).contains("Pearson correlation");

        // every step typed right: all ✓, no hint
        for (AnswerStep step : e.steps()) {
            type(robot, "#exerciseAnswer" + step.number(), Latex.num(step.expected()));
        }
        robot.clickOn("#exerciseCheck");
        WaitForAsyncUtils.waitForFxEvents();
        for (AnswerStep step : e.steps()) {
            assertThat(mark(robot, step.number())).as("step " + step.number()).isEqualTo("✓");
        }
        assertThat(robot.lookup("#exerciseHint").queryAs(Label.class).getText()).isEmpty();

        // one wrong: ✗ on it and a hint naming it
        type(robot, "#exerciseAnswer2", "3.9");
        assertThat(mark(robot, 2)).as("a changed value is no longer marked").isEmpty();
        robot.clickOn("#exerciseCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mark(robot, 2)).isEqualTo("✗");
        assertThat(mark(robot, 3)).isEqualTo("✓");
        assertThat(robot.lookup("#exerciseHint").queryAs(Label.class).getText())
                .startsWith("Step 2 (Co-rated mean of a) is wrong");

        // the derivation, in the same pane as the Formulas view
        robot.clickOn("#exerciseShowDerivation");
        WaitForAsyncUtils.waitForFxEvents();
        DerivationPane pane = robot.lookup("#exerciseDerivation").queryAs(DerivationPane.class);
        assertThat(pane.isVisible()).isTrue();
        assertThat(pane.derivationProperty().get()).isSameAs(e.derivation());
        assertThat(pane.text()).contains("Co-rated mean of a");

        // a sheet of 4 with its answers, through the button (the dialogs replaced: Monocle has none)
        Path html = folder.resolve("sheet.html");
        Path csv = folder.resolve("sheet-answers.csv");
        Node root = robot.lookup(".exercises-view").query();
        ExercisesView view = (ExercisesView) root.getProperties().get(ExercisesView.class);
        fx(() -> view.setSheetFiles(owner -> new File[] {html.toFile(), csv.toFile()}));
        type(robot, "#exerciseSheetSize", "4");
        robot.clickOn("#exerciseExport");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("Wrote 4"));
        assertThat(Files.readString(html)).contains("<section class=\"exercise\">");
        assertThat(Files.readString(csv)).startsWith("sheet_seed,exercise,kind");
    }
}
