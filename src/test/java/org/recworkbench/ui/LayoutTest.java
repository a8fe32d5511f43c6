package org.recworkbench.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.Scene;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.store.SampleData;
import org.recworkbench.ui.common.ClippedText;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.shell.Section;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: every view holds its layout from 1024×700 up. Each view is opened on the bundled teaching shop with a
 * fitted model, at 1024×700 and 1920×1080, then shrunk to 1024×700 and grown to 1920×1080 again while it is shown,
 * and at each size nothing may be clipped:
 * <ul>
 *   <li>a {@link Labeled} (label, button, check box, tab, combo box button cell, table cell) whose displayed text
 *   differs from its text (the skin put an ellipsis in);</li>
 *   <li>a visible table column narrower than its header text needs, or lying outside the table's viewport (the
 *   table needs a horizontal scroll bar to show it).</li>
 * </ul>
 * Exempt: cells of long free text — the cells of a table column or list view marked with
 * {@link ClippedText#FREE_TEXT} (titles, explanations, parameters, metrics) — provided the clipped cell carries a
 * tooltip with its full text (what {@link ClippedText} installs). Numbers, ids, times, headers and buttons are never
 * exempt. Nodes that are not shown (invisible, in an unselected tab, zero-sized) are not inspected.
 * <p>
 * With {@code -Drecworkbench.screenshots=docs/screenshots} every view is saved as {@code <view>-1024x700.png} and
 * {@code <view>-1920x1080.png}.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutTest {

    private static final int[][] SIZES = {{1024, 700}, {1920, 1080}, {1024, 700}, {1920, 1080}};
    private static final String[] PHASES = {"1024x700", "1920x1080", "1024x700 after shrink",
            "1920x1080 after grow"};

    @TempDir
    static Path folder;

    private OpenWindow window;
    private ShellViewModel shell;
    private FxJobs jobs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = OpenWindow.open(stage, folder.resolve("db"), "org/recworkbench/test/layout");
        shell = window.shell;
        jobs = window.jobs;
    }

    @AfterEach
    void close() throws Exception {
        window.close(shell, jobs);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean idle() {
        return jobs.running().isEmpty();
    }

    @Test
    void everyViewHoldsItsLayoutFrom1024x700To1920x1080(FxRobot robot) throws Exception {
        waitFor(90, () -> shell.datasets().rows().size() == SampleData.catalog().size());
        waitFor(90, () -> shell.tune().recommendations().size() == 10 && idle());
        // a run in History and in Evaluate's table
        WaitForAsyncUtils.asyncFx(() -> shell.tune().onScore()).get(10, TimeUnit.SECONDS);
        waitFor(90, () -> shell.tune().scoreProperty().get().startsWith("RMSE") && idle());
        WaitForAsyncUtils.asyncFx(() -> shell.tune().onExplain(shell.tune().recommendations().get(0)))
                .get(10, TimeUnit.SECONDS);

        String screenshots = System.getProperty("recworkbench.screenshots");
        Map<String, Callable<Void>> views = new LinkedHashMap<>();
        views.put("datasets", show(Section.DATASETS, () -> true));
        views.put("explore", show(Section.EXPLORE, () -> shell.explore().visibleItems().size() == 200));
        views.put("tune", show(Section.TUNE, () -> true));
        views.put("similarity", show(Section.SIMILARITY, () -> shell.similarity().heatmapProperty().get() != null));
        views.put("formulas", show(Section.FORMULAS, () -> true));
        views.put("gallery", () -> {
            show(Section.FORMULAS, () -> true).call();
            fx(() -> ((TabPane) stage.getScene().getRoot().lookup(".formulas-view")).getSelectionModel().select(1));
            waitFor(30, () -> !shell.formulas().examples().isEmpty());
            return null;
        });
        views.put("evaluate", () -> {
            show(Section.EVALUATE, () -> true).call();
            if (shell.evaluate().runs().isEmpty()) {
                fx(() -> shell.evaluate().onRunExperiment());
                waitFor(120, () -> !shell.evaluate().runs().isEmpty() && idle());
            }
            return null;
        });
        views.put("compare", () -> {
            show(Section.COMPARE, () -> true).call();
            if (shell.compare().comparisonProperty().get() == null) {
                fx(() -> shell.compare().onCompare());
                waitFor(60, () -> shell.compare().comparisonProperty().get() != null && idle());
            }
            return null;
        });
        // before any replay: the empty tables' placeholders once made the view wider than a 1024 px window
        views.put("stream-idle", show(Section.STREAM, () -> true));
        views.put("stream", () -> {
            show(Section.STREAM, () -> true).call();
            var vm = shell.stream();
            if (!vm.readyProperty().get()) {
                fx(vm::onStart);
                waitFor(90, () -> vm.readyProperty().get() && !vm.busyProperty().get() && !vm.userList().isEmpty());
                for (int i = 0; i < 12; i++) {
                    int next = vm.positionProperty().get() + 1;
                    fx(vm::onStep);
                    waitFor(10, () -> vm.positionProperty().get() == next && !vm.busyProperty().get());
                }
            }
            return null;
        });
        views.put("history", show(Section.HISTORY, () -> !shell.history().visibleRuns().isEmpty()));
        // an exercise on the loaded dataset's rows, checked with one wrong step (marks and hint), its derivation shown
        views.put("exercises", () -> {
            show(Section.EXERCISES, () -> true).call();
            var vm = shell.exercises();
            if (vm.exerciseProperty().get() == null) {
                fx(() -> {
                    vm.kindProperty().set(org.recworkbench.exercise.ExerciseKind.USER_KNN);
                    vm.difficultyProperty().set(org.recworkbench.exercise.Difficulty.REAL);
                    vm.onNewExercise();
                });
                waitFor(60, () -> vm.exerciseProperty().get() != null && idle());
                fx(() -> {
                    for (var row : vm.rows()) {
                        row.answerProperty().set(org.recworkbench.explain.Latex.num(row.step().expected()
                                + (row.step().number() == 2 ? 1 : 0)));
                    }
                    vm.onCheck();
                    vm.onShowDerivation();
                });
            }
            return null;
        });
        // a hybrid's panel: two components' parameters in indented groups, the longest parameter panel there is
        views.put("tune-hybrid", () -> {
            fx(() -> shell.session().algorithmProperty().set(org.recworkbench.algo.AlgorithmRegistry.require("hybrid")));
            show(Section.TUNE, () -> shell.tune().modelProperty().get() != null
                    && shell.tune().modelProperty().get().algorithmId().equals("hybrid")).call();
            waitFor(90, this::idle);
            return null;
        });

        List<String> offences = new ArrayList<>();
        for (var view : views.entrySet()) {
            view.getValue().call();
            for (int phase = 0; phase < SIZES.length; phase++) {
                int width = SIZES[phase][0];
                int height = SIZES[phase][1];
                fx(() -> {
                    stage.setWidth(width);
                    stage.setHeight(height);
                });
                WaitForAsyncUtils.waitForFxEvents();
                // a second pulse: tables size their columns after the first layout at a new size
                fx(() -> stage.getScene().getRoot().layout());
                WaitForAsyncUtils.waitForFxEvents();
                String where = view.getKey() + " at " + PHASES[phase];
                assertThat(stage.getScene().getWidth()).as(where + ": scene width").isEqualTo(width);
                assertThat(stage.getScene().getHeight()).as(where + ": scene height").isEqualTo(height);
                offences.addAll(WaitForAsyncUtils.asyncFx(() -> clipped(stage.getScene().getRoot(), where))
                        .get(10, TimeUnit.SECONDS));
                offences.addAll(WaitForAsyncUtils.asyncFx(() -> overflow(stage.getScene(), where))
                        .get(10, TimeUnit.SECONDS));
                if (screenshots != null && phase < 2) {
                    String name = view.getKey() + "-" + width + "x" + height + ".png";
                    WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(),
                            Path.of(screenshots).resolve(name))).get(20, TimeUnit.SECONDS);
                }
            }
        }
        System.out.println("layout offences: " + offences.size());
        offences.forEach(o -> System.out.println("  " + o));
        assertThat(offences).as("clipped text and columns").isEmpty();
    }

    private Callable<Void> show(Section section, Callable<Boolean> ready) {
        return () -> {
            fx(() -> shell.sectionProperty().set(section));
            waitFor(90, () -> ready.call() && idle());
            return null;
        };
    }

    private static void fx(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A view whose minimum size exceeds the room the window gives it (it then pushes the status bar off the bottom
     * or its buttons past the right edge), and a status bar not wholly inside the window.
     */
    static List<String> overflow(Scene scene, String where) {
        List<String> found = new ArrayList<>();
        Region content = (Region) scene.lookup("#content");
        for (Node view : content.getChildrenUnmodifiable()) {
            double minWidth = view.minWidth(-1);
            double minHeight = view.minHeight(-1);
            if (minWidth > content.getWidth() + 0.5 || minHeight > content.getHeight() + 0.5) {
                found.add(String.format(java.util.Locale.ROOT, "%s: the view needs at least %.0f × %.0f, the window"
                        + " gives it %.0f × %.0f", where, minWidth, minHeight, content.getWidth(),
                        content.getHeight()));
            }
        }
        Node status = scene.lookup("#status");
        Bounds b = status.localToScene(status.getLayoutBounds());
        if (b.getMaxY() > scene.getHeight() + 0.5 || b.getMinY() < 0) {
            found.add(where + ": the status bar is not inside the window (y " + Math.round(b.getMinY()) + "–"
                    + Math.round(b.getMaxY()) + " of " + Math.round(scene.getHeight()) + ")");
        }
        return found;
    }

    /** Every clipped text and too narrow column under the root, as "view at size: what". */
    static List<String> clipped(Parent root, String where) {
        List<String> found = new ArrayList<>();
        visit(root, root, where, found);
        return found;
    }

    private static void visit(Node node, Parent root, String where, List<String> found) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof TableView<?> table) {
            columns(table, where, found);
        }
        if (node instanceof Labeled labeled && shown(labeled, root) && !isHeaderLabel(labeled)) {
            String text = labeled.getText();
            Text displayed = displayedText(labeled);
            if (text != null && !text.isBlank() && displayed != null
                    && !strip(displayed.getText()).equals(strip(text)) && !exempt(labeled)) {
                found.add(where + ": " + describe(labeled) + " shows \"" + displayed.getText() + "\" of \"" + text
                        + "\" (width " + Math.round(labeled.getWidth()) + ", needs "
                        + Math.round(labeled.prefWidth(-1)) + ")");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, root, where, found);
            }
        }
    }

    private static boolean shown(Node node, Parent root) {
        if (node.getLayoutBounds().getWidth() <= 0 || node.getLayoutBounds().getHeight() <= 0) {
            return false;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMaxX() > 0 && b.getMaxY() > 0 && b.getMinX() < root.getScene().getWidth()
                && b.getMinY() < root.getScene().getHeight();
    }

    private static String strip(String s) {
        return s.replace("_", "").strip();
    }

    /** The skin's text node of a labeled (not a graphic that happens to be a Text, like an icon). */
    private static Text displayedText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                return t;
            }
        }
        return null;
    }

    /**
     * Cells of free-text columns and lists, and labels of free text (a status line, the selection summary), may be
     * cut, provided their tooltip carries the whole text.
     */
    private static boolean exempt(Labeled labeled) {
        Tooltip tip = labeled.getTooltip();
        boolean carried = tip != null && labeled.getText().equals(tip.getText());
        if (!(labeled instanceof Cell<?>)) {
            return labeled instanceof javafx.scene.control.Label && carried
                    && labeled.getStyleClass().contains(ClippedText.FREE_TEXT);
        }
        boolean freeText = false;
        if (labeled instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null) {
            freeText = cell.getTableColumn().getStyleClass().contains(ClippedText.FREE_TEXT);
        } else {
            for (Parent p = labeled.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ListView<?> list) {
                    freeText = list.getStyleClass().contains(ClippedText.FREE_TEXT);
                    break;
                }
            }
        }
        return freeText && carried;
    }

    private static boolean isHeaderLabel(Labeled labeled) {
        Parent p = labeled.getParent();
        return p != null && p.getStyleClass().contains("column-header");
    }

    private static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append(" #").append(node.getId());
        }
        if (node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null) {
            s.append(" in column \"").append(cell.getTableColumn().getText()).append("\" of #")
                    .append(cell.getTableView() == null ? "?" : cell.getTableView().getId());
        } else {
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p.getId() != null) {
                    s.append(" in #").append(p.getId());
                    break;
                }
            }
        }
        return s.toString();
    }

    /** Each visible leaf column is at least as wide as its header's text and lies inside the table's viewport. */
    private static void columns(TableView<?> table, String where, List<String> found) {
        if (!shown(table, table.getScene().getRoot())) {
            return;
        }
        double used = 0;
        for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            used += column.getWidth();
            Node header = table.lookupAll(".column-header").stream()
                    .filter(h -> h instanceof javafx.scene.control.skin.TableColumnHeader th
                            && th.getTableColumn() == column)
                    .findFirst().orElse(null);
            if (header == null) {
                continue;
            }
            Labeled label = (Labeled) ((Parent) header).getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Labeled).findFirst().orElse(null);
            if (label == null || label.getText() == null || label.getText().isBlank()) {
                continue;
            }
            double needs = label.prefWidth(-1);
            Text displayed = displayedText(label);
            boolean cut = displayed != null && !strip(displayed.getText()).equals(strip(label.getText()));
            if (column.getWidth() + 0.5 < needs || cut) {
                found.add(where + ": column \"" + column.getText() + "\" of #" + table.getId() + " is "
                        + Math.round(column.getWidth()) + " px, its header needs " + Math.round(needs));
            }
        }
        double viewport = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        Node vbar = table.lookup(".virtual-flow > .scroll-bar:vertical");
        if (vbar != null && vbar.isVisible()) {
            viewport -= ((javafx.scene.layout.Region) vbar).getWidth();
        }
        if (used > viewport + 1) {
            found.add(where + ": #" + table.getId() + " needs " + Math.round(used) + " px for its columns, shows "
                    + Math.round(viewport) + " (columns hidden behind a horizontal scroll bar)");
        }
    }
}
