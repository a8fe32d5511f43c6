package org.recworkbench.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.recworkbench.ui.common.Views;
import org.recworkbench.ui.datasets.DatasetsView;
import org.recworkbench.ui.history.HistoryView;
import org.recworkbench.ui.tune.TuneView;

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

    private final ShellViewModel viewModel;
    private Node datasetsView;
    private Node tuneView;
    private Node historyView;

    private ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ShellViewModel viewModel) {
        return Views.load("shell/ShellView.fxml", new ShellView(viewModel));
    }

    @FXML
    private void initialize() {
        navigation.getItems().setAll(viewModel.sections());
        navigation.getSelectionModel().select(viewModel.sectionProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.sectionProperty().set(now);
            }
        });
        viewModel.sectionProperty().addListener((obs, old, now) -> show(now));
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

    private void show(Section section) {
        if (section == Section.DATASETS) {
            if (datasetsView == null) {
                datasetsView = DatasetsView.load(viewModel.datasets());
            }
            content.getChildren().setAll(datasetsView);
        } else if (section == Section.TUNE) {
            if (tuneView == null) {
                tuneView = TuneView.load(viewModel.tune());
            }
            content.getChildren().setAll(tuneView);
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
        for (Task<?> queued : viewModel.jobs().running().subList(Math.min(1, waiting + 1),
                viewModel.jobs().running().size())) {
            MenuItem cancel = new MenuItem("Cancel: " + queued.getTitle());
            cancel.setOnAction(e -> queued.cancel());
            moreJobs.getItems().add(cancel);
        }
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("Recommender Workbench");
        alert.initOwner(content.getScene() == null ? null : content.getScene().getWindow());
        alert.show();
    }
}
