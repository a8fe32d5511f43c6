package org.recworkbench.ui.tune;

import org.recworkbench.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.recworkbench.export.ListFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * What "Export recommendations for all users" writes: N per user, an explanation column, items the user already
 * has (repeat purchases), one category only.
 */
public final class ExportOptionsDialog extends Dialog<ExportOptionsDialog.Options> {

    /** The choices, as the export takes them. */
    public record Options(int n, boolean explain, ListFilter filter) {
    }

    /** The category choice that means "every category", in the window's language. */
    static String anyCategory() {
        return I18n.t("tune.export.anyCategory");
    }

    private final Spinner<Integer> n;
    private final CheckBox explain = new CheckBox(I18n.t("tune.export.explain"));
    private final CheckBox includeSeen = new CheckBox(I18n.t("tune.export.includeSeen"));
    private final ComboBox<String> category = new ComboBox<>();

    /**
     * @param categories the dataset's categories (empty when it has none: the chooser is then hidden)
     */
    public ExportOptionsDialog(Window owner, int listLength, List<String> categories) {
        initOwner(owner);
        setTitle(I18n.t("menu.file.exportAll.title"));
        setHeaderText(I18n.t("tune.export.header"));
        n = new Spinner<>(1, 1000, listLength);
        n.setEditable(true);
        n.setId("exportN");
        explain.setId("exportExplain");
        includeSeen.setId("exportIncludeSeen");
        category.setId("exportCategory");
        List<String> choices = new ArrayList<>(List.of(anyCategory()));
        choices.addAll(categories);
        category.getItems().setAll(choices);
        category.setValue(anyCategory());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label(I18n.t("tune.export.n")), n);
        grid.add(explain, 0, 1, 2, 1);
        grid.add(includeSeen, 0, 2, 2, 1);
        if (!categories.isEmpty()) {
            grid.addRow(3, new Label(I18n.t("tune.export.category")), category);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? options() : null);
    }

    Options options() {
        String c = category.getValue();
        return new Options(n.getValue(), explain.isSelected(), new ListFilter(includeSeen.isSelected(),
                c == null || c.equals(anyCategory()) ? null : c));
    }
}
