package org.recworkbench.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Whether the dark theme is on: formula images are drawn in the theme's ink. Set by the application. */
public final class Theme {

    private static final BooleanProperty DARK = new SimpleBooleanProperty(false);

    private Theme() {
    }

    public static BooleanProperty darkProperty() {
        return DARK;
    }
}
