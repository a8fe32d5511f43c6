package org.recworkbench.explain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the engine in Chinese, every derivation the Formulas view can show (each algorithm's explanation, its
 * training step or user solve, every seed example) has a Chinese title and Chinese step titles; a seed example's
 * title is the English catalogue entry the gallery shows as its summary.
 */
class ChineseFormulasTest {

    @AfterEach
    void english() {
        Words.setLocale(Words.ENGLISH);
    }

    @Test
    void everyDerivationAndStepTitleIsChinese() {
        Words.setLocale(Words.CHINESE);
        String text = EngineWordsDump.formulasText();
        List<String> english = new ArrayList<>();
        String[] lines = text.split("\n");
        int titles = 0;
        boolean example = false;
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (line.startsWith("== ")) {
                example = line.startsWith("== example");
            }
            boolean stepTitle = line.matches("\\d+\\. .*");
            // a derivation's title is its first line: after a "== " header or after the last step of another one
            // (a seed example's title is its catalogue entry, shown in English as the gallery's summary)
            boolean derivationTitle = !line.startsWith(" ") && !line.startsWith("== ") && !stepTitle
                    && !line.startsWith("(") && !(example && lines[k - 1].startsWith("== example"));
            if (stepTitle || derivationTitle) {
                titles++;
                boolean han = line.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN);
                if (!han) {
                    english.add(line);
                }
            }
        }
        assertThat(titles).isGreaterThan(250);
        assertThat(english).as("titles without Chinese").isEmpty();
    }
}
