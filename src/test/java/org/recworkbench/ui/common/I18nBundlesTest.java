package org.recworkbench.ui.common;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.similarity.HeatmapOrder;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.ui.formulas.FormulaKind;
import org.recworkbench.ui.heatmap.SimilarityViewModel;
import org.recworkbench.ui.shell.Section;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 §2: the window's words live in two complete bundles. The files are parsed line by line here (Properties
 * would silently keep the last of two equal keys).
 */
public class I18nBundlesTest {

    public static final Path RESOURCES = Path.of("src/main/resources/org/recworkbench/ui");
    static final Path UI_SOURCES = Path.of("src/main/java/org/recworkbench/ui");
    static final Path FXML = Path.of("fxml");
    /** The line after which another view's keys ({@code exercise.*}) are appended. */
    static final String EXERCISE_MARKER = "# exercise.* keys below";

    /**
     * Keys whose Chinese text is rightly the English one: symbols, variable names, metric names and formats that
     * read the same in both languages.
     */
    static final Set<String> SAME_IN_BOTH = Set.of("heatmap.aColumn", "heatmap.bColumn", "history.differenceColumn",
            "history.wilcoxonColumn", "history.effectColumn", "live.n", "evaluate.compareField.promptText",
            "param.implicit-als.epsilon.label", "param.rp3beta.beta.label", "param.p3alpha.alpha.label",
            "param.rp3beta.alpha.label", "param.seed-latent.alpha.label", "param.als.lambda.label",
            "param.implicit-als.lambda.label", "param.ease.lambda.label", "param.bpr.regularisation.label",
            "param.content-tfidf.idf.help", "formula.P3ALPHA", "formula.RP3BETA", "app.job.titleMessage",
            "evaluate.ndcgTab");

    /** Chinese values that rightly hold no Chinese: file names, CLI syntax and formulas. */
    static final Set<String> NO_CHINESE_NEEDED = Set.of("datasets.format.movielens-100k",
            "datasets.format.movielens-1m", "evaluate.splitField.promptText", "param.content-tfidf.idf.help");

    /** key → value in file order; duplicates and malformed lines are reported, not merged. */
    public record Bundle(Map<String, String> entries, List<String> problems, List<String> keysBeforeMarker) {
    }

    public static Bundle parse(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> beforeMarker = new ArrayList<>();
        boolean afterMarker = false;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals(EXERCISE_MARKER)) {
                afterMarker = true;
                continue;
            }
            if (line.isBlank() || line.stripLeading().startsWith("#") || line.stripLeading().startsWith("!")) {
                continue;
            }
            if (line.endsWith("\\") && !line.endsWith("\\\\")) {
                problems.add(file.getFileName() + ":" + (i + 1) + ": continuation lines are not used here");
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(file.getFileName() + ":" + (i + 1) + ": not key=value: " + line);
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).replace("\\n", "\n").replace("\\\\", "\\");
            if (entries.containsKey(key)) {
                problems.add(file.getFileName() + ":" + (i + 1) + ": duplicate key " + key);
            }
            if (value.isBlank()) {
                problems.add(file.getFileName() + ":" + (i + 1) + ": empty value for " + key);
            }
            entries.put(key, value);
            if (!afterMarker) {
                beforeMarker.add(key);
            }
        }
        return new Bundle(entries, problems, beforeMarker);
    }

    public static Bundle english() throws IOException {
        return parse(RESOURCES.resolve("messages.properties"));
    }

    public static Bundle chinese() throws IOException {
        return parse(RESOURCES.resolve("messages_zh.properties"));
    }

    @Test
    void bothBundlesHaveTheSameKeysNoDuplicatesAndNoEmptyValues() throws IOException {
        Bundle en = english();
        Bundle zh = chinese();
        assertThat(en.problems()).isEmpty();
        assertThat(zh.problems()).isEmpty();
        assertThat(new TreeSet<>(zh.entries().keySet())).as("keys in Chinese")
                .isEqualTo(new TreeSet<>(en.entries().keySet()));
        assertThat(en.entries()).hasSizeGreaterThan(500);
    }

    @Test
    void duplicateAndEmptyKeysAreFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.properties");
        Files.writeString(file, "a=1\nb=\na=2\n");
        assertThat(parse(file).problems()).hasSize(2);
    }

    @Test
    void exerciseKeysComeOnlyAfterTheirMarker() throws IOException {
        for (Bundle b : List.of(english(), chinese())) {
            assertThat(b.keysBeforeMarker()).noneMatch(k -> k.startsWith("exercise."));
        }
        assertThat(Files.readAllLines(RESOURCES.resolve("messages.properties"))).contains(EXERCISE_MARKER);
        assertThat(Files.readAllLines(RESOURCES.resolve("messages_zh.properties"))).contains(EXERCISE_MARKER);
    }

    @Test
    void chineseTextIsTranslatedExceptWhereBothLanguagesWriteTheSame() throws IOException {
        Map<String, String> en = english().entries();
        Map<String, String> zh = chinese().entries();
        List<String> same = en.keySet().stream().filter(k -> k.startsWith("exercise.") == false)
                .filter(k -> en.get(k).equals(zh.get(k)) && !SAME_IN_BOTH.contains(k)).toList();
        assertThat(same).as("keys whose Chinese text is the English one").isEmpty();
        List<String> noHan = zh.entrySet().stream().filter(e -> !en.get(e.getKey()).equals(e.getValue()))
                .filter(e -> !NO_CHINESE_NEEDED.contains(e.getKey()))
                .filter(e -> e.getValue().codePoints().noneMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN) && e.getValue().matches(".*[A-Za-z]{4,}.*")
                        && !e.getValue().matches("[^A-Za-z]*[（(].*"))
                .map(Map.Entry::getKey).toList();
        assertThat(noHan).as("Chinese values with English words and no Chinese").isEmpty();
    }

    @Test
    void messageFormatPatternsParseAndUseTheSameArgumentsInBothLanguages() throws IOException {
        assertThat(patternProblems(english().entries(), chinese().entries())).isEmpty();
    }

    /**
     * What is wrong with the MessageFormat patterns of two bundles: the same {n} arguments in both languages, and
     * apostrophes written for their use ({@code t(key)} shows a value as written, {@code t(key, args)} through
     * MessageFormat, where ' is written ''); every pattern with arguments parses. Shared with the engine's words.
     */
    public static List<String> patternProblems(Map<String, String> en, Map<String, String> zh) {
        Pattern arg = Pattern.compile("\\{(\\d+)}");
        List<String> wrong = new ArrayList<>();
        for (String key : en.keySet()) {
            Set<String> a = new TreeSet<>();
            Set<String> b = new TreeSet<>();
            arg.matcher(en.get(key)).results().forEach(m -> a.add(m.group(1)));
            arg.matcher(zh.get(key)).results().forEach(m -> b.add(m.group(1)));
            if (!a.equals(b)) {
                wrong.add(key + ": " + a + " vs " + b);
            }
            for (String value : List.of(en.get(key), zh.get(key))) {
                if (a.isEmpty() && value.contains("''")) {
                    wrong.add(key + ": '' in a value without arguments (shown as written)");
                }
                if (!a.isEmpty() && value.replace("''", "").contains("'")) {
                    wrong.add(key + ": a single ' in a MessageFormat pattern hides what follows");
                }
                if (!a.isEmpty()) {
                    try {
                        new MessageFormat(value, Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        wrong.add(key + ": " + e.getMessage());
                    }
                }
            }
        }
        return wrong;
    }

    @Test
    void everyKeyTheFxmlAndTheUiCodeNameExists() throws IOException {
        Set<String> keys = english().entries().keySet();
        List<String> missing = new ArrayList<>();
        Pattern fxmlKey = Pattern.compile("=\"%([^\"]+)\"");
        for (Path file : files(FXML, ".fxml")) {
            Matcher m = fxmlKey.matcher(Files.readString(file));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(file + ": %" + m.group(1));
                }
            }
        }
        Pattern codeKey = Pattern.compile("I18n\\.(?:t|orElse)\\(\\s*\"([^\"]+)\"\\s*[,)]");
        for (Path file : files(UI_SOURCES, ".java")) {
            Matcher m = codeKey.matcher(Files.readString(file));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(file + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Every name the engine gives the window today has its key, so a new one without a translation fails here. */
    @Test
    void everyRegisteredEngineNameHasItsKey() throws IOException {
        Set<String> keys = english().entries().keySet();
        List<String> wanted = new ArrayList<>();
        for (Algorithm<?> a : AlgorithmRegistry.all()) {
            wanted.add("algo." + a.id() + ".description");
            for (ParamSpec p : a.params()) {
                wanted.add(EngineText.paramKey(a.id(), p) + ".label");
                wanted.add(EngineText.paramKey(a.id(), p) + ".help");
            }
        }
        Stream.of(Family.values()).forEach(f -> wanted.add("algo.family." + f.name()));
        Stream.of(Measure.values()).forEach(m -> wanted.add("measure." + m.cliName()));
        Stream.of(DatasetKind.values()).forEach(k -> wanted.add("common.kind." + k.label()));
        Stream.of(HeatmapOrder.values()).forEach(o -> wanted.add("heatmap.order." + o.name()));
        Stream.of(Orientation.values()).forEach(o -> wanted.add("heatmap.orientation." + o.cliName()));
        Stream.of(Orientation.values()).forEach(o -> wanted.add("heatmap.singular." + o.singular()));
        Stream.of(RecommendationService.Source.values()).forEach(s -> wanted.add("common.source." + s.label()));
        Stream.of(SimilarityViewModel.SubsetKind.values()).forEach(s -> wanted.add("heatmap.subset." + s.name()));
        Stream.of(RunningJob.State.values()).forEach(s -> wanted.add("common.jobState." + s.name()));
        Stream.of(FormulaKind.values()).forEach(k -> wanted.add("formula." + k.name()));
        Stream.of(Section.values()).forEach(s -> wanted.add("app.section." + s.name()));
        Stream.of(org.recworkbench.ui.live.Speed.values()).forEach(s -> wanted.add("live.speed." + s.name()));
        Stream.of(org.recworkbench.exercise.ExerciseKind.values())
                .forEach(k -> wanted.add("exercise.kind." + k.cliName()));
        Stream.of(org.recworkbench.exercise.Difficulty.values())
                .forEach(d -> wanted.add("exercise.difficulty." + d.cliName()));
        assertThat(wanted).hasSizeGreaterThan(200);
        assertThat(wanted.stream().filter(k -> !keys.contains(k)).toList()).as("engine names without a key")
                .isEmpty();
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
