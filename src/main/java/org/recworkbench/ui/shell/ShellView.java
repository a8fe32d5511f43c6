package org.recworkbench.ui.shell;

import org.recworkbench.ui.common.ClippedText;
import org.recworkbench.ui.common.I18n;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.recworkbench.ui.common.ExportNotifications;
import org.recworkbench.similarity.Subsets;
import org.recworkbench.ui.common.FileDialogs;
import org.recworkbench.ui.common.RunningJob;
import org.recworkbench.ui.common.Views;
import org.recworkbench.ui.compare.CompareView;
import org.recworkbench.ui.datasets.DatasetsView;
import org.recworkbench.ui.evaluate.EvaluateView;
import org.recworkbench.ui.explore.ExploreView;
import org.recworkbench.ui.exercise.ExercisesView;
import org.recworkbench.ui.formulas.FormulasView;
import org.recworkbench.ui.history.HistoryView;
import org.recworkbench.ui.heatmap.SimilarityView;
import org.recworkbench.ui.live.StreamView;
import org.recworkbench.ui.tune.ExportOptionsDialog;
import org.recworkbench.ui.tune.TuneView;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The main window's frame: navigation on the left, the chosen section in the middle, jobs in the status bar. */
public final class ShellView {

    @FXML
    private ListView<Section> navigation;
    @FXML
    private StackPane content;
    @FXML
    private Label status;
    @FXML
    private Label datasetSummary;
    @FXML
    private Label jobTitle;
    @FXML
    private ProgressBar jobProgress;
    @FXML
    private Button cancelJob;
    @FXML
    private MenuButton moreJobs;
    @FXML
    private MenuBar menuBar;
    @FXML
    private Label selectionSummary;

    private final ShellViewModel viewModel;
    /** A job that starts or begins cancelling may change which job the status bar shows. */
    private final InvalidationListener jobStateChanged = observable -> showJobs();
    private final ChangeListener<Section> sectionChanged = (obs, old, now) -> {
        show(now);
        navigation.getSelectionModel().select(now);
    };
    private final ListChangeListener<RunningJob> jobsChanged = change -> {
        while (change.next()) {
            change.getRemoved().forEach(job -> job.stateProperty().removeListener(jobStateChanged));
            change.getAddedSubList().forEach(job -> job.stateProperty().addListener(jobStateChanged));
        }
        showJobs();
    };
    private final ChangeListener<String> errorChanged = (obs, old, now) -> {
        if (now != null) {
            showError(now);
        }
    };
    private final ChangeListener<Locale> languageChanged = (obs, old, now) -> Platform.runLater(this::rebuild);
    private DatasetsView datasetsView;
    private final Map<Section, Supplier<Node>> factories = viewFactories();
    private final Map<Section, Node> views = new EnumMap<>(Section.class);

    private ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ShellViewModel viewModel) {
        return Views.load("shell/ShellView.fxml", new ShellView(viewModel));
    }

    @FXML
    private void initialize() {
        org.recworkbench.ui.common.CjkFonts.apply(content.getParent());
        buildMenus();
        ExportNotifications exports = new ExportNotifications(this::owner);
        viewModel.tune().setOnExported(exports::exported);
        viewModel.history().setOnExported(exports::exported);
        viewModel.similarity().setOnExported(exports::exported);
        content.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installSceneHandlers(scene);
            }
        });
        selectionSummary.textProperty().bind(viewModel.selectionSummary());
        navigation.getItems().setAll(viewModel.sections());
        navigation.getSelectionModel().select(viewModel.sectionProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.sectionProperty().set(now);
            }
        });
        viewModel.sectionProperty().addListener(sectionChanged);
        show(viewModel.sectionProperty().get());
        status.textProperty().bind(viewModel.statusProperty());
        datasetSummary.textProperty().bind(viewModel.datasetSummary());
        viewModel.jobs().jobs().addListener(jobsChanged);
        viewModel.jobs().jobs().forEach(job -> job.stateProperty().addListener(jobStateChanged));
        showJobs();
        for (Node jobWidget : List.of(jobTitle, jobProgress, cancelJob, moreJobs)) {
            jobWidget.managedProperty().bind(jobWidget.visibleProperty());
        }
        viewModel.errorProperty().addListener(errorChanged);
        viewModel.languageProperty().addListener(languageChanged);
        // free text that may not fit the header or status bar: the whole of it in a tooltip
        ClippedText.install(status);
        ClippedText.install(datasetSummary);
        ClippedText.install(selectionSummary);
    }

    /**
     * Another language was chosen: this frame and its views are built again with the new bundle in the same scene.
     * The view models (and so the session: dataset, model, parameters, user, results) stay; this frame lets go of
     * them first so it no longer reacts.
     */
    private void rebuild() {
        Scene scene = content.getScene();
        if (scene == null || scene.getRoot() != content.getParent()) {
            return;
        }
        dispose();
        scene.setRoot(load(viewModel));
    }

    private void dispose() {
        viewModel.sectionProperty().removeListener(sectionChanged);
        viewModel.jobs().jobs().removeListener(jobsChanged);
        viewModel.jobs().jobs().forEach(job -> job.stateProperty().removeListener(jobStateChanged));
        viewModel.errorProperty().removeListener(errorChanged);
        viewModel.languageProperty().removeListener(languageChanged);
        selectionSummary.textProperty().unbind();
        status.textProperty().unbind();
        datasetSummary.textProperty().unbind();
        jobTitle.textProperty().unbind();
        jobProgress.progressProperty().unbind();
        moreJobs.getItems().forEach(item -> item.textProperty().unbind());
    }

    private DatasetsView datasets() {
        if (datasetsView == null) {
            datasetsView = DatasetsView.create(viewModel.datasets());
        }
        return datasetsView;
    }

    private void buildMenus() {
        MenuItem importItem = item(I18n.t("menu.file.import"), "Shortcut+O", e -> openImport(null));
        MenuItem exportAll = item(I18n.t("menu.file.exportAll"), "Shortcut+E", e -> exportAll());
        MenuItem exportList = item(I18n.t("menu.file.exportList"), null, e -> exportList());
        MenuItem saveModel = item(I18n.t("menu.file.saveModel"), null, e -> saveModel());
        MenuItem openModel = item(I18n.t("menu.file.openModel"), null, e -> openModel());
        MenuItem quit = item(I18n.t("menu.file.quit"), "Shortcut+Q", e -> Platform.exit());
        Menu file = new Menu(I18n.t("menu.file"), null, importItem, new SeparatorMenuItem(), exportAll, exportList,
                new SeparatorMenuItem(), saveModel, openModel, new SeparatorMenuItem(), quit);
        Menu run = new Menu(I18n.t("menu.run"), null,
                item(I18n.t("menu.run.fit"), "Shortcut+R", e -> fit()),
                item(I18n.t("menu.run.score"), "Shortcut+Shift+R", e -> viewModel.tune().onScore()),
                // Esc itself is a filter on the scene (see installSceneHandlers)
                item(I18n.t("menu.run.cancel"), null, e -> viewModel.onCancelJob()));
        Menu view = new Menu(I18n.t("menu.view"));
        for (Section section : viewModel.sections()) {
            int n = section.ordinal() + 1;
            // the tenth section (Exercises) is Ctrl+0
            view.getItems().add(item(section.label(), "Shortcut+" + (n % 10), e -> viewModel.onShowSection(n)));
        }
        CheckMenuItem dark = new CheckMenuItem(I18n.t("menu.view.dark"));
        dark.selectedProperty().bindBidirectional(viewModel.darkProperty());
        view.getItems().addAll(new SeparatorMenuItem(), dark, new SeparatorMenuItem());
        // Language: English / 中文 — each language named in itself, so it can be found whatever is shown
        ToggleGroup languages = new ToggleGroup();
        for (Locale language : I18n.SUPPORTED) {
            RadioMenuItem choice = new RadioMenuItem(I18n.t("menu.view.language",
                    I18n.bundle(language).getString("app.languageName")));
            choice.setId("language-" + language.getLanguage());
            choice.setToggleGroup(languages);
            choice.setSelected(language.equals(I18n.locale()));
            choice.setOnAction(e -> viewModel.languageProperty().set(language));
            view.getItems().add(choice);
        }
        Menu help = new Menu(I18n.t("menu.help"));
        help.getItems().addAll(HelpDialogs.menuItems(this::owner, menuBar));
        help.getItems().addAll(new SeparatorMenuItem(),
                item(I18n.t("menu.help.about"), null, e -> About.show(owner())));
        menuBar.getMenus().setAll(file, run, view, help);
    }

    private static MenuItem item(String text, String accelerator,
                                 EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(action);
        return item;
    }

    private Window owner() {
        return content.getScene() == null ? null : content.getScene().getWindow();
    }

    /** F5 runs like Ctrl+R; a CSV dropped onto the window opens the import dialog on it. */
    private void installSceneHandlers(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                fit();
                e.consume();
            }
        });
        // A filter, not an accelerator: tables consume Esc (to cancel an edit) before accelerators see it. An open
        // drop-down keeps its Esc, and with no job running Esc goes where it always went.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && !dropDownOpen(scene.getFocusOwner())
                    && viewModel.onCancelJob()) {
                e.consume();
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                Path dropped = e.getDragboard().getFiles().get(0).toPath();
                Platform.runLater(() -> openImport(dropped));
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    private static boolean dropDownOpen(Node focused) {
        return focused instanceof ComboBoxBase<?> box && box.isShowing();
    }

    private void fit() {
        viewModel.sectionProperty().set(Section.TUNE);
        viewModel.tune().onFit();
    }

    private void openImport(Path file) {
        viewModel.sectionProperty().set(Section.DATASETS);
        datasets().openImport(file);
    }

    private void exportAll() {
        File target = saveAs(I18n.t("menu.file.exportAll.title"), "recommendations.csv");
        if (target != null) {
            var data = viewModel.session().dataProperty().get();
            new ExportOptionsDialog(owner(), viewModel.tune().listLengthProperty().get(),
                    data == null ? List.of() : Subsets.categories(data)).showAndWait()
                    .ifPresent(options -> viewModel.tune().onExportAll(target.toPath(), options));
        }
    }

    private void exportList() {
        File target = saveAs(I18n.t("menu.file.exportList.title"), "list.csv");
        if (target != null) {
            viewModel.tune().onExportList(target.toPath());
        }
    }

    private void saveModel() {
        var model = viewModel.session().modelProperty().get();
        File target = FileDialogs.saveModel(owner(), I18n.t("menu.file.saveModel.title"),
                (model == null ? "model" : model.algorithmId()) + ".rwbm");
        if (target != null) {
            viewModel.tune().onSaveModel(target.toPath());
        }
    }

    private void openModel() {
        File file = FileDialogs.openModel(owner(), I18n.t("menu.file.openModel.title"));
        if (file != null) {
            viewModel.tune().onOpenModel(file.toPath());
        }
    }

    private File saveAs(String title, String name) {
        return FileDialogs.saveCsv(owner(), title, name);
    }

    /** Each section's view, built the first time it is shown. */
    private Map<Section, Supplier<Node>> viewFactories() {
        Map<Section, Supplier<Node>> table = new EnumMap<>(Section.class);
        table.put(Section.DATASETS, () -> datasets().root());
        table.put(Section.EXPLORE, () -> ExploreView.load(viewModel.explore()));
        table.put(Section.TUNE, () -> TuneView.load(viewModel.tune()));
        table.put(Section.SIMILARITY, () -> SimilarityView.load(viewModel.similarity()));
        table.put(Section.FORMULAS, () -> FormulasView.create(viewModel.formulas()).root());
        table.put(Section.EVALUATE, () -> EvaluateView.load(viewModel.evaluate()));
        table.put(Section.COMPARE, () -> CompareView.load(viewModel.compare()));
        table.put(Section.STREAM, () -> StreamView.load(viewModel.stream()));
        table.put(Section.HISTORY, () -> HistoryView.load(viewModel.history()));
        table.put(Section.EXERCISES, () -> ExercisesView.load(viewModel.exercises()));
        return table;
    }

    private void show(Section section) {
        boolean built = views.containsKey(section);
        Node view = views.computeIfAbsent(section, s -> factories.get(s).get());
        viewModel.onSectionShown(section, !built);
        content.getChildren().setAll(view);
    }

    private void showJobs() {
        List<RunningJob> all = List.copyOf(viewModel.jobs().jobs());
        RunningJob shown = ShellViewModel.shownJob(all);
        boolean busy = shown != null;
        jobTitle.setVisible(busy);
        jobProgress.setVisible(busy);
        cancelJob.setVisible(busy);
        jobTitle.textProperty().unbind();
        jobProgress.progressProperty().unbind();
        if (busy) {
            jobTitle.textProperty().bind(Bindings.createStringBinding(() -> shown.messageProperty().get().isEmpty() ? shown.title()
                    : I18n.t("app.job.titleMessage", shown.title(), shown.messageProperty().get()),
                    shown.messageProperty()));
            jobProgress.progressProperty().bind(shown.progressProperty());
            cancelJob.setOnAction(e -> shown.cancel());
        } else {
            cancelJob.setOnAction(null);
        }
        List<RunningJob> others = all.stream().filter(job -> job != shown).toList();
        moreJobs.setVisible(!others.isEmpty());
        moreJobs.setText(I18n.t("app.job.more", String.valueOf(others.size())));
        moreJobs.getItems().clear();
        for (RunningJob other : others) {
            MenuItem cancel = new MenuItem();
            cancel.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("app.job.cancelOther",
                    other.title(), other.stateProperty().get().label()), other.stateProperty()));
            cancel.setOnAction(e -> other.cancel());
            moreJobs.getItems().add(cancel);
        }
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(I18n.t("app.title"));
        TextArea details = new TextArea(viewModel.errorDetails());
        details.setEditable(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setExpanded(false);
        alert.initOwner(content.getScene() == null ? null : content.getScene().getWindow());
        alert.show();
    }
}
