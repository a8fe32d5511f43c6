package org.recworkbench.ui;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.store.SampleData;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.shell.Section;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 §2: the window opened in Chinese (the remembered language) shows no English bundle text and no missing
 * key in any view: every view and tab is visited with data, a fitted model, a run, a comparison and a replay, and
 * every text on screen (labels, buttons, cells, tooltips, prompts, tabs, column headers, menus, chart titles, axes
 * and series) is checked. With {@code -Drecworkbench.screenshots=DIR} each view is saved as {@code <view>-zh.png}
 * at 1024×700.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseWindowTest {

    private static final String NODE = "org/recworkbench/test/chinese";

    @TempDir
    static Path folder;

    private OpenWindow window;
    private ShellViewModel shell;
    private FxJobs jobs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        // an earlier test may leave the shared stage larger than the headless screen (its frames then overflow the
        // framebuffer): this test starts at 1024×700 and does not inherit those failures
        stage.setWidth(1024);
        stage.setHeight(700);
        WaitForAsyncUtils.clearExceptions();
        this.stage = stage;
        Preferences.userRoot().node(NODE).put("language", "zh-CN");
        window = OpenWindow.open(stage, folder.resolve("db"), NODE);
        shell = window.shell;
        jobs = window.jobs;
        WaitForAsyncUtils.clearExceptions();
    }

    @AfterEach
    void close() throws Exception {
        try {
            window.close(shell, jobs);
        } finally {
            I18n.setLocale(I18n.ENGLISH);
        }
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean idle() {
        return jobs.running().isEmpty();
    }

    private static void fx(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyViewSpeaksChinese(FxRobot robot) throws Exception {
        assertThat(I18n.locale()).isEqualTo(I18n.CHINESE);
        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        waitFor(90, () -> shell.datasets().rows().size() == SampleData.catalog().size());
        waitFor(90, () -> shell.tune().recommendations().size() == 10 && idle());
        WaitForAsyncUtils.asyncFx(() -> shell.tune().onScore()).get(10, TimeUnit.SECONDS);
        waitFor(90, () -> shell.tune().scoreProperty().get().startsWith("RMSE") && idle());
        WaitForAsyncUtils.asyncFx(() -> shell.tune().onExplain(shell.tune().recommendations().get(0)))
                .get(10, TimeUnit.SECONDS);

        Map<String, Callable<Void>> views = new LinkedHashMap<>();
        views.put("datasets", show(Section.DATASETS, () -> true));
        views.put("explore", show(Section.EXPLORE, () -> shell.explore().visibleItems().size() == 200));
        views.put("tune", show(Section.TUNE, () -> true));
        views.put("similarity", show(Section.SIMILARITY, () -> shell.similarity().heatmapProperty().get() != null));
        views.put("formulas", () -> {
            show(Section.FORMULAS, () -> true).call();
            fx(() -> shell.formulas().onCompute());
            waitFor(60, this::idle);
            return null;
        });
        views.put("gallery", () -> {
            show(Section.FORMULAS, () -> true).call();
            fx(() -> ((TabPane) stage.getScene().getRoot().lookup(".formulas-view")).getSelectionModel().select(1));
            waitFor(30, () -> !shell.formulas().examples().isEmpty());
            fx(() -> shell.formulas().exampleProperty().set(shell.formulas().examples().get(0)));
            return null;
        });
        views.put("evaluate", () -> {
            show(Section.EVALUATE, () -> true).call();
            fx(() -> shell.evaluate().onRunExperiment());
            waitFor(120, () -> !shell.evaluate().runs().isEmpty() && idle());
            return null;
        });
        views.put("compare", () -> {
            show(Section.COMPARE, () -> true).call();
            fx(() -> shell.compare().onCompare());
            waitFor(60, () -> shell.compare().comparisonProperty().get() != null && idle());
            return null;
        });
        views.put("stream", () -> {
            show(Section.STREAM, () -> true).call();
            var vm = shell.stream();
            fx(vm::onStart);
            waitFor(90, () -> vm.readyProperty().get() && !vm.busyProperty().get() && !vm.userList().isEmpty());
            for (int i = 0; i < 5; i++) {
                int next = vm.positionProperty().get() + 1;
                fx(vm::onStep);
                waitFor(10, () -> vm.positionProperty().get() == next && !vm.busyProperty().get());
            }
            return null;
        });
        views.put("history", show(Section.HISTORY, () -> !shell.history().visibleRuns().isEmpty()));
        views.put("exercises", () -> {
            show(Section.EXERCISES, () -> true).call();
            var vm = shell.exercises();
            fx(() -> {
                vm.kindProperty().set(org.recworkbench.exercise.ExerciseKind.PEARSON);
                vm.seedProperty().set("7");
                vm.onNewExercise();
            });
            waitFor(30, () -> vm.exerciseProperty().get() != null && vm.rows().size() > 2 && idle());
            fx(() -> {
                var steps = vm.exerciseProperty().get().steps();
                for (int k = 0; k < vm.rows().size(); k++) {
                    vm.rows().get(k).answerProperty().set(k == 1 ? "9.99"
                            : org.recworkbench.explain.Latex.num(steps.get(k).expected()));
                }
                vm.onCheck();
                vm.onShowDerivation();
            });
            waitFor(30, () -> vm.derivationProperty().get() != null && idle());
            // the engine's words on screen are Chinese too: the question, every step's title, the hint
            WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.Node root = stage.getScene().getRoot();
                String question = ((javafx.scene.control.Label) root.lookup("#exerciseQuestion")).getText();
                assertThat(question).as("question").matches(ChineseWindowTest::hasHan)
                        .doesNotContain("Compute", "users", "rating");
                for (int k = 1; k <= vm.rows().size(); k++) {
                    String title = ((javafx.scene.control.Label) root.lookup("#exerciseStepTitle" + k)).getText();
                    String words = title.lines().findFirst().orElse("");
                    assertThat(words).as("step " + k).matches(ChineseWindowTest::hasHan);
                    assertThat(words.split("[^A-Za-z]+")).as("step " + k).allMatch(w -> w.length() < 3);
                }
                String hint = ((javafx.scene.control.Label) root.lookup("#exerciseHint")).getText();
                assertThat(hint).as("hint").startsWith("第 2 步").doesNotContain("Step", "wrong");
                return null;
            }).get(10, TimeUnit.SECONDS);
            return null;
        });

        UntranslatedText scan = new UntranslatedText();
        List<String> clipped = new java.util.ArrayList<>();
        String screenshots = System.getProperty("recworkbench.screenshots");
        for (var view : views.entrySet()) {
            view.getValue().call();
            fx(() -> stage.getScene().getRoot().layout());
            WaitForAsyncUtils.asyncFx(() -> scan.collect(stage.getScene().getRoot(), view.getKey()))
                    .get(30, TimeUnit.SECONDS);
            clipped.addAll(WaitForAsyncUtils.asyncFx(() -> LayoutTest.clipped(stage.getScene().getRoot(),
                    view.getKey() + " (zh) at 1024x700")).get(10, TimeUnit.SECONDS));
            if (screenshots != null) {
                WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(),
                        Path.of(screenshots).resolve(view.getKey() + "-zh.png"))).get(20, TimeUnit.SECONDS);
            }
        }
        List<String> offences = scan.offences();
        System.out.println("texts checked: " + scan.seenCount() + ", untranslated: " + offences.size());
        offences.forEach(o -> System.out.println("  " + o));
        clipped.forEach(o -> System.out.println("  clipped: " + o));
        assertThat(scan.seenCount()).isGreaterThan(300);
        assertThat(clipped).as("text cut off in the Chinese window at 1024×700 (see LayoutTest)").isEmpty();
        assertThat(offences).as("English or missing text in the Chinese window").isEmpty();
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private Callable<Void> show(Section section, Callable<Boolean> ready) {
        return () -> {
            fx(() -> shell.sectionProperty().set(section));
            waitFor(90, () -> ready.call() && idle());
            return null;
        };
    }
}
