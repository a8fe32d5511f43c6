package org.recworkbench.ui.common;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;

/** The save dialogs every CSV and PNG export uses. */
public final class FileDialogs {

    private FileDialogs() {
    }

    /** The file the user chose, or null when they cancelled. */
    public static File saveCsv(Window owner, String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return chooser.showSaveDialog(owner);
    }

    /** The PNG file the user chose, or null when they cancelled. */
    public static File savePng(Window owner, String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("common.file.png"), "*.png"));
        return chooser.showSaveDialog(owner);
    }

    /** The model file to write, or null when they cancelled. */
    public static File saveModel(Window owner, String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("common.file.model"), "*.rwbm"));
        return chooser.showSaveDialog(owner);
    }

    /** The model file to open, or null when they cancelled. */
    public static File openModel(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("common.file.model"), "*.rwbm"));
        return chooser.showOpenDialog(owner);
    }
}
