package org.recworkbench.explain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.content.ContentParams;
import org.recworkbench.similarity.Measure;
import org.recworkbench.ui.common.I18nBundlesTest;
import org.recworkbench.ui.common.I18nBundlesTest.Bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's words live in two complete bundles, parsed line by line (Properties would hide a duplicate key). */
class WordsBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources/org/recworkbench/explain");
    static final Path MAIN = Path.of("src/main/java/org/recworkbench");

    /** Keys whose Chinese is rightly the English: names and symbols read the same in both. */
    static final Set<String> SAME_IN_BOTH = Set.of("eval.auc", "reason.other");

    static Bundle english() throws IOException {
        return I18nBundlesTest.parse(RESOURCES.resolve("words.properties"));
    }

    static Bundle chinese() throws IOException {
        return I18nBundlesTest.parse(RESOURCES.resolve("words_zh.properties"));
    }

    @AfterEach
    void english_() {
        Words.setLocale(Words.ENGLISH);
    }

    @Test
    void bothBundlesHaveTheSameKeysNoDuplicatesAndNoEmptyValues() throws IOException {
        Bundle en = english();
        Bundle zh = chinese();
        assertThat(en.problems()).isEmpty();
        assertThat(zh.problems()).isEmpty();
        assertThat(new TreeSet<>(zh.entries().keySet())).isEqualTo(new TreeSet<>(en.entries().keySet()));
        assertThat(en.entries()).hasSizeGreaterThan(200);
    }

    @Test
    void chineseIsTranslatedExceptTheAllowedKeys() throws IOException {
        Map<String, String> en = english().entries();
        Map<String, String> zh = chinese().entries();
        List<String> same = en.keySet().stream().filter(k -> en.get(k).equals(zh.get(k)))
                .filter(k -> !SAME_IN_BOTH.contains(k)).toList();
        assertThat(same).as("keys whose Chinese is the English").isEmpty();
        List<String> noHan = zh.entrySet().stream().filter(e -> !SAME_IN_BOTH.contains(e.getKey()))
                .filter(e -> e.getValue().codePoints().noneMatch(WordsBundlesTest::han)).map(Map.Entry::getKey)
                .toList();
        assertThat(noHan).as("Chinese values without a Chinese character").isEmpty();
    }

    @Test
    void messageFormatArgumentsMatchAndApostrophesAreWrittenForTheirUse() throws IOException {
        assertThat(I18nBundlesTest.patternProblems(english().entries(), chinese().entries())).isEmpty();
    }

    @Test
    void everyKeyTheEngineNamesExists() throws IOException {
        Set<String> keys = english().entries().keySet();
        List<String> missing = new ArrayList<>();
        Pattern literal = Pattern.compile("Words\\.(?:t|phrase)\\(\\s*\"([^\"]+)\"\\s*[,)]");
        Pattern conditional = Pattern.compile("Words\\.(?:t|phrase)\\(\\s*[^\"()]+\\?\\s*\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");
        int found = 0;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (Pattern p : List.of(literal, conditional)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        for (int g = 1; g <= m.groupCount(); g++) {
                            found++;
                            if (!keys.contains(m.group(g))) {
                                missing.add(file.getFileName() + ": " + m.group(g));
                            }
                        }
                    }
                }
            }
        }
        // the keys built from engine names
        Stream.of(Measure.values()).map(m -> "sim.measure." + m.cliName()).filter(k -> !keys.contains(k))
                .forEach(missing::add);
        Stream.of(ContentParams.TfVariant.values()).map(v -> "tfidf.variant." + v.name().toLowerCase(Locale.ROOT))
                .filter(k -> !keys.contains(k)).forEach(missing::add);
        Stream.of(ContentParams.IdfVariant.values())
                .map(v -> "tfidf.idfVariant." + v.name().toLowerCase(Locale.ROOT)).filter(k -> !keys.contains(k))
                .forEach(missing::add);
        assertThat(found).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void theEngineSpeaksEnglishUntilToldOtherwiseAndFallsBackToEnglishForOtherLanguages() {
        assertThat(Words.locale()).isEqualTo(Words.ENGLISH);
        assertThat(Words.t("sim.coRatedMean", "a")).isEqualTo("Co-rated mean of a");
        Words.setLocale(Locale.forLanguageTag("zh-TW"));
        assertThat(Words.t("sim.coRatedMean", "a")).isEqualTo("a 在共同评分条目上的均值");
        Words.setLocale(Locale.GERMAN);
        assertThat(Words.locale()).isEqualTo(Words.ENGLISH);
        assertThat(Words.t("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void aPhraseIsPutIntoWordsOnlyWhenTheStepIsRecordedAndKeepsItsKey() {
        Derivation.Builder d = Derivation.builder("t");
        d.step(Words.phrase("sim.normAll", "b"), "x", "", 1);
        Derivation.Builder.NONE.step(Words.phrase("no.such.key"), "x", "", 1);
        Step step = d.build().steps().get(0);
        assertThat(step.title()).isEqualTo("Norm of b (all its entries)");
        assertThat(step.key()).isEqualTo("sim.normAll");
        assertThat(new Step("t", "x", "", 1).key()).isNull();
    }

    static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
