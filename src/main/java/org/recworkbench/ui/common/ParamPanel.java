package org.recworkbench.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamType;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Latex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The parameter panel every view uses (Tune, Evaluate, Compare, Stream), generated from an algorithm's
 * {@link ParamSpec}s: a slider with a value field for numbers (log-scale where flagged), a choice box, a check box.
 * It shows the values it is given and reports the user's edits; it never keeps values of its own.
 */
public final class ParamPanel {

    private final VBox root = new VBox(10);
    private final ObservableValue<? extends Algorithm<?>> algorithm;
    private final ObservableValue<ParamValues> values;
    private final BiConsumer<String, Object> onEdit;
    private final String idPrefix;
    /** Per parameter: how to show a value set from elsewhere (reset, another view), without reporting it back. */
    private final Map<String, Consumer<Object>> showValue = new HashMap<>();
    private boolean updating;
    private Algorithm<?> built;
    private ParamValues shownValues;
    private List<String> builtNames = List.of();
    private Consumer<Boolean> onAdjusting = adjusting -> { };

    /**
     * @param idPrefix prefix of the controls' ids ("" in Tune: {@code slider-k}; "left-" in Compare:
     *                 {@code left-slider-k}), so tests and styles can find them
     */
    public ParamPanel(ObservableValue<? extends Algorithm<?>> algorithm, ObservableValue<ParamValues> values,
                      BiConsumer<String, Object> onEdit, String idPrefix) {
        this.algorithm = algorithm;
        this.values = values;
        this.onEdit = onEdit;
        this.idPrefix = idPrefix;
        root.getStyleClass().add("param-panel");
        root.setMinWidth(0);
        ChangeListener<Object> rebuild = (obs, old, now) -> refresh();
        algorithm.addListener(rebuild);
        values.addListener(rebuild);
        refresh();
    }

    public VBox root() {
        return root;
    }

    /** Told when a slider drag starts (true) and ends (false): the edits in between belong to one gesture. */
    public void setOnAdjusting(Consumer<Boolean> listener) {
        this.onAdjusting = listener;
    }

    private void refresh() {
        Algorithm<?> a = algorithm.getValue();
        ParamValues v = values.getValue();
        ParamValues shown = a == null ? null : v != null && v.ownSpecs().equals(a.params()) ? v : a.defaults();
        List<String> names = shown == null ? List.of() : shown.specs().stream().map(ParamSpec::name).toList();
        if (a != built || !names.equals(builtNames)) {
            build(a, shown, names);
        } else if (shown == v && v != null) {
            show(v);
        }
    }

    /**
     * One control per parameter; a component's parameters ({@code cf.k}) follow it in an indented group headed by
     * the component and the algorithm it chose, rebuilt when another algorithm is chosen.
     */
    private void build(Algorithm<?> a, ParamValues shown, List<String> names) {
        built = a;
        builtNames = names;
        root.getChildren().clear();
        showValue.clear();
        if (a == null) {
            return;
        }
        shownValues = shown;
        String group = "";
        for (ParamSpec spec : shown.specs()) {
            String prefix = spec.name().contains(".") ? spec.name().substring(0, spec.name().lastIndexOf('.')) : "";
            if (!prefix.isEmpty() && !prefix.equals(group)) {
                root.getChildren().add(groupHeader(shown, prefix));
            }
            group = prefix;
            Node control = control(spec, shown.asMap().get(spec.name()));
            if (!prefix.isEmpty()) {
                ((VBox) control).setPadding(new Insets(0, 0, 0, 12 * prefix.split("\\.").length));
                control.getStyleClass().add("param-nested");
            }
            root.getChildren().add(control);
        }
        if (shown.specs().isEmpty()) {
            root.getChildren().add(new Label(I18n.t("common.params.noneTitle")));
        }
    }

    /** "First component: item-knn", above the parameters of the algorithm a component chose. */
    private Label groupHeader(ParamValues shown, String prefix) {
        ParamSpec component = shown.spec(prefix);
        Label header = new Label(I18n.t("common.params.group", EngineText.paramLabel(owner(shown, prefix), component),
                shown.asMap().get(prefix)));
        header.setId(idPrefix + "group-" + id(prefix));
        header.getStyleClass().add("param-group");
        header.setWrapText(true);
        header.setPadding(new Insets(0, 0, 0, 12 * (prefix.split("\\.").length - 1)));
        return header;
    }

    /** A parameter name as it appears in control ids: a component's {@code cf.k} becomes {@code cf-k}. */
    static String id(String name) {
        return name.replace('.', '-');
    }

    private void show(ParamValues v) {
        updating = true;
        try {
            v.asMap().forEach((name, value) -> {
                Consumer<Object> show = showValue.get(name);
                if (show != null) {
                    show.accept(value);
                }
            });
        } finally {
            updating = false;
        }
    }

    private void edit(String name, Object value) {
        if (!updating) {
            onEdit.accept(name, value);
        }
    }

    /** The id of the algorithm that declares a parameter: the built one, or for {@code cf.k} the one {@code cf} chose. */
    private String owner(ParamValues shown, String name) {
        String prefix = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        return prefix.isEmpty() ? built.id() : String.valueOf(shown.asMap().get(prefix));
    }

    private Node control(ParamSpec spec, Object value) {
        String owner = owner(shownValues, spec.name());
        Label label = new Label(EngineText.paramLabel(owner, spec)
                + (spec.rescoreOnly() ? "  · " + I18n.t("common.params.live") : ""));
        label.setWrapText(true);
        label.setTooltip(new Tooltip(EngineText.paramHelp(owner, spec) + " (" + spec.name() + ": " + spec.allowed()
                + ")"));
        Node input = switch (spec.type()) {
            case INTEGER, REAL -> numeric(spec, value);
            case CHOICE -> choice(spec, value);
            case FLAG -> flag(spec, value);
        };
        VBox box = new VBox(3, label, input);
        box.setId(idPrefix + "param-" + id(spec.name()));
        return box;
    }

    private Node numeric(ParamSpec spec, Object value) {
        Slider slider = new Slider(0, ParamControl.TRACK, ParamControl.toTrack(spec, ((Number) value).doubleValue()));
        slider.setId(idPrefix + "slider-" + id(spec.name()));
        slider.setMinWidth(60);
        TextField field = new TextField(text(spec, value));
        field.setId(idPrefix + "field-" + id(spec.name()));
        field.setPrefColumnCount(6);
        field.setMinWidth(70);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueChangingProperty().addListener((obs, old, now) -> onAdjusting.accept(now));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (updating) {
                return;
            }
            double v = ParamControl.fromTrack(spec, now.doubleValue());
            Object typed = spec.type() == ParamType.INTEGER ? (Object) (int) Math.round(v) : (Object) v;
            field.setText(text(spec, typed));
            field.getStyleClass().remove("invalid");
            edit(spec.name(), typed);
        });
        field.setOnAction(e -> {
            try {
                Object typed = spec.parse(field.getText());
                field.getStyleClass().remove("invalid");
                field.setTooltip(null);
                edit(spec.name(), typed);
            } catch (InvalidInputException ex) {
                if (!field.getStyleClass().contains("invalid")) {
                    field.getStyleClass().add("invalid");
                }
                field.setTooltip(new Tooltip(ex.getMessage()));
            }
        });
        showValue.put(spec.name(), v -> {
            slider.setValue(ParamControl.toTrack(spec, ((Number) v).doubleValue()));
            field.setText(text(spec, v));
            field.getStyleClass().remove("invalid");
        });
        return new HBox(6, slider, field);
    }

    private Node choice(ParamSpec spec, Object value) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(idPrefix + "choice-" + id(spec.name()));
        box.getItems().setAll(spec.choices());
        box.setValue((String) value);
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                edit(spec.name(), now);
            }
        });
        showValue.put(spec.name(), v -> box.setValue((String) v));
        return box;
    }

    private Node flag(ParamSpec spec, Object value) {
        CheckBox box = new CheckBox(EngineText.paramHelp(owner(shownValues, spec.name()), spec));
        box.setId(idPrefix + "flag-" + id(spec.name()));
        box.setWrapText(true);
        box.setSelected((Boolean) value);
        box.selectedProperty().addListener((obs, old, now) -> edit(spec.name(), now));
        showValue.put(spec.name(), v -> box.setSelected((Boolean) v));
        return box;
    }

    static String text(ParamSpec spec, Object value) {
        return spec.type() == ParamType.INTEGER ? String.valueOf(((Number) value).intValue())
                : Latex.num(((Number) value).doubleValue());
    }
}
