package org.recworkbench.exercise;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.explain.EngineWordsDump;
import org.recworkbench.explain.Step;
import org.recworkbench.explain.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With the engine in Chinese, an exercise speaks Chinese from question to hint. */
class ChineseExercisesTest {

    /**
     * English that may stay in Chinese text: metric and method names as Chinese articles write them, and the
     * logarithm (ids like u12 or i7 and one- or two-letter symbols are never words of three letters).
     */
    static final Set<String> ALLOWED = Set.of("rmse", "mse", "mae", "ndcg", "dcg", "idcg", "auc", "tf", "idf",
            "sgd", "knn", "jaccard", "log", "ln", "msd");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
    /** A parameter list "k=2, measure=cosine": the names and values the command line and the window's panel use. */
    private static final Pattern ASSIGNMENT = Pattern.compile("[\\w.-]+=[\\w.-]+");
    /** A quoted term of a document (“love”): data, not words of the text around it. */
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”");

    @BeforeEach
    void chinese() {
        Words.setLocale(Words.CHINESE);
    }

    @AfterEach
    void english() {
        Words.setLocale(Words.ENGLISH);
    }

    static List<String> englishWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(QUOTED.matcher(ASSIGNMENT.matcher(text).replaceAll("")).replaceAll(""));
        while (m.find()) {
            if (!ALLOWED.contains(m.group().toLowerCase(Locale.ROOT))) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Chinese words in it, and no English word outside the allow-list. */
    private static void chineseText(List<String> problems, String where, String text) {
        if (!hasHan(text) || !englishWords(text).isEmpty()) {
            problems.add(where + ": " + text);
        }
    }

    @Test
    void everyKindSpeaksChineseInQuestionTablesStepsAndHints() {
        List<String> problems = new ArrayList<>();
        List<Exercise> exercises = EngineWordsDump.exercises();
        assertThat(exercises).hasSize(2 * ExerciseKind.values().length);
        for (Exercise e : exercises) {
            String id = e.identity();
            chineseText(problems, id + " question", e.question());
            chineseText(problems, id + " derivation title", e.derivation().title());
            for (InputTable t : e.tables()) {
                chineseText(problems, id + " caption", t.caption());
                for (String h : t.header()) {
                    if (!englishWords(h).isEmpty()) {
                        problems.add(id + " header: " + h);
                    }
                }
            }
            for (Step s : e.derivation().steps()) {
                chineseText(problems, id + " step", s.title());
            }
            for (AnswerStep s : e.steps()) {
                chineseText(problems, id + " answer step", s.title());
            }
            for (String hint : EngineWordsDump.hints(e)) {
                chineseText(problems, id + " hint", hint);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesEnglish() {
        assertThat(englishWords("计算 the 余弦相似度 of users a and b")).containsExactly("the", "users", "and");
        assertThat(englishWords("词项“love”在 d3 中 term")).containsExactly("term");
        assertThat(englishWords("用基于用户的 kNN（参数：k=2, measure=cosine）预测 u3 对 i7 的 RMSE 与 1 / log₂(k + 1)"))
                .isEmpty();
    }

    @Test
    void everyAnswerStepHasAKeyWithItsOwnAdviceSoHintsDoNotReadTitles() {
        Words.setLocale(Words.ENGLISH);
        for (Exercise e : EngineWordsDump.exercises()) {
            for (AnswerStep s : e.steps()) {
                assertThat(s.key()).as(e.identity() + ": " + s.title()).isNotNull();
                assertThat(Marker.ADVICE).as(e.identity() + ": " + s.key()).containsKey(s.key());
            }
        }
    }

    @Test
    void adviceFollowsTheKeyWhateverTheTitleSays() {
        AnswerStep chineseTitle = new AnswerStep(1, "误差", "e", 1, "sgd.error");
        assertThat(Marker.advice(chineseTitle)).isEqualTo("误差是评分减去预测评分（r − r̂），不要减反了");
        Words.setLocale(Words.ENGLISH);
        assertThat(Marker.advice(new AnswerStep(1, "Anything at all", "e", 1, "sgd.error")))
                .isEqualTo("the error is the rating minus the prediction (r − r̂), not the other way round");
        assertThat(Marker.advice(new AnswerStep(1, "Error", "e", 1))).isEqualTo(Marker.advice(chineseTitle));
    }

    @Test
    void everyAdviceTheMarkerNamesExistsInBothLanguages() {
        for (String kind : new java.util.TreeSet<>(Marker.ADVICE.values())) {
            assertThat(Words.t("advice." + kind)).doesNotStartWith("!");
            assertThat(Words.in(Words.ENGLISH, "advice." + kind)).doesNotStartWith("!");
        }
    }
}
