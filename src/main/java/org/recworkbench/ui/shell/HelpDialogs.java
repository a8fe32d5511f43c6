package org.recworkbench.ui.shell;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.recworkbench.ui.common.DesktopLinks;
import org.recworkbench.ui.common.I18n;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Help menu's items: the keyboard shortcuts, a getting-started guide and links into the README. */
final class HelpDialogs {

    static final String SHORTCUTS_ACCELERATOR = "Shortcut+Slash";
    static final String GETTING_STARTED_ACCELERATOR = "F1";

    private HelpDialogs() {
    }

    /** The items placed above "About" in the Help menu; the shortcuts are read from {@code bar} when shown. */
    static List<MenuItem> menuItems(Supplier<Window> owner, MenuBar bar) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem shortcuts = new MenuItem(I18n.t("app.help.shortcuts"));
        shortcuts.setId("helpShortcuts");
        shortcuts.setAccelerator(KeyCombination.keyCombination(SHORTCUTS_ACCELERATOR));
        shortcuts.setOnAction(e -> showShortcuts(owner.get(), bar));
        MenuItem started = new MenuItem(I18n.t("app.help.gettingStarted"));
        started.setId("helpGettingStarted");
        started.setAccelerator(KeyCombination.keyCombination(GETTING_STARTED_ACCELERATOR));
        started.setOnAction(e -> showGettingStarted(owner.get()));
        Menu readme = new Menu("README");
        readme.setId("helpReadme");
        for (String heading : ReadmeLinks.SECTIONS) {
            MenuItem section = new MenuItem(ReadmeLinks.label(heading));
            section.setOnAction(e -> openReadme(owner.get(), heading));
            readme.getItems().add(section);
        }
        items.add(shortcuts);
        items.add(started);
        items.add(readme);
        return items;
    }

    /** A table of every accelerator of the menus as built, and the keys handled outside them. */
    static Dialog<ButtonType> showShortcuts(Window owner, MenuBar bar) {
        TableView<KeyboardShortcuts.Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        table.getColumns().setAll(List.of(
                column(I18n.t("app.help.keys"), KeyboardShortcuts.Shortcut::keys, 130),
                column(I18n.t("app.help.does"), KeyboardShortcuts.Shortcut::action, 330),
                column(I18n.t("app.help.menu"), KeyboardShortcuts.Shortcut::where, 90)));
        table.getItems().setAll(KeyboardShortcuts.of(bar));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(580, 420);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(I18n.t("app.help.shortcuts"));
        dialog.setHeaderText(I18n.t("app.help.shortcuts"));
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    private static TableColumn<KeyboardShortcuts.Shortcut, String> column(String title,
            Function<KeyboardShortcuts.Shortcut, String> value, double width) {
        TableColumn<KeyboardShortcuts.Shortcut, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** The four steps from data to an exported list, with the buttons and menus they use. */
    static String gettingStarted() {
        return I18n.t("app.help.gettingStarted.text", section(Section.DATASETS), keys("Shortcut+O"),
                section(Section.TUNE), keys("Shortcut+R"), keys("Shortcut+Shift+R"), section(Section.EVALUATE),
                section(Section.HISTORY), keys("Shortcut+E"));
    }

    /** The English text of {@link #gettingStarted()} as it was before the bundles (kept for reference). */
    static String gettingStartedEnglish() {
        return """
                1. Import a dataset. In Datasets (%s) press Import… (%s) or drop a CSV file on the window, choose \
                the format and, for a generic CSV, the delimiter, the header and which column holds the user, item, \
                rating and time; the preview shows the first rows as they will be read. No data at hand? \
                Generate… makes a synthetic dataset. The bundled samples (teaching-shop, online-retail-sample) are \
                imported on the first start.

                2. Tune an algorithm. In Tune & Recommend (%s) choose an algorithm and press Fit (%s or F5). \
                Live parameters — kNN's k, the hybrid's α, MMR's λ — re-score the top N as the slider moves, \
                without a refit: green rows moved up, red down, blue are new. Pick a user (list, search, Random, \
                New user…) and click an item to see why it is there.

                3. Evaluate. Score this setting (%s) runs a quick holdout (RMSE, NDCG@10). For more, open \
                Evaluate (%s): choose the split and tick the metrics, then Run experiment, Run sweep \
                (e.g. k=5,10,20,40) or Compare algorithms; charts show 95 %% intervals. Every run is kept in \
                History (%s), where two runs can be compared with significance tests.

                4. Export. File › Export recommendations for all users… (%s) writes every user's top N as CSV, \
                Export the current list… the list on screen; History has Export CSV… and Per-user CSV…, \
                Similarity has Export PNG… and Export CSV…, and a right-click on any chart exports it. A pop-up \
                says how many rows were written, with Open folder.
                """.formatted(section(Section.DATASETS), keys("Shortcut+O"), section(Section.TUNE),
                keys("Shortcut+R"), keys("Shortcut+Shift+R"), section(Section.EVALUATE), section(Section.HISTORY),
                keys("Shortcut+E"));
    }

    private static String section(Section s) {
        return keys("Shortcut+" + (s.ordinal() + 1));
    }

    private static String keys(String combination) {
        return KeyCombination.keyCombination(combination).getDisplayText();
    }

    static Alert showGettingStarted(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(I18n.t("app.help.gettingStarted"));
        alert.setHeaderText(I18n.t("app.help.gettingStarted.header"));
        TextArea text = new TextArea(gettingStarted());
        text.setId("gettingStartedText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(20);
        text.setPrefColumnCount(72);
        alert.getDialogPane().setContent(text);
        alert.setResizable(true);
        alert.show();
        return alert;
    }

    /**
     * Opens a README section with the desktop; where nothing can open it, the link is copied to the clipboard and
     * shown; where no README is found, the path it was expected at is shown.
     */
    static void openReadme(Window owner, String heading) {
        Path readme = ReadmeLinks.readme();
        if (readme == null) {
            inform(owner, I18n.t("app.readme.notFound"), I18n.t("app.readme.notFound.text") + "\n" + String.join("\n", ReadmeLinks.candidates().stream()
                    .map(Path::toString).toList()));
            return;
        }
        URI link = ReadmeLinks.link(readme, heading);
        if (!DesktopLinks.open(link)) {
            DesktopLinks.copy(link.toString());
            inform(owner, "README: " + ReadmeLinks.label(heading), I18n.t("app.readme.copied", link,
                    ReadmeLinks.label(heading), readme));
        }
    }

    private static void inform(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("README");
        alert.setHeaderText(header);
        Label body = new Label(text);
        body.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(body));
        alert.show();
    }
}
