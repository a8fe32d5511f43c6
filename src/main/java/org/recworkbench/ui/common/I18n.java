package org.recworkbench.ui.common;

import org.recworkbench.explain.Words;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The window's words: every text the UI shows comes from the {@code org.recworkbench.ui.messages} bundles
 * (English and Simplified Chinese). Numbers are formatted by the caller, always with dot decimals.
 */
public final class I18n {

    public static final String BUNDLE = "org.recworkbench.ui.messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private static volatile Locale locale = supported(Locale.getDefault());
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {
    }

    /** The supported language closest to {@code wanted}: Chinese for any zh locale, English otherwise. */
    public static Locale supported(Locale wanted) {
        return wanted != null && "zh".equals(wanted.getLanguage()) ? CHINESE : ENGLISH;
    }

    public static Locale locale() {
        return locale;
    }

    /** Switches the window's language, and the engine's words ({@link Words}) with it. */
    public static void setLocale(Locale wanted) {
        Locale chosen = supported(wanted);
        bundle = load(chosen);
        locale = chosen;
        Words.setLocale(chosen);
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    public static ResourceBundle bundle(Locale wanted) {
        return load(supported(wanted));
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} so a test (and a user) can see it. */
    public static String t(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Whether the bundle of the current language has {@code key}. */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The text for {@code key}, or {@code fallback} when the bundle does not know the key: for names that come from
     * the engine (algorithms, parameters, measures) added after the bundles were written.
     */
    public static String orElse(String key, String fallback) {
        return has(key) ? bundle.getString(key) : fallback;
    }

    /** The text for {@code key} with {@link MessageFormat} arguments; pass numbers already formatted as strings. */
    public static String t(String key, Object... args) {
        MessageFormat format = new MessageFormat(t(key), Locale.ROOT);
        return format.format(args);
    }

    private static ResourceBundle load(Locale chosen) {
        return ResourceBundle.getBundle(BUNDLE, chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
