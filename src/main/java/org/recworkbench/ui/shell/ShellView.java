package org.recworkbench.ui.shell;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.recworkbench.ui.common.ExportNotifications;
import org.recworkbench.ui.common.FileDialogs;
import org.recworkbench.ui.common.Views;
import org.recworkbench.ui.compare.CompareView;
import org.recworkbench.ui.datasets.DatasetsView;
import org.recworkbench.ui.evaluate.EvaluateView;
import org.recworkbench.ui.explore.ExploreView;
import org.recworkbench.ui.formulas.FormulasView;
import org.recworkbench.ui.history.HistoryView;
import org.recworkbench.ui.heatmap.SimilarityView;
import org.recworkbench.ui.live.StreamView;
import org.recworkbench.ui.tune.TuneView;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

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
    private DatasetsView datasetsView;
    private Node tuneView;
    private Node historyView;
    private Node compareView;
    private Node exploreView;
    private Node similarityView;
    private FormulasView formulasView;
    private Node evaluateView;
    private Node streamView;

    private ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ShellViewModel viewModel) {
        return Views.load("shell/ShellView.fxml", new ShellView(viewModel));
    }

    @FXML
    private void initialize() {
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
        viewModel.sectionProperty().addListener((obs, old, now) -> {
            show(now);
            navigation.getSelectionModel().select(now);
        });
        show(viewModel.sectionProperty().get());
        status.textProperty().bind(viewModel.statusProperty());
        datasetSummary.textProperty().bind(viewModel.datasetSummary());
        viewModel.jobs().running().addListener((ListChangeListener<Task<?>>) change -> showFirstJob());
        showFirstJob();
        viewModel.errorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showError(now);
            }
        });
    }

    private DatasetsView datasets() {
        if (datasetsView == null) {
            datasetsView = DatasetsView.create(viewModel.datasets());
        }
        return datasetsView;
    }

    private void buildMenus() {
        MenuItem importItem = item("Import…", "Shortcut+O", e -> openImport(null));
        MenuItem exportAll = item("Export recommendations for all users…", "Shortcut+E", e -> exportAll());
        MenuItem exportList = item("Export the current list…", null, e -> exportList());
        MenuItem quit = item("Quit", "Shortcut+Q", e -> Platform.exit());
        Menu file = new Menu("File", null, importItem, new SeparatorMenuItem(), exportAll, exportList,
                new SeparatorMenuItem(), quit);
        Menu run = new Menu("Run", null,
                item("Fit the model", "Shortcut+R", e -> fit()),
                item("Score this setting", "Shortcut+Shift+R", e -> viewModel.tune().onScore()),
                item("Cancel the running job", "Esc", e -> viewModel.onCancelJob()));
        Menu view = new Menu("View");
        for (Section section : viewModel.sections()) {
            int n = section.ordinal() + 1;
            view.getItems().add(item(section.label(), "Shortcut+" + n, e -> viewModel.onShowSection(n)));
        }
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(viewModel.darkProperty());
        view.getItems().addAll(new SeparatorMenuItem(), dark);
        Menu help = new Menu("Help");
        help.getItems().addAll(HelpDialogs.menuItems(this::owner, menuBar));
        help.getItems().addAll(new SeparatorMenuItem(),
                item("About Recommender Workbench", null, e -> About.show(owner())));
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

    private void fit() {
        viewModel.sectionProperty().set(Section.TUNE);
        viewModel.tune().onFit();
    }

    private void openImport(Path file) {
        viewModel.sectionProperty().set(Section.DATASETS);
        datasets().openImport(file);
    }

    private void exportAll() {
        File target = saveAs("Export recommendations for all users", "recommendations.csv");
        if (target != null) {
            Alert explain = new Alert(Alert.AlertType.CONFIRMATION, "Add a column explaining each item? "
                    + "(slower: every item is explained)", ButtonType.YES,
                    ButtonType.NO);
            explain.initOwner(owner());
            boolean withExplanations = explain.showAndWait().filter(ButtonType.YES::equals)
                    .isPresent();
            viewModel.tune().onExportAll(target.toPath(), withExplanations);
        }
    }

    private void exportList() {
        File target = saveAs("Export the current list", "list.csv");
        if (target != null) {
            viewModel.tune().onExportList(target.toPath());
        }
    }

    private File saveAs(String title, String name) {
        return FileDialogs.saveCsv(owner(), title, name);
    }

    private void show(Section section) {
        viewModel.explore().setVisible(section == Section.EXPLORE);
        viewModel.similarity().setVisible(section == Section.SIMILARITY);
        if (section == Section.DATASETS) {
            content.getChildren().setAll(datasets().root());
        } else if (section == Section.TUNE) {
            if (tuneView == null) {
                tuneView = TuneView.load(viewModel.tune());
            }
            content.getChildren().setAll(tuneView);
        } else if (section == Section.EXPLORE) {
            if (exploreView == null) {
                exploreView = ExploreView.load(viewModel.explore());
            }
            content.getChildren().setAll(exploreView);
        } else if (section == Section.EVALUATE) {
            if (evaluateView == null) {
                evaluateView = EvaluateView.load(viewModel.evaluate());
            }
            content.getChildren().setAll(evaluateView);
        } else if (section == Section.FORMULAS) {
            if (formulasView == null) {
                formulasView = FormulasView.create(viewModel.formulas());
            }
            content.getChildren().setAll(formulasView.root());
        } else if (section == Section.SIMILARITY) {
            if (similarityView == null) {
                similarityView = SimilarityView.load(viewModel.similarity());
            }
            content.getChildren().setAll(similarityView);
        } else if (section == Section.COMPARE) {
            if (compareView == null) {
                compareView = CompareView.load(viewModel.compare());
            }
            content.getChildren().setAll(compareView);
        } else if (section == Section.STREAM) {
            if (streamView == null) {
                streamView = StreamView.load(viewModel.stream());
            }
            content.getChildren().setAll(streamView);
        } else if (section == Section.HISTORY) {
            if (historyView == null) {
                historyView = HistoryView.load(viewModel.history());
            } else {
                viewModel.history().onRefresh();
            }
            content.getChildren().setAll(historyView);
        } else {
            Label title = new Label(section.label());
            title.getStyleClass().add("title-2");
            Label text = new Label(section.comingSoon() + " Not built yet.");
            text.setWrapText(true);
            VBox placeholder = new VBox(12, title, text);
            placeholder.getStyleClass().add("placeholder");
            content.getChildren().setAll(placeholder);
        }
    }

    private void showFirstJob() {
        boolean busy = !viewModel.jobs().running().isEmpty();
        jobTitle.setVisible(busy);
        jobProgress.setVisible(busy);
        cancelJob.setVisible(busy);
        jobTitle.textProperty().unbind();
        jobProgress.progressProperty().unbind();
        if (busy) {
            Task<?> task = viewModel.jobs().running().get(0);
            jobTitle.textProperty().bind(Bindings.concat(task.titleProperty(), ": ", task.messageProperty()));
            jobProgress.progressProperty().bind(task.progressProperty());
            cancelJob.setOnAction(e -> task.cancel());
        }
        int waiting = Math.max(0, viewModel.jobs().running().size() - 1);
        moreJobs.setVisible(waiting > 0);
        moreJobs.setText(waiting + " waiting");
        moreJobs.getItems().clear();
        for (Task<?> queued : waiting == 0 ? List.<Task<?>>of()
                : List.copyOf(viewModel.jobs().running().subList(1, waiting + 1))) {
            MenuItem cancel = new MenuItem("Cancel: " + queued.getTitle());
            cancel.setOnAction(e -> queued.cancel());
            moreJobs.getItems().add(cancel);
        }
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("Recommender Workbench");
        TextArea details = new TextArea(viewModel.errorDetails());
        details.setEditable(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setExpanded(false);
        alert.initOwner(content.getScene() == null ? null : content.getScene().getWindow());
        alert.show();
    }
}
