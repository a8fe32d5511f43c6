package org.recworkbench.ui;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so the launcher itself never loads a JavaFX class. */
public final class WindowLauncher {

    private WindowLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
