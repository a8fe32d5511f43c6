package org.recworkbench.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * A derivation as rendered formulas: one collapsible section per step with the general formula and the same formula
 * with this case's numbers and the value; copy the whole as LaTeX or as text. Formulas are drawn by JLaTeXMath off
 * the FX thread; until an image arrives (or if a formula does not parse) its text stands in.
 */
public final class DerivationPane extends VBox {

    private static final float FORMULA_SIZE = 17f;

    private final ObjectProperty<Derivation> derivation = new SimpleObjectProperty<>();
    private final Label title = new Label();
    private final VBox steps = new VBox(4);
    private final List<TitledPane> sections = new ArrayList<>();
    private int generation;

    public DerivationPane() {
        getStyleClass().add("derivation-pane");
        setSpacing(6);
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        Button expand = new Button(I18n.t("common.derivation.expand"));
        expand.setOnAction(e -> sections.forEach(s -> s.setExpanded(true)));
        Button collapse = new Button(I18n.t("common.derivation.collapse"));
        collapse.setOnAction(e -> sections.forEach(s -> s.setExpanded(false)));
        Button copyLatex = new Button(I18n.t("common.derivation.copyLatex"));
        copyLatex.setId("copyLatex");
        copyLatex.setOnAction(e -> copy(true));
        Button copyText = new Button(I18n.t("common.derivation.copyText"));
        copyText.setId("copyText");
        copyText.setOnAction(e -> copy(false));
        // the buttons wrap onto a second line in a narrow pane rather than shrinking to "…"
        FlowPane actions = new FlowPane(6, 6, expand, collapse, copyLatex, copyText);
        for (Button button : List.of(expand, collapse, copyLatex, copyText)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        actions.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        actions.disableProperty().bind(derivation.isNull());
        ScrollPane scroll = new ScrollPane(steps);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, actions, scroll);
        derivation.addListener((obs, old, now) -> show(now));
        Theme.darkProperty().addListener((obs, old, now) -> show(derivation.get()));
        show(null);
    }

    public ObjectProperty<Derivation> derivationProperty() {
        return derivation;
    }

    /** The derivation as text, exactly what "copy as text" puts on the clipboard. */
    public String text() {
        Derivation d = derivation.get();
        return d == null ? "" : d.toText();
    }

    public List<TitledPane> sections() {
        return List.copyOf(sections);
    }

    private void copy(boolean latex) {
        Derivation d = derivation.get();
        if (d != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(latex ? d.toLatex() : d.toText());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void show(Derivation d) {
        generation++;
        sections.clear();
        steps.getChildren().clear();
        if (d == null) {
            title.setText(I18n.t("common.derivation.nothing"));
            return;
        }
        title.setText(d.title());
        int number = 1;
        for (Step step : d.steps()) {
            String heading = number++ + ". " + step.title()
                    + (Double.isNaN(step.value()) ? "" : "  =  " + Latex.num(step.value()));
            VBox body = new VBox(6);
            body.setPadding(new Insets(4, 8, 8, 8));
            body.getChildren().add(formula(step.latex()));
            if (!step.substituted().isEmpty() || !Double.isNaN(step.value())) {
                // a substitution that names its own left-hand sides ("a = (…), b = (…)") needs no leading "="
                String sub = step.substituted();
                String numbers = (sub.isEmpty() ? "" : sub.contains("=") ? sub : "= " + sub)
                        + (Double.isNaN(step.value()) ? "" : " = " + Latex.num(step.value()));
                body.getChildren().add(formula(numbers));
            }
            TitledPane section = new TitledPane(heading, body);
            section.setExpanded(true);
            section.setAnimated(false);
            sections.add(section);
            steps.getChildren().add(section);
        }
    }

    /** The formula's text at once, replaced by its rendered image when that is ready. */
    private Node formula(String latex) {
        Label fallback = new Label(Latex.toPlain(latex));
        fallback.setWrapText(true);
        fallback.getStyleClass().add("formula-text");
        StackPane holder = new StackPane(fallback);
        holder.setAlignment(Pos.CENTER_LEFT);
        int requested = generation;
        FormulaImages.render(latex, FORMULA_SIZE, Theme.darkProperty().get(), image -> {
            if (image != null && requested == generation) {
                ImageView view = new ImageView(image);
                view.setUserData(latex);
                view.getStyleClass().add("formula-image");
                holder.getChildren().setAll(view);
            }
        });
        return holder;
    }
}
