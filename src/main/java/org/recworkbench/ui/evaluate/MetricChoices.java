package org.recworkbench.ui.evaluate;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.CheckComboBox;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.RankingMetric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Evaluate view's metric chooser: a check list of metric keys kept in step with the view model's comma-separated
 * text ({@code rmse,mae,ndcg@10}). Keys the text holds that are not offered (another cut-off, say ndcg@7) are added
 * to the list, so nothing the view model holds is lost.
 */
final class MetricChoices {

    private static final List<Integer> MAIN_CUTOFFS = List.of(5, 10, 20);
    private static final Set<String> EVERY_CUTOFF = Set.of("precision", "recall", "ndcg");

    private boolean updating;

    private MetricChoices() {
    }

    /** The metrics offered: rating metrics, ranking metrics at 10 (and 5, 20 for the common ones), AUC, beyond@10. */
    static List<String> offered() {
        List<String> keys = new ArrayList<>(MetricSpec.RATING);
        for (RankingMetric m : RankingMetric.values()) {
            for (int n : MAIN_CUTOFFS) {
                if (n == 10 || EVERY_CUTOFF.contains(m.label())) {
                    keys.add(m.label() + "@" + n);
                }
            }
        }
        keys.add("auc");
        for (String b : MetricSpec.BEYOND) {
            keys.add(b + "@10");
        }
        return keys;
    }

    /** The offered keys plus any other key in {@code text}. */
    static List<String> offered(String text) {
        LinkedHashSet<String> keys = new LinkedHashSet<>(offered());
        keys.addAll(keys(text));
        return List.copyOf(keys);
    }

    /** The valid metric keys in a comma-separated text, in its order (invalid parts are skipped). */
    static List<String> keys(String text) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split(",")) {
            String s = part.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            try {
                keys.add(MetricSpec.parse(s).key());
            } catch (IllegalArgumentException e) {
                // not a metric: left out of the check list
            }
        }
        return List.copyOf(keys);
    }

    /** The view model's text for the checked keys, in the list's order. */
    static String text(List<String> items, List<String> checked) {
        return String.join(",", items.stream().filter(checked::contains).toList());
    }

    /** Keeps the check list and the text in step, both ways, starting from the text. */
    static void bind(CheckComboBox<String> box, StringProperty metrics) {
        MetricChoices sync = new MetricChoices();
        // the checked keys run to 40 characters and more: the box names how many, its tooltip which
        box.titleProperty().bind(Bindings.createStringBinding(() -> title(keys(metrics.get()).size()), metrics));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> metrics.get().isBlank() ? I18n.t("evaluate.metrics.none")
                : metrics.get().replace(",", ", "), metrics));
        box.setTooltip(tip);
        sync.fromText(box, metrics.get());
        metrics.addListener((obs, old, now) -> sync.fromText(box, now));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            if (!sync.updating) {
                sync.updating = true;
                try {
                    metrics.set(text(box.getItems(), box.getCheckModel().getCheckedItems()));
                } finally {
                    sync.updating = false;
                }
            }
        });
    }

    static String title(int checked) {
        return checked == 0 ? I18n.t("evaluate.metrics.choose") : checked == 1 ? I18n.t("evaluate.metrics.one")
                : I18n.t("evaluate.metrics.count", String.valueOf(checked));
    }

    private void fromText(CheckComboBox<String> box, String text) {
        if (updating) {
            return;
        }
        updating = true;
        try {
            List<String> items = offered(text);
            if (!items.equals(box.getItems())) {
                box.getItems().setAll(items);
            }
            box.getCheckModel().clearChecks();
            for (String key : keys(text)) {
                box.getCheckModel().check(key);
            }
        } finally {
            updating = false;
        }
    }
}
