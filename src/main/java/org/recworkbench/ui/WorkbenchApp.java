package org.recworkbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.DesktopLinks;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.common.Theme;
import org.recworkbench.ui.shell.ShellView;
import org.recworkbench.ui.shell.ShellViewModel;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/** The desktop window. The workspace opens in the background, importing the bundled samples on first start. */
public final class WorkbenchApp extends Application {

    public static final String TITLE = "Recommender Workbench";
    private ShellViewModel shell;
    private FxJobs jobs;

    @Override
    public void start(Stage stage) {
        DesktopLinks.setHostServices(getHostServices());
        jobs = new FxJobs();
        shell = new ShellViewModel(databasePath(getParameters().getRaw()), jobs);
        // Opening the database takes about a second; it runs while the window is built and shown.
        shell.onOpen();
        stage.setTitle(org.recworkbench.ui.common.I18n.t("app.title"));
        stage.setScene(buildScene(shell));
        var prefs = shell.preferences();
        stage.setWidth(prefs.getDouble("windowWidth", 1280));
        stage.setHeight(prefs.getDouble("windowHeight", 820));
        if (prefs.getBoolean("windowMaximised", false)) {
            stage.setMaximized(true);
        }
        stage.setOnHidden(e -> {
            prefs.putBoolean("windowMaximised", stage.isMaximized());
            if (!stage.isMaximized()) {
                prefs.putDouble("windowWidth", stage.getWidth());
                prefs.putDouble("windowHeight", stage.getHeight());
            }
        });
        // every view is laid out (and tested, LayoutTest) from 1024×700 up
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.show();
        if (Boolean.getBoolean("recworkbench.measureStart")) {
            reportWhenUsable();
        }
    }

    /**
     * Prints the time from JVM start to the first recommendation list on screen, then exits: how the start-up
     * number in docs/benchmarks.md is measured ({@code -Drecworkbench.measureStart=true}).
     */
    private void reportWhenUsable() {
        shell.tune().recommendations().addListener((ListChangeListener<Object>) change -> {
            if (!change.getList().isEmpty()) {
                long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("usable " + sinceJvmStart + " ms after JVM start");
                Platform.exit();
            }
        });
    }

    /** The scene for a shell; tests build it directly because {@code getParameters()} needs a launched app. */
    public static Scene buildScene(ShellViewModel shell) {
        org.recworkbench.ui.common.FxThreadGuard.install();
        applyTheme(shell.darkProperty().get());
        shell.darkProperty().addListener((obs, old, dark) -> applyTheme(dark));
        Scene scene = new Scene(ShellView.load(shell), 1280, 800);
        // the window's title follows the language
        scene.windowProperty().addListener((obs, old, window) -> {
            if (window instanceof Stage stage) {
                stage.setTitle(org.recworkbench.ui.common.I18n.t("app.title"));
            }
        });
        shell.languageProperty().addListener((obs, old, now) -> {
            if (scene.getWindow() instanceof Stage stage) {
                stage.setTitle(org.recworkbench.ui.common.I18n.t("app.title"));
            }
        });
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/workbench.css").toExternalForm());
        return scene;
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        Theme.darkProperty().set(dark);
    }

    /** {@code --db PATH}, {@code --db=PATH}, the {@code recworkbench.db} system property, or the default. */
    static Path databasePath(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--db") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (arg.startsWith("--db=")) {
                return Path.of(arg.substring(5));
            }
        }
        String property = System.getProperty("recworkbench.db");
        return property == null || property.isBlank() ? Workspace.defaultPath() : Path.of(property);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.onClose();
        }
        if (jobs != null) {
            jobs.shutdown();
        }
    }
}
