package org.recworkbench.ui.common;

import javafx.scene.Parent;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Chinese glyphs need a font that has them. When the window speaks Chinese its root asks for the first of the
 * common CJK fonts this machine has (JavaFX CSS takes one family, not a fallback list); with none installed the
 * platform's own fallback is left to find glyphs (on a bare Linux it may show boxes). Never a build requirement.
 */
public final class CjkFonts {

    /** In order of preference: Windows, macOS, Linux (Noto, Source Han, WenQuanYi). */
    public static final List<String> FAMILIES = List.of("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC", "SimHei");
    public static final String STYLE_CLASS = "lang-zh";

    private static volatile String found;

    private CjkFonts() {
    }

    /** The first of {@link #FAMILIES} installed here, or null. */
    public static String family() {
        if (found == null) {
            List<String> installed = Font.getFamilies();
            found = FAMILIES.stream().filter(installed::contains).findFirst().orElse("");
        }
        return found.isEmpty() ? null : found;
    }

    /** Marks {@code root} for the current language: Chinese gets the CJK font and the {@code lang-zh} class. */
    public static void apply(Parent root) {
        boolean chinese = "zh".equals(I18n.locale().getLanguage());
        root.getStyleClass().remove(STYLE_CLASS);
        if (chinese) {
            root.getStyleClass().add(STYLE_CLASS);
            String family = family();
            if (family != null) {
                root.setStyle("-fx-font-family: \"" + family + "\";");
            }
        } else {
            root.setStyle("");
        }
    }
}
