package org.recworkbench.ui.shell;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;

/**
 * Every keyboard shortcut of the window, read from the menus as built (so the list cannot drift from them), plus
 * the keys the window handles outside the menus.
 */
final class KeyboardShortcuts {

    /** One shortcut: its keys as the platform writes them ("Ctrl+O"), what it does and where it lives. */
    record Shortcut(String keys, String action, String where) {
    }

    /** Keys handled by the scene, not by a menu item (Esc only when no menu item has it). */
    static List<Shortcut> outsideMenus() {
        String window = org.recworkbench.ui.common.I18n.t("app.help.window");
        return List.of(
                new Shortcut(display("F5"), org.recworkbench.ui.common.I18n.t("app.help.f5", display("Shortcut+R")),
                        window),
                new Shortcut(display("Esc"), org.recworkbench.ui.common.I18n.t("app.help.esc"), window));
    }

    private KeyboardShortcuts() {
    }

    /** The menu bar's accelerators in menu order (sub-menus included), then the keys outside the menus. */
    static List<Shortcut> of(MenuBar bar) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, menu.getText(), shortcuts);
        }
        for (Shortcut extra : outsideMenus()) {
            if (shortcuts.stream().noneMatch(s -> s.keys().equals(extra.keys()))) {
                shortcuts.add(extra);
            }
        }
        return shortcuts;
    }

    private static void collect(Menu menu, String where, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, where + " › " + sub.getText(), into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(keys(item.getAccelerator()), item.getText(), where));
            }
        }
    }

    private static String display(String combination) {
        return KeyCombination.keyCombination(combination).getDisplayText();
    }

    static String keys(KeyCombination accelerator) {
        return accelerator.getDisplayText();
    }
}
