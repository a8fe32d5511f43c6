package org.recworkbench.ui.exercise;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.recworkbench.exercise.Difficulty;
import org.recworkbench.exercise.Exercise;
import org.recworkbench.exercise.ExerciseKind;
import org.recworkbench.exercise.InputTable;
import org.recworkbench.exercise.Marker;
import org.recworkbench.explain.Latex;
import org.recworkbench.ui.common.DerivationPane;
import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.Labels;
import org.recworkbench.ui.common.Views;

import java.io.File;
import java.util.List;
import java.util.Locale;

/** Thin view of {@link ExercisesViewModel}: choosers, the question with its tables, one row per step, the derivation. */
public final class ExercisesView {

    /** Chooses where a sheet and its answers go; tests and headless runs replace the file dialogs. */
    public interface SheetFiles {
        /** {html, answers-or-null}, or null when the user cancelled. */
        File[] choose(Window owner);
    }

    @FXML
    private ScrollPane questionScroll;
    @FXML
    private VBox questionBox;
    @FXML
    private ComboBox<ExerciseKind> kindBox;
    @FXML
    private ComboBox<Difficulty> difficultyBox;
    @FXML
    private TextField seedField;
    @FXML
    private TextField toleranceField;
    @FXML
    private Label questionLabel;
    @FXML
    private VBox tablesBox;
    @FXML
    private GridPane stepsGrid;
    @FXML
    private Button checkButton;
    @FXML
    private Button derivationButton;
    @FXML
    private Label hintLabel;
    @FXML
    private StackPane derivationHolder;
    @FXML
    private Label derivationPlaceholder;
    @FXML
    private TextField sheetSizeField;
    @FXML
    private Label messageLabel;

    private final ExercisesViewModel viewModel;
    private final DerivationPane derivation = new DerivationPane();
    private SheetFiles sheetFiles = ExercisesView::chooseWithDialogs;
    private Parent root;

    private ExercisesView(ExercisesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(ExercisesViewModel viewModel) {
        return create(viewModel).root;
    }

    public static ExercisesView create(ExercisesViewModel viewModel) {
        ExercisesView view = new ExercisesView(viewModel);
        view.root = Views.load("exercise/exercises.fxml", view);
        // lets a test (Monocle has no file dialogs) reach the view built by the shell and replace its dialogs
        view.root.getProperties().put(ExercisesView.class, view);
        return view;
    }

    public Parent root() {
        return root;
    }

    public void setSheetFiles(SheetFiles files) {
        this.sheetFiles = files;
    }

    @FXML
    private void initialize() {
        kindBox.getItems().setAll(ExerciseKind.values());
        kindBox.setConverter(Labels.of(k -> I18n.t("exercise.kind." + k.cliName())));
        kindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        difficultyBox.getItems().setAll(Difficulty.values());
        difficultyBox.setConverter(Labels.of(d -> I18n.t("exercise.difficulty." + d.cliName())));
        difficultyBox.valueProperty().bindBidirectional(viewModel.difficultyProperty());
        seedField.textProperty().bindBidirectional(viewModel.seedProperty());
        toleranceField.textProperty().bindBidirectional(viewModel.toleranceProperty());
        sheetSizeField.textProperty().bindBidirectional(viewModel.sheetSizeProperty());
        derivation.setId("exerciseDerivation");
        derivation.setVisible(false);
        derivationHolder.getChildren().add(derivation);
        questionLabel.setMinHeight(Region.USE_PREF_SIZE);
        questionLabel.setId("exerciseQuestion");
        hintLabel.setMinHeight(Region.USE_PREF_SIZE);
        hintLabel.setId("exerciseHint");
        hintLabel.textProperty().bind(viewModel.hintProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        checkButton.disableProperty().bind(viewModel.exerciseProperty().isNull());
        derivationButton.disableProperty().bind(viewModel.exerciseProperty().isNull());
        derivationButton.textProperty().bind(Bindings.createStringBinding(() -> I18n.t(
                viewModel.derivationProperty().get() == null ? "exercise.showDerivation" : "exercise.hideDerivation"),
                viewModel.derivationProperty()));
        viewModel.derivationProperty().addListener((obs, old, now) -> showDerivation());
        viewModel.exerciseProperty().addListener((obs, old, now) -> showExercise(now));
        showExercise(viewModel.exerciseProperty().get());
        showDerivation();
    }

    private void showDerivation() {
        var d = viewModel.derivationProperty().get();
        derivation.derivationProperty().set(d);
        derivation.setVisible(d != null);
        derivationPlaceholder.setVisible(d == null);
    }

    private void showExercise(Exercise e) {
        questionLabel.setText(e == null ? I18n.t("exercise.question.placeholder") : e.question());
        tablesBox.getChildren().clear();
        stepsGrid.getChildren().clear();
        if (e == null) {
            return;
        }
        for (InputTable t : e.tables()) {
            tablesBox.getChildren().addAll(caption(t.caption()), table(t));
        }
        Label heading = new Label(I18n.t("exercise.steps"));
        heading.getStyleClass().add("title-4");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        stepsGrid.add(heading, 0, 0, 4, 1);
        int r = 1;
        for (ExercisesViewModel.StepRow row : viewModel.rows()) {
            Label number = new Label(row.step().number() + ".");
            number.setMinWidth(Region.USE_PREF_SIZE);
            Label title = new Label(row.step().title() + "\n" + Latex.toPlain(row.step().formula()));
            title.setId("exerciseStepTitle" + row.step().number());
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            title.setMinWidth(0);
            title.setMaxWidth(Double.MAX_VALUE);
            TextField answer = new TextField();
            answer.setId("exerciseAnswer" + row.step().number());
            answer.setPromptText(I18n.t("exercise.answer.prompt"));
            answer.textProperty().bindBidirectional(row.answerProperty());
            answer.setOnAction(ev -> viewModel.onCheck());
            answer.focusedProperty().addListener((obs, was, now) -> {
                if (now) {
                    scrollIntoView(answer);
                }
            });
            Label mark = new Label();
            mark.setId("exerciseMark" + row.step().number());
            mark.setMinWidth(Region.USE_PREF_SIZE);
            mark.textProperty().bind(Bindings.createStringBinding(() -> markText(row.verdictProperty().get()),
                    row.verdictProperty()));
            mark.styleProperty().bind(Bindings.createStringBinding(() -> markStyle(row.verdictProperty().get()),
                    row.verdictProperty()));
            GridPane.setValignment(number, VPos.TOP);
            GridPane.setHgrow(title, Priority.ALWAYS);
            GridPane.setHalignment(mark, HPos.CENTER);
            stepsGrid.addRow(r++, number, title, answer, mark);
        }
    }

    private static String markText(Marker.Verdict verdict) {
        if (verdict == null) {
            return "";
        }
        return switch (verdict) {
            case RIGHT -> I18n.t("exercise.mark.right");
            case WRONG -> I18n.t("exercise.mark.wrong");
            case MISSING -> I18n.t("exercise.mark.missing");
        };
    }

    private static String markStyle(Marker.Verdict verdict) {
        if (verdict == null) {
            return "";
        }
        return switch (verdict) {
            case RIGHT -> "-fx-text-fill: -color-success-fg; -fx-font-weight: bold;";
            case WRONG -> "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;";
            case MISSING -> "-fx-text-fill: -color-fg-muted;";
        };
    }

    private static Label caption(String text) {
        Label caption = new Label(text);
        caption.getStyleClass().add("text-muted");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        return caption;
    }

    /** A small bordered grid of the input table; a missing value shows as "·". */
    private static GridPane table(InputTable t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("exercise-table");
        grid.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 1;");
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            for (int c = 0; c < row.size(); c++) {
                String text = row.get(c).isEmpty() ? "·" : row.get(c);
                Label cell = new Label(text);
                cell.setMinWidth(Region.USE_PREF_SIZE);
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setStyle("-fx-padding: 2 8 2 8; -fx-border-color: -color-border-default; -fx-border-width: 0 1 1 0;"
                        + (r == 0 || c == 0 ? " -fx-font-weight: bold;" : ""));
                GridPane.setHalignment(cell, c == 0 ? HPos.LEFT : HPos.CENTER);
                grid.add(cell, c, r);
            }
        }
        for (int c = 0; c < t.header().size(); c++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setMinWidth(Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(constraints);
        }
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        return grid;
    }

    @FXML
    private void onNewExercise() {
        viewModel.onNewExercise();
    }

    @FXML
    private void onCheck() {
        viewModel.onCheck();
    }

    @FXML
    private void onShowDerivation() {
        viewModel.onShowDerivation();
    }

    @FXML
    private void onExportSheet() {
        File[] files = sheetFiles.choose(root.getScene() == null ? null : root.getScene().getWindow());
        if (files != null && files[0] != null) {
            viewModel.onExportSheet(files[0].toPath(), files[1] == null ? null : files[1].toPath());
        }
    }

    private static File[] chooseWithDialogs(Window owner) {
        FileChooser html = new FileChooser();
        html.setTitle(I18n.t("exercise.saveSheet"));
        html.setInitialFileName("exercises.html");
        html.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        File sheet = html.showSaveDialog(owner);
        if (sheet == null) {
            return null;
        }
        FileChooser csv = new FileChooser();
        csv.setTitle(I18n.t("exercise.saveAnswers"));
        csv.setInitialDirectory(sheet.getParentFile());
        csv.setInitialFileName(sheet.getName().replaceAll("(?i)\\.html?$", "").toLowerCase(Locale.ROOT)
                + "-answers.csv");
        csv.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return new File[] {sheet, csv.showSaveDialog(owner)};
    }

    /** Tabbing to a step below the visible part scrolls it into sight (a ScrollPane does not by itself). */
    private void scrollIntoView(Node node) {
        double contentHeight = questionBox.getBoundsInLocal().getHeight();
        double viewport = questionScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds b = questionBox.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = questionScroll.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() < top) {
            questionScroll.setVvalue(b.getMinY() / (contentHeight - viewport));
        } else if (b.getMaxY() > top + viewport) {
            questionScroll.setVvalue((b.getMaxY() - viewport) / (contentHeight - viewport));
        }
    }
}
