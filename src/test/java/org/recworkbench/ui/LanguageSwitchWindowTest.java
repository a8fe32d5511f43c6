package org.recworkbench.ui;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.shell.Section;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 §2: View › Language switches the real window at once — its words change, while the session (the loaded
 * dataset, the fitted model and its list) stays — and the choice is remembered.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchWindowTest {

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
        window = OpenWindow.open(stage, folder.resolve("db"), "org/recworkbench/test/language-switch");
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

    private static void fx(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses a language the way the user does: the View menu's radio item, fired on the FX thread. */
    private void choose(String language) throws Exception {
        fx(() -> {
            MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
            RadioMenuItem item = (RadioMenuItem) all(bar).stream()
                    .filter(i -> ("language-" + language).equals(i.getId())).findFirst().orElseThrow();
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<MenuItem> all(MenuBar bar) {
        List<MenuItem> items = new ArrayList<>();
        bar.getMenus().forEach(m -> items.addAll(m.getItems()));
        return items;
    }

    private <T> T lookup(String selector) {
        @SuppressWarnings("unchecked")
        T node = (T) stage.getScene().lookup(selector);
        return node;
    }

    @Test
    void theViewMenuSwitchesTheWindowToChineseAndBackKeepingTheSession(FxRobot robot) throws Exception {
        waitFor(90, () -> shell.tune().recommendations().size() == 10 && jobs.running().isEmpty());
        fx(() -> shell.sectionProperty().set(Section.TUNE));
        Parent before = stage.getScene().getRoot();
        var model = shell.tune().modelProperty().get();
        assertThat(this.<Button>lookup("#fitButton").getText()).isEqualTo("Fit");
        assertThat(this.<ListView<Section>>lookup("#navigation").getItems().get(0).label()).isEqualTo("Datasets");
        assertThat(all(lookup("#menuBar"))).extracting(MenuItem::getText)
                .contains("Language: English", "Language: 中文");

        choose("zh");
        waitFor(10, () -> stage.getScene().getRoot() != before);

        assertThat(I18n.locale()).isEqualTo(I18n.CHINESE);
        assertThat(this.<Button>lookup("#fitButton").getText()).isEqualTo("训练");
        assertThat(this.<Button>lookup("#scoreButton").getText()).isEqualTo("评估此设置");
        assertThat(this.<ListView<Section>>lookup("#navigation").getItems().get(0).label()).isEqualTo("数据集");
        assertThat(((MenuBar) lookup("#menuBar")).getMenus()).extracting(m -> m.getText())
                .containsExactly("文件", "运行", "视图", "帮助");
        assertThat(stage.getTitle()).isEqualTo("推荐系统工作台");
        assertThat(this.<Label>lookup("#status").getText()).isEqualTo("界面语言：中文");
        // the session stays: the same dataset in the header, the same fitted model, its list on screen
        assertThat(this.<Label>lookup("#datasetSummary").getText())
                .isEqualTo("teaching-shop · 显式 · 300 个用户 × 200 个物品 · 3,899 条交互");
        assertThat(shell.tune().modelProperty().get()).isSameAs(model);
        assertThat(this.<TableView<?>>lookup("#recommendationTable").getItems()).hasSize(10);
        assertThat(shell.sectionProperty().get()).isEqualTo(Section.TUNE);
        assertThat(window.preferences().get("language", "")).isEqualTo("zh-CN");
        assertThat(all(lookup("#menuBar")).stream().filter(i -> "language-zh".equals(i.getId())).findFirst()
                .map(i -> ((RadioMenuItem) i).isSelected())).contains(true);

        // the old frame no longer reacts: switching sections builds views in the new frame only
        fx(() -> shell.sectionProperty().set(Section.DATASETS));
        assertThat(this.<TableView<?>>lookup("#datasetsTable")).isNotNull();

        Parent chinese = stage.getScene().getRoot();
        choose("en");
        waitFor(10, () -> stage.getScene().getRoot() != chinese);
        fx(() -> shell.sectionProperty().set(Section.TUNE));
        assertThat(this.<Button>lookup("#fitButton").getText()).isEqualTo("Fit");
        assertThat(this.<Label>lookup("#datasetSummary").getText()).startsWith("teaching-shop · explicit · 300 users");
        assertThat(window.preferences().get("language", "")).isEqualTo("en");
    }
}
