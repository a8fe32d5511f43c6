package org.recworkbench.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.exercise.Difficulty;
import org.recworkbench.exercise.Exercise;
import org.recworkbench.exercise.ExerciseGenerator;
import org.recworkbench.exercise.ExerciseKind;
import org.recworkbench.store.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The exercise command: questions, templates filled in and checked, sheets, and refusals with file and line. */
class ExerciseCliTest {

    @TempDir
    Path folder;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** The --json question with every answer filled in from its own expected values, the k-th changed by delta. */
    private static String filled(JsonObject question, int wrongStep, double delta) {
        JsonObject copy = question.deepCopy();
        for (var element : copy.getAsJsonArray("steps")) {
            JsonObject step = element.getAsJsonObject();
            double v = step.get("expected").getAsDouble();
            step.addProperty("answer", step.get("step").getAsInt() == wrongStep ? v + delta : v);
        }
        return copy.toString();
    }

    @Test
    void jsonPrintsTheQuestionAndItsStepsWithExpectedValues() {
        CliRun r = run("exercise", "--kind", "pearson", "--seed", "7", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonObject j = r.json();
        assertThat(j.get("kind").getAsString()).isEqualTo("pearson");
        assertThat(j.get("difficulty").getAsString()).isEqualTo("easy");
        assertThat(j.get("seed").getAsLong()).isEqualTo(7);
        JsonArray steps = j.getAsJsonArray("steps");
        assertThat(steps).hasSize(7);
        JsonObject second = steps.get(1).getAsJsonObject();
        assertThat(second.get("title").getAsString()).isEqualTo("Co-rated mean of a");
        assertThat(second.get("expected").getAsDouble()).isCloseTo(11 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(second.get("answer").isJsonNull()).isTrue();
        assertThat(j.get("result").getAsDouble()).isEqualTo(steps.get(6).getAsJsonObject().get("expected")
                .getAsDouble());
        assertThat(run("exercise", "--kind", "pearson", "--seed", "7", "--json").out()).isEqualTo(r.out());
    }

    @Test
    void textShowsTheStepsWithoutAnswersUnlessAsked() {
        CliRun plain = run("exercise", "--kind", "pearson", "--difficulty", "easy", "--seed", "7");
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).contains("Pearson correlation (pearson, easy, seed 7)", "Co-rated mean of a",
                "________").doesNotContain("3.66667");
        CliRun answers = run("exercise", "--kind", "pearson", "--seed", "7", "--answers");
        assertThat(answers.out()).contains("= 3.66667").doesNotContain("________");
    }

    @Test
    void checkMarksAFilledTemplateRightWithExitZero() throws Exception {
        JsonObject q = run("exercise", "--kind", "cosine", "--difficulty", "medium", "--seed", "3", "--json").json();
        Path file = folder.resolve("answers.json");
        Files.writeString(file, filled(q, -1, 0));
        CliRun r = run("exercise", "--check", file.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("✓").doesNotContain("✗").doesNotContain("Hint");
    }

    @Test
    void checkMarksAWrongStepWithExitOneAndAHintNamingIt() throws Exception {
        JsonObject q = run("exercise", "--kind", "pearson", "--seed", "7", "--json").json();
        Path file = folder.resolve("answers.json");
        Files.writeString(file, filled(q, 2, 0.5));
        CliRun r = run("exercise", "--check", file.toString());
        assertThat(r.code()).isEqualTo(Cli.ANSWERS_WRONG);
        assertThat(r.out()).contains("✗  2. Co-rated mean of a: 4.16667",
                "Hint: Step 2 (Co-rated mean of a) is wrong: check which ratings you averaged");
        CliRun loose = run("exercise", "--check", file.toString(), "--tolerance", "0.6");
        assertThat(loose.code()).as(loose.out()).isZero();
        CliRun json = run("exercise", "--check", file.toString(), "--json");
        assertThat(json.code()).isEqualTo(Cli.ANSWERS_WRONG);
        assertThat(json.json().get("allRight").getAsBoolean()).isFalse();
        assertThat(json.json().getAsJsonArray("steps").get(1).getAsJsonObject().get("verdict").getAsString())
                .isEqualTo("wrong");
    }

    @Test
    void checkReadsCsvAnswers() throws Exception {
        Exercise e = ExerciseGenerator.generate(ExerciseKind.RMSE, Difficulty.EASY, 7, null);
        StringBuilder csv = new StringBuilder("kind,difficulty,seed,dataset,step,answer\n");
        e.steps().forEach(s -> csv.append("rmse,easy,7,,").append(s.number()).append(',')
                .append(s.expected()).append('\n'));
        Path file = folder.resolve("answers.csv");
        Files.writeString(file, csv);
        CliRun r = run("exercise", "--check", file.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void aBadCsvAnswerIsRefusedWithFileLineAndColumn() throws Exception {
        Path file = folder.resolve("answers.csv");
        Files.writeString(file, "kind,difficulty,seed,dataset,step,answer\nrmse,easy,7,,1,3\nrmse,easy,7,,2,zero\n");
        CliRun r = run("exercise", "--check", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: answers.csv:3:16: answer \"zero\" is not a number; expected a decimal")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void brokenJsonIsRefusedWithItsLine() throws Exception {
        Path file = folder.resolve("answers.json");
        Files.writeString(file, "{\"kind\": \"pearson\",\n \"seed\": 7,\n \"steps\": [ {\"answer\": 1,, } ]\n}\n");
        CliRun r = run("exercise", "--check", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: answers.json:3:").contains("not valid JSON")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        Path file = folder.resolve("answers.json");
        Files.writeString(file, "{\"kind\": \"pearson\", \"steps\": []}");
        CliRun r = run("exercise", "--check", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("answers.json: field \"seed\" is missing; expected a whole number");
        CliRun unknown = run("exercise", "--kind", "euclid");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown exercise kind \"euclid\"; expected one of cosine, pearson");
        assertThat(run("exercise").code()).isEqualTo(2);
        assertThat(run("exercise", "--check", folder.resolve("nope.json").toString()).err())
                .contains("nope.json: no such file");
    }

    @Test
    void aSheetWithTheSameSeedIsTheSameFileAndAnotherSeedDiffers() throws Exception {
        Path a = folder.resolve("a.html");
        Path aCsv = folder.resolve("a.csv");
        Path b = folder.resolve("b.html");
        Path bCsv = folder.resolve("b.csv");
        Path c = folder.resolve("c.html");
        CliRun first = run("exercise", "--sheet", "6", "--seed", "9", "--out", a.toString(), "--answers",
                aCsv.toString(), "--kinds", "pearson,rmse,ranking");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Wrote 6 exercises");
        run("exercise", "--sheet", "6", "--seed", "9", "--out", b.toString(), "--answers", bCsv.toString(),
                "--kinds", "pearson,rmse,ranking");
        run("exercise", "--sheet", "6", "--seed", "10", "--out", c.toString(), "--kinds", "pearson,rmse,ranking");
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(bCsv)).isEqualTo(Files.readAllBytes(aCsv));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
        assertThat(Files.readString(aCsv)).startsWith("sheet_seed,exercise,kind,difficulty,exercise_seed,step,title,"
                + "expected\r\n9,1,pearson,easy,");
        CliRun again = run("exercise", "--sheet", "6", "--seed", "9", "--out", a.toString());
        assertThat(again.err()).contains("replaced " + a);
        assertThat(run("exercise", "--sheet", "3").err()).contains("--sheet N needs --out");
    }

    @Test
    void realExercisesComeFromAStoredDatasetAndAreCheckedAgainstIt() throws Exception {
        Path shop = folder.resolve("shop");
        String db = folder.resolve("db").toString();
        assertThat(run("generate", "--out", shop.toString(), "--users", "60", "--items", "40", "--density", "0.15",
                "--seed", "3").code()).isZero();
        assertThat(run("import", "--db", db, "--name", "shop", "--format", "csv", "--header", "--items",
                shop.resolve("items.csv").toString(), shop.resolve("ratings.csv").toString()).code()).isZero();
        Dataset data;
        try (Workspace w = Workspace.open(Path.of(db))) {
            data = w.datasets().load("shop");
        }
        for (ExerciseKind kind : ExerciseKind.values()) {
            Exercise e1 = ExerciseGenerator.generate(kind, Difficulty.REAL, 4, data);
            Exercise e2 = ExerciseGenerator.generate(kind, Difficulty.REAL, 4, data);
            assertThat(e2.tables()).as(kind.cliName()).isEqualTo(e1.tables());
            assertThat(e2.steps()).isEqualTo(e1.steps());
            assertThat(e1.dataset()).isEqualTo("shop");
        }
        CliRun q = run("exercise", "--db", db, "--dataset", "shop", "--difficulty", "real", "--kind", "user-knn",
                "--seed", "4", "--json");
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.json().get("dataset").getAsString()).isEqualTo("shop");
        Path file = folder.resolve("real.json");
        Files.writeString(file, filled(q.json(), -1, 0));
        CliRun checked = run("exercise", "--db", db, "--check", file.toString());
        assertThat(checked.code()).as(checked.out() + checked.err()).isZero();
        CliRun noDataset = run("exercise", "--difficulty", "real", "--kind", "pearson");
        assertThat(noDataset.code()).isEqualTo(2);
        assertThat(noDataset.err()).contains("--difficulty real needs --dataset NAME");
    }

    @Test
    void theJsonTemplateParsesBackAsItsOwnExercise() {
        JsonObject q = run("exercise", "--kind", "ranking", "--difficulty", "medium", "--seed", "2", "--json").json();
        assertThat(JsonParser.parseString(q.toString()).getAsJsonObject().get("kind").getAsString())
                .isEqualTo("ranking");
        assertThat(q.getAsJsonArray("tables").get(0).getAsJsonObject().get("header").getAsJsonArray().get(0)
                .getAsString()).isEqualTo("rank");
    }
}
