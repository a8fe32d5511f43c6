package org.recworkbench.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import org.recworkbench.ui.common.I18nBundlesTest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds text on screen that a Chinese window should not show: an English bundle value (or a filled-in English
 * pattern) of a key whose Chinese differs, and a missing key ({@code !key!}). Data — names, ids, numbers — passes.
 */
final class UntranslatedText {

    private static final Pattern MISSING = Pattern.compile("!([A-Za-z][A-Za-z0-9_.\\-]*\\.[A-Za-z0-9_.\\-]+)!");
    private final Map<String, String> plain = new LinkedHashMap<>();
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();
    /** Every text seen: text → where it was first seen. */
    private final Map<String, String> seen = new LinkedHashMap<>();

    UntranslatedText() throws IOException {
        Map<String, String> en = I18nBundlesTest.english().entries();
        Map<String, String> zh = I18nBundlesTest.chinese().entries();
        en.forEach((key, english) -> {
            if (english.equals(zh.get(key))) {
                return;
            }
            if (english.matches("(?s).*\\{\\d+}.*")) {
                String literal = english.replaceAll("\\{\\d+}", " ");
                // a pattern with no word of its own ("{0}: {1}") would match any data; it is left out
                if (literal.matches("(?s).*[A-Za-z]{3,}.*")) {
                    patterns.put(key, toRegex(english));
                }
            } else {
                plain.put(english.strip(), key);
            }
        });
    }

    private static Pattern toRegex(String messageFormat) {
        String text = messageFormat.replace("''", "'");
        String[] parts = text.split("\\{\\d+}", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append("(?s).*?");
            }
            b.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(b.toString());
    }

    /** Collects every text under {@code root} and of the menu bar (call on the FX thread). */
    void collect(Parent root, String where) {
        visit(root, where);
    }

    private void add(String text, String where) {
        if (text != null && !text.isBlank()) {
            seen.putIfAbsent(text.strip(), where);
        }
    }

    private void visit(Node node, String where) {
        if (node instanceof org.recworkbench.ui.common.DerivationPane pane) {
            // the derivation's title and step titles are the engine's (English) output; its buttons are chrome
            pane.lookupAll(".button").forEach(b -> add(((Labeled) b).getText(), where));
            return;
        }
        if (node instanceof Labeled l) {
            add(l.getText(), where);
            tooltip(l.getTooltip(), where);
        }
        if (node instanceof Control c) {
            tooltip(c.getTooltip(), where);
            if (c.getContextMenu() != null) {
                c.getContextMenu().getItems().forEach(i -> item(i, where));
            }
        }
        if (node instanceof TextInputControl t) {
            add(t.getPromptText(), where);
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add(tab.getText(), where);
                if (tab.getContent() instanceof Parent content) {
                    visit(content, where);
                }
            }
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(c -> column(c, where));
            if (table.getPlaceholder() != null) {
                visit(table.getPlaceholder(), where);
            }
        }
        if (node instanceof javafx.scene.control.ListView<?> list && list.getPlaceholder() != null) {
            visit(list.getPlaceholder(), where);
        }
        if (node instanceof Chart chart) {
            add(chart.getTitle(), where);
            if (chart instanceof XYChart<?, ?> xy) {
                axis(xy.getXAxis(), where);
                axis(xy.getYAxis(), where);
                xy.getData().forEach(s -> add(s.getName(), where));
            }
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> item(m, where));
        }
        if (node instanceof javafx.scene.control.MenuButton button) {
            button.getItems().forEach(i -> item(i, where));
        }
        Tooltip installed = (Tooltip) node.getProperties().get("javafx.scene.control.Tooltip");
        tooltip(installed, where);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, where);
            }
        }
    }

    private void axis(Axis<?> axis, String where) {
        add(axis.getLabel(), where);
    }

    private void column(TableColumn<?, ?> column, String where) {
        add(column.getText(), where);
        column.getColumns().forEach(c -> column(c, where));
    }

    private void tooltip(Tooltip tip, String where) {
        if (tip != null) {
            add(tip.getText(), where);
        }
    }

    private void item(MenuItem item, String where) {
        add(item.getText(), where);
        if (item instanceof Menu menu) {
            menu.getItems().forEach(i -> item(i, where));
        }
    }

    int seenCount() {
        return seen.size();
    }

    /** "where: text (key)" for every untranslated or missing text collected so far. */
    List<String> offences() {
        List<String> found = new ArrayList<>();
        seen.forEach((text, where) -> {
            var missing = MISSING.matcher(text);
            if (missing.find()) {
                found.add(where + ": missing key " + missing.group(1) + " in \"" + text + "\"");
                return;
            }
            String key = plain.get(text);
            if (key != null) {
                found.add(where + ": \"" + text + "\" is the English of " + key);
                return;
            }
            for (var p : patterns.entrySet()) {
                if (p.getValue().matcher(text).matches()) {
                    found.add(where + ": \"" + text + "\" is English, from " + p.getKey());
                    return;
                }
            }
        });
        return found;
    }
}
