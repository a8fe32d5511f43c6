package org.recworkbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.ParamValues;

import java.util.function.BiConsumer;

/**
 * A compact way to show the {@link ParamPanel} where there is no room for a column of sliders (Evaluate, Compare,
 * Stream): a button naming the values that differ from the defaults, opening a ControlsFX {@link PopOver} with
 * the panel and a reset.
 */
public final class ParamsPopOver {

    private ParamsPopOver() {
    }

    /** Makes {@code button} show and edit the parameters of whichever algorithm {@code algorithm} names. */
    public static void attach(Button button, ObservableValue<? extends Algorithm<?>> algorithm,
                              ObservableValue<ParamValues> values, BiConsumer<String, Object> onEdit,
                              String idPrefix) {
        ParamPanel panel = new ParamPanel(algorithm, values, onEdit, idPrefix);
        Button reset = new Button(I18n.t("common.resetDefaults"));
        reset.setId(idPrefix + "resetParams");
        reset.setOnAction(e -> {
            Algorithm<?> a = algorithm.getValue();
            if (a != null) {
                a.defaults().asMap().forEach(onEdit);
            }
        });
        ScrollPane scroll = new ScrollPane(panel.root());
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(320);
        scroll.setMaxHeight(460);
        VBox content = new VBox(8, scroll, reset);
        content.setPadding(new Insets(10));
        content.setPrefWidth(360);
        PopOver popOver = new PopOver(content);
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
        popOver.setDetachable(false);
        popOver.setAutoHide(true);
        button.setOnAction(e -> {
            if (popOver.isShowing()) {
                popOver.hide();
            } else {
                popOver.setTitle(algorithm.getValue() == null ? "" : algorithm.getValue().id());
                popOver.show(button);
            }
        });
        button.textProperty().bind(Bindings.createStringBinding(() -> summary(algorithm.getValue(),
                values.getValue()), algorithm, values));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> full(values.getValue()), values));
        button.setTooltip(tip);
    }

    /** "k=100, normalise=z-score" for the values that differ from the defaults; "defaults" when none do. */
    static String summary(Algorithm<?> a, ParamValues v) {
        if (a == null || v == null) {
            return "";
        }
        if (a.params().isEmpty()) {
            return I18n.t("common.params.none");
        }
        String changed = v.changed(false);
        return (changed.isEmpty() ? I18n.t("common.params.defaults") : changed) + " …";
    }

    private static String full(ParamValues v) {
        if (v == null || v.asMap().isEmpty()) {
            return I18n.t("common.params.noneTitle");
        }
        StringBuilder b = new StringBuilder(I18n.t("common.params.clickToChange") + " ");
        v.asMap().forEach((name, value) -> b.append(name).append('=').append(text(v, name, value)).append("  "));
        return b.toString().strip();
    }

    private static String text(ParamValues v, String name, Object value) {
        return value instanceof Number ? ParamPanel.text(v.spec(name), value) : String.valueOf(value);
    }
}
