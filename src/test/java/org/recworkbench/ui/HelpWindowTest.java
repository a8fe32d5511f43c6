package org.recworkbench.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.datasets.DatasetRow;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Help menu, the empty workspace and export pop-ups in the real window, on a workspace whose samples were
 * imported once and deleted since (so it stays empty: samples are imported on a workspace's first start only).
 */
@ExtendWith(ApplicationExtension.class)
class HelpWindowTest {

    @TempDir
    static Path folder;
    private static final AtomicInteger RUN = new AtomicInteger();

    private OpenWindow window;

    @Start
    void start(Stage stage) {
        int run = RUN.incrementAndGet();
        Path db = folder.resolve("empty" + run);
        try (Workspace workspace = Workspace.open(db)) {
            workspace.putSetting("samples.imported", "true");
        }
        window = OpenWindow.open(stage, db, "org/recworkbench/test/help" + run);
    }

    @AfterEach
    void close() throws Exception {
        window.close(window.shell, window.jobs);
    }

    @Test
    void anEmptyWorkspaceSaysWhatToDoNext(FxRobot robot) throws Exception {
        Label message = robot.lookup("#datasetsMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message.getText().startsWith("No datasets yet"));
        TableView<DatasetRow> table = robot.lookup("#datasetsTable").queryTableView();
        assertThat(table.getItems()).isEmpty();

        Label empty = robot.lookup("#datasetsEmptyText").queryAs(Label.class);
        assertThat(empty.getText()).isEqualTo(
                "No datasets yet — Import… (Ctrl+O), drop a CSV on the window, or Generate… a synthetic one");
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getScene()).isSameAs(table.getScene());
        assertThat(robot.lookup("#emptyImportButton").queryAs(Button.class).getText()).isEqualTo("Import…");
        assertThat(robot.lookup("#emptyGenerateButton").queryAs(Button.class).getText()).isEqualTo("Generate…");
        Path png = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(table.getScene(),
                Path.of("target", "screenshots", "datasets-empty.png"))).get(10, TimeUnit.SECONDS);
        assertThat(Files.size(png)).isGreaterThan(5_000);
    }

    @Test
    void theShortcutsDialogListsEveryAcceleratorOfTheMenus(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> fromMenus = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, fromMenus);
        }
        assertThat(fromMenus).contains("Ctrl+O  Import…", "Ctrl+1  Datasets", "Ctrl+9  History");

        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#shortcutsTable").queryTableView();
        List<String> listed = new ArrayList<>();
        for (int row = 0; row < table.getItems().size(); row++) {
            listed.add(table.getColumns().get(0).getCellData(row) + "  " + table.getColumns().get(1).getCellData(row));
        }

        assertThat(listed).containsAll(fromMenus);
        assertThat(listed).anyMatch(s -> s.startsWith("F5  "));
        // Esc is a filter on the scene (tables would swallow it before a menu accelerator)
        assertThat(listed).anyMatch(s -> s.startsWith("Esc") && s.contains("cancel the running job"));
        assertThat(listed).hasSize(fromMenus.size() + 2);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    private static void collect(Menu menu, List<String> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, into);
            } else if (item.getAccelerator() != null) {
                into.add(item.getAccelerator().getDisplayText() + "  " + item.getText());
            }
        }
    }

    @Test
    void gettingStartedWalksFromImportToExportInFourSteps(FxRobot robot) {
        robot.clickOn("Help").clickOn("Getting started");
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#gettingStartedText").queryTextInputControl().getText();

        assertThat(text).contains("1. Import a dataset", "2. Tune an algorithm", "3. Evaluate", "4. Export");
        assertThat(text).contains("Import… (Ctrl+O)", "Generate…", "Fit (Ctrl+R or F5)", "Run experiment",
                "Export recommendations for all users… (Ctrl+E)", "Open folder");
        assertThat(text).doesNotContain("5.");
    }

    @Test
    void aFinishedExportPopsUpItsRowCountWithAnOpenFolderAction(FxRobot robot) throws Exception {
        ShellViewModel shell = window.shell;
        Path target = folder.resolve("runs-" + RUN.get() + ".csv");
        WaitForAsyncUtils.asyncFx(() -> shell.history().onExport(List.of(), target)).get(10, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> notificationText().isPresent());
        assertThat(notificationText().orElseThrow()).contains("Wrote 0 rows to " + target);
        assertThat(notificationButtons()).contains("Open folder");
    }

    private static java.util.Optional<String> notificationText() {
        return notificationNodes(".notification-bar .label").stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null && t.startsWith("Wrote")).findFirst();
    }

    private static List<String> notificationButtons() {
        return notificationNodes(".notification-bar .button").stream().map(n -> ((Button) n).getText()).toList();
    }

    private static List<Node> notificationNodes(String selector) {
        List<Node> found = new ArrayList<>();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                for (Window w : Window.getWindows()) {
                    if (w.getScene() != null) {
                        found.addAll(w.getScene().getRoot().lookupAll(selector));
                    }
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
