package org.recworkbench.ui.formulas;

import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.ui.common.ClippedText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import org.recworkbench.examples.Comparison;
import org.recworkbench.examples.Comparison;
import org.recworkbench.examples.ExampleResult;
import org.recworkbench.examples.GalleryTally;
import org.recworkbench.examples.PrintedValue;
import org.recworkbench.explain.Latex;
import org.recworkbench.ui.common.DerivationPane;
import org.recworkbench.ui.common.Views;

import java.util.function.Function;

/** The seed articles' examples: the list, and for the chosen one the printed and correct values and the work. */
public final class GalleryView {

    @FXML
    private TableView<ExampleResult> exampleTable;
    @FXML
    private TableColumn<ExampleResult, String> agreesColumn;
    @FXML
    private TableColumn<ExampleResult, String> idColumn;
    @FXML
    private TableColumn<ExampleResult, String> printedColumn;
    @FXML
    private TableColumn<ExampleResult, String> computedColumn;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label titleLabel;
    @FXML
    private Label verdictLabel;
    @FXML
    private Label noteLabel;
    @FXML
    private TextArea quoteArea;
    @FXML
    private TableView<Comparison> checkTable;
    @FXML
    private TableColumn<Comparison, String> keyColumn;
    @FXML
    private TableColumn<Comparison, String> printedTextColumn;
    @FXML
    private TableColumn<Comparison, String> computedValueColumn;
    @FXML
    private TableColumn<Comparison, String> checkColumn;
    @FXML
    private StackPane derivationHolder;

    private final FormulasViewModel viewModel;
    private final DerivationPane derivation = new DerivationPane();

    private GalleryView(FormulasViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(FormulasViewModel viewModel) {
        return Views.load("formulas/GalleryView.fxml", new GalleryView(viewModel));
    }

    @FXML
    private void initialize() {
        derivation.setId("galleryDerivation");
        derivationHolder.getChildren().add(derivation);
        // the article's words are Chinese whatever the window's language
        String cjk = org.recworkbench.ui.common.CjkFonts.family();
        if (cjk != null) {
            quoteArea.setStyle("-fx-font-family: \"" + cjk + "\";");
        }
        exampleTable.setItems(viewModel.examples());
        exampleTable.setPlaceholder(Placeholders.of(I18n.t("gallery.computing")));
        column(agreesColumn, GalleryView::mark);
        column(idColumn, ExampleResult::id);
        column(printedColumn, r -> r.printedResult().map(GalleryView::printedText)
                .orElse(I18n.t("gallery.notPrinted")));
        column(computedColumn, r -> Comparison.text(r.computedResult()));
        exampleTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ExampleResult item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("disagrees"),
                        !empty && item != null && !item.agrees());
            }
        });
        exampleTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.exampleProperty().set(now);
            }
        });
        viewModel.exampleProperty().addListener((obs, old, now) -> show(now));
        viewModel.examples().addListener((ListChangeListener<ExampleResult>) c -> {
            GalleryTally t = GalleryTally.of(viewModel.examples());
            summaryLabel.setText(I18n.t("gallery.summary", String.valueOf(t.printFinalValue()),
                    String.valueOf(t.wrongFinalValue()), String.valueOf(t.withSlip()), String.valueOf(t.examples())));
        });
        checkTable.setPlaceholder(Placeholders.of(I18n.t("gallery.noNumber")));
        keyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        printedTextColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(printedText(c.getValue().printed())));
        computedValueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().computedText()));
        checkColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().agrees() ? "✓" : "✗"));
        show(viewModel.exampleProperty().get());
        exampleTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        checkTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ClippedText.install(exampleTable);
        ClippedText.install(checkTable);
    }

    static String mark(ExampleResult r) {
        return switch (r.verdict()) {
            case RIGHT -> "✓";
            case WRONG_RESULT -> "✗";
            case WRONG_STEPS -> "△";
        };
    }

    private static String printedText(PrintedValue p) {
        return p.evaluatedByGallery() ? I18n.t("gallery.byGallery", p.text()) : p.text();
    }

    /** The verdict in words: which of the three it is, with the final value and the wrong steps where they exist. */
    static String verdictText(ExampleResult r) {
        String correct = Comparison.text(r.computedResult());
        String printed = r.printedResult().map(GalleryView::printedText).orElse(I18n.t("gallery.nothing"));
        String steps = r.wrongSteps().stream().map(c -> I18n.t("gallery.wrongStep", c.key(), printedText(c.printed()),
                c.computedText())).collect(java.util.stream.Collectors.joining("; "));
        return switch (r.verdict()) {
            case RIGHT -> I18n.t("gallery.verdict.agrees", printed, correct);
            case WRONG_RESULT -> I18n.t("gallery.verdict.wrong", printed, correct);
            case WRONG_STEPS -> r.printsFinalValue()
                    ? I18n.t("gallery.verdict.rightResultWrongSteps", printed, correct,
                            String.valueOf(r.wrongSteps().size()), steps)
                    : r.printedResult().isPresent() && r.printedResult().get().evaluatedByGallery()
                    ? I18n.t("gallery.verdict.galleryEvaluation", printed, correct)
                    : I18n.t("gallery.verdict.notPrintedWrongSteps", correct, steps);
        };
    }

    private static void column(TableColumn<ExampleResult, String> column, Function<ExampleResult, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /**
     * The article's own words as a reader sees them: "⏎" (a line break in the article) becomes a new line; the LaTeX
     * between $…$ stays as written.
     */
    static String quoteText(String quote) {
        return quote.replaceAll("\\s*⏎\\s*", "\n").strip();
    }

    private void show(ExampleResult r) {
        if (r == null) {
            titleLabel.setText("");
            verdictLabel.setText("");
            noteLabel.setText("");
            quoteArea.clear();
            checkTable.getItems().clear();
            derivation.derivationProperty().set(null);
            return;
        }
        if (exampleTable.getSelectionModel().getSelectedItem() != r) {
            exampleTable.getSelectionModel().select(r);
        }
        titleLabel.setText(I18n.t("gallery.title", r.example().article(), r.example().title()));
        verdictLabel.setText(verdictText(r));
        verdictLabel.getStyleClass().removeAll("success", "danger", "warning");
        verdictLabel.getStyleClass().add(switch (r.verdict()) {
            case RIGHT -> "success";
            case WRONG_RESULT -> "danger";
            case WRONG_STEPS -> "warning";
        });
        noteLabel.setText(r.note());
        quoteArea.setText(quoteText(r.example().quote()) + "\n\n" + I18n.t("gallery.aroundLine",
                r.example().lineHint()));
        checkTable.getItems().setAll(r.comparisons());
        derivation.derivationProperty().set(r.derivation());
    }
}
