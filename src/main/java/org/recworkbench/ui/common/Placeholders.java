package org.recworkbench.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/**
 * The text an empty table or list shows. It wraps and may shrink: a one-line placeholder is as wide as its text,
 * and an empty table then refuses to be narrower, which pushed the Stream view past a 1024 px window before any
 * replay had started.
 */
public final class Placeholders {

    private Placeholders() {
    }

    public static Label of(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setMinWidth(0);
        // room for the wrapped lines: with its preferred (one-line) height the text is cut instead of wrapped
        label.setMaxHeight(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setPadding(new Insets(8));
        return label;
    }
}
