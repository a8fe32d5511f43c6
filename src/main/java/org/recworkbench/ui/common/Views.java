package org.recworkbench.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads the FXML files (all under the {@code fxml/} resource folder) with a ready-made controller. */
public final class Views {

    private Views() {
    }

    public static Parent load(String fxml, Object controller) {
        URL location = Views.class.getResource("/" + fxml);
        if (location == null) {
            throw new IllegalStateException("Missing view " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(controller);
        loader.setResources(I18n.bundle());
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + fxml, e);
        }
    }
}
