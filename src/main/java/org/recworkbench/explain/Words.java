package org.recworkbench.explain;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The engine's words: step titles of derivations, exercise questions, table captions and hints, in English or
 * Simplified Chinese ({@code org.recworkbench.explain.words} bundles). The engine speaks English unless told
 * otherwise, whatever the system locale, so the command line always prints English; the window passes its language
 * on with {@link #setLocale}. Numbers are formatted by the caller (with {@link Latex#num}), so every argument is a
 * string and formats identically in both languages.
 */
public final class Words {

    public static final String BUNDLE = "org.recworkbench.explain.words";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private static volatile Locale locale = ENGLISH;
    private static volatile ResourceBundle bundle = load(ENGLISH);

    private Words() {
    }

    /** Chinese for any zh locale, English for everything else (and null). */
    public static Locale supported(Locale wanted) {
        return wanted != null && "zh".equals(wanted.getLanguage()) ? CHINESE : ENGLISH;
    }

    public static Locale locale() {
        return locale;
    }

    public static boolean chinese() {
        return locale == CHINESE;
    }

    /** Switches the language of everything the engine words from now on (derivations already made keep theirs). */
    public static void setLocale(Locale wanted) {
        Locale chosen = supported(wanted);
        bundle = load(chosen);
        locale = chosen;
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} so a test (and a user) can see it. */
    public static String t(String key) {
        return text(bundle, key);
    }

    /** Whether the bundles know {@code key}: for names the engine makes up as it goes (contribution kinds). */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key} with {@link MessageFormat} arguments (pass numbers already formatted). */
    public static String t(String key, Object... args) {
        return format(bundle, key, args);
    }

    /** The text for {@code key} in the given language, whatever the engine's language is. */
    public static String in(Locale language, String key, Object... args) {
        ResourceBundle b = load(supported(language));
        return args.length == 0 ? text(b, key) : format(b, key, args);
    }

    /**
     * A step title not yet put into words: the key names the step whatever the language (hints are chosen by it),
     * the text is looked up only when a derivation is really recorded.
     */
    public static Phrase phrase(String key, Object... args) {
        return new Phrase(key, args);
    }

    /** A bundle key with its arguments. */
    public record Phrase(String key, Object[] args) {

        public Phrase {
            Objects.requireNonNull(key, "key");
            args = args == null ? new Object[0] : args.clone();
        }

        /** The words in the engine's current language. */
        public String text() {
            return args.length == 0 ? t(key) : t(key, args);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Phrase p && p.key.equals(key) && Arrays.equals(p.args, args);
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + Arrays.hashCode(args);
        }

        @Override
        public String toString() {
            return key + Arrays.toString(args);
        }
    }

    private static String text(ResourceBundle b, String key) {
        try {
            return b.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    private static String format(ResourceBundle b, String key, Object... args) {
        return new MessageFormat(text(b, key), Locale.ROOT).format(args);
    }

    private static ResourceBundle load(Locale chosen) {
        return ResourceBundle.getBundle(BUNDLE, chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
