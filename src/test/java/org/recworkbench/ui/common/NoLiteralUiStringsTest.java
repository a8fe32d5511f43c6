package org.recworkbench.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 §2: no words reach the window except through the bundles. A source scan: FXML text attributes must be
 * {@code %key}s, and string literals handed to the calls that put text on screen must hold no words.
 */
class NoLiteralUiStringsTest {

    /** Literals that are names in every language: metric names and the README file's own name. */
    static final Set<String> ALLOWED = Set.of("NDCG@N", "README");

    static final Pattern FXML_TEXT = Pattern.compile(
            "\\s(text|promptText|title|label|headerText|contentText)=\"([^\"]*)\"");
    static final Pattern JAVA_TEXT = Pattern.compile("(?:\\.(?:setText|setTitle|setPromptText|setHeaderText"
            + "|setContentText|setName|setLabel|setExtraValue|setAccessibleText)"
            + "|Placeholders\\.of|\\bnew\\s+(?:Label|Button|Tooltip|MenuItem|Menu|Tab|TableColumn(?:<[^>]*>)?|CheckBox"
            + "|CheckMenuItem|RadioMenuItem|TitledPane|Hyperlink|ToggleButton|RadioButton|Text)"
            + "|\\bnew\\s+(?:javafx\\.scene\\.control\\.)?Alert\\([^,]+,"
            + "|\\b(?:message|status|summary|score|settings|explanation)\\.set"
            + "|\\bjobs\\.submit|\\bjobs\\.interactive\\([^,]+,"
            + "|\\bnew\\s+InvalidInputException"
            + "|\\btitle\\()\\(?\\s*\"([^\"]*)\"");

    /** The FXML attributes that show a literal with words instead of a %key. */
    static List<String> fxmlOffences(String name, String fxml) {
        List<String> found = new ArrayList<>();
        Matcher m = FXML_TEXT.matcher(fxml);
        while (m.find()) {
            String value = m.group(2);
            if (!value.startsWith("%") && words(value)) {
                found.add(name + ": " + m.group(1) + "=\"" + value + "\"");
            }
        }
        return found;
    }

    /** The literals with words handed to a call that shows text. */
    static List<String> javaOffences(String name, String source) {
        List<String> found = new ArrayList<>();
        Matcher m = JAVA_TEXT.matcher(source);
        while (m.find()) {
            String literal = m.group(1);
            if (words(literal) && !ALLOWED.contains(literal)) {
                int line = source.substring(0, m.start()).split("\n", -1).length;
                found.add(name + ":" + line + ": \"" + literal + "\"");
            }
        }
        return found;
    }

    /** Two ASCII letters in a row: a word (symbols such as ✓, ×, …, Δ, λ and numbers are no words). */
    static boolean words(String text) {
        return text.matches("(?s).*[A-Za-z]{2,}.*");
    }

    @Test
    void everyFxmlTextIsABundleKey() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : I18nBundlesTest.files(I18nBundlesTest.FXML, ".fxml")) {
            offences.addAll(fxmlOffences(file.toString(), Files.readString(file)));
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void noUiCodeShowsALiteralWithWords() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : I18nBundlesTest.files(I18nBundlesTest.UI_SOURCES, ".java")) {
            offences.addAll(javaOffences(file.toString(), Files.readString(file)));
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theScanFindsLiteralsAndLetKeysAndSymbolsPass() {
        assertThat(fxmlOffences("a", "<Label text=\"Hello\"/> <Button text=\"%app.ok\"/> <Label text=\"#\"/>"))
                .containsExactly("a: text=\"Hello\"");
        assertThat(javaOffences("b", "label.setText(\"Fit\");\nnew Label(I18n.t(\"a.b\"));\nx.setText(\"✓\");\n"
                + "new Tooltip(\"Some help\");\nmessage.set(\"Fitting \" + id);\nnew Alert(AlertType.ERROR, \"Oops\");"))
                .containsExactly("b:1: \"Fit\"", "b:4: \"Some help\"", "b:5: \"Fitting \"", "b:6: \"Oops\"");
    }
}
