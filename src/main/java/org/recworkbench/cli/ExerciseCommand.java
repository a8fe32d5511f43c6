package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.exercise.AnswerStep;
import org.recworkbench.exercise.Difficulty;
import org.recworkbench.exercise.Exercise;
import org.recworkbench.exercise.ExerciseGenerator;
import org.recworkbench.exercise.ExerciseKind;
import org.recworkbench.exercise.ExerciseSheet;
import org.recworkbench.exercise.InputTable;
import org.recworkbench.exercise.Marker;
import org.recworkbench.exercise.SheetFormats;
import org.recworkbench.exercise.Tolerance;
import org.recworkbench.explain.Latex;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "exercise", description = "Exercise mode: a question with its steps to compute by hand (--kind),"
        + " a student's answers marked step by step (--check FILE), or a printable sheet of N exercises with its"
        + " answers (--sheet N --out sheet.html --answers answers.csv).")
public final class ExerciseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--kind", paramLabel = "KIND", description = "cosine, pearson, adjusted-cosine, jaccard,"
            + " user-knn, item-knn, bias, sgd-step, tfidf, ranking, rmse or bce")
    String kind;

    @Option(names = "--difficulty", paramLabel = "LEVEL", defaultValue = "easy",
            description = "easy, medium or real (rows of --dataset). Default: easy")
    String difficulty;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Same seed, same exercise."
            + " Default: 1")
    long seed;

    @Option(names = "--dataset", paramLabel = "NAME", description = "The stored dataset real exercises are cut from")
    String dataset;

    @Option(names = "--json", description = "Print one JSON object (a question: a template whose \"answer\" fields"
            + " a student fills in for --check)")
    boolean json;

    @Option(names = "--answers", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
            description = "With --kind: print each step's value. With --sheet: write the answers CSV to FILE")
    String answers;

    @Option(names = "--check", paramLabel = "FILE", description = "Mark the answers in FILE (JSON or CSV; see the"
            + " README); exit 0 when all are right, 1 when some are wrong or missing")
    Path check;

    @Option(names = "--tolerance", paramLabel = "T", description = "Absolute tolerance of --check. Default: 0.005")
    Double tolerance;

    @Option(names = "--relative-tolerance", paramLabel = "R",
            description = "Relative tolerance of --check (0.005 = 0.5 %%). Default: 0.005")
    Double relativeTolerance;

    @Option(names = "--sheet", paramLabel = "N", description = "Make a sheet of N exercises (needs --out)")
    Integer sheet;

    @Option(names = "--kinds", paramLabel = "K,K", description = "The kinds a sheet takes in turn. Default: all")
    String kinds;

    @Option(names = "--out", paramLabel = "FILE", description = "The sheet's HTML file")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        int modes = (kind != null ? 1 : 0) + (check != null ? 1 : 0) + (sheet != null ? 1 : 0);
        if (modes != 1) {
            throw new InvalidInputException("exercise needs exactly one of --kind KIND, --check FILE or --sheet N");
        }
        if (check != null) {
            return check(stdout);
        }
        if (sheet != null) {
            return sheet(stdout);
        }
        Difficulty level = Difficulty.fromCliName(difficulty);
        Exercise e = ExerciseGenerator.generate(ExerciseKind.fromCliName(kind), level, seed, real(level, dataset));
        if (json) {
            Output.json(stdout, toJson(e));
        } else {
            print(stdout, e, answers != null);
        }
        return 0;
    }

    private Dataset real(Difficulty level, String name) {
        if (level != Difficulty.REAL) {
            return null;
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("--difficulty real needs --dataset NAME (a stored dataset)");
        }
        try (Workspace workspace = db.open()) {
            return workspace.datasets().load(name);
        }
    }

    private Tolerance tolerance() {
        return new Tolerance(tolerance == null ? Tolerance.DEFAULT.absolute() : tolerance,
                relativeTolerance == null ? Tolerance.DEFAULT.relative() : relativeTolerance);
    }

    private int check(PrintWriter stdout) {
        Tolerance t = tolerance();
        ExerciseAnswersFile file = ExerciseAnswersFile.read(check);
        Exercise e = ExerciseGenerator.generate(file.kind(), file.difficulty(), file.seed(),
                real(file.difficulty(), dataset != null ? dataset : file.dataset()));
        if (file.answers().size() > e.steps().size()) {
            throw new InvalidInputException(check.getFileName() + ": answers for " + file.answers().size()
                    + " steps; the exercise (" + e.identity() + ") has " + e.steps().size());
        }
        Marker.Marking marking = Marker.mark(e, file.answers(), t);
        if (json) {
            Map<String, Object> j = identity(e);
            j.put("tolerance", Map.of("absolute", t.absolute(), "relative", t.relative()));
            j.put("right", marking.right());
            j.put("steps", marking.marks().stream().map(m -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("step", m.step().number());
                s.put("title", m.step().title());
                s.put("answer", Output.finite(m.given()));
                s.put("verdict", m.verdict().name().toLowerCase(Locale.ROOT));
                return s;
            }).toList());
            j.put("allRight", marking.allRight());
            j.put("hint", marking.hint());
            Output.json(stdout, j);
        } else {
            stdout.printf("%s: %d of %d steps right (tolerance %s, or %s %%)%n", e.identity(), marking.right(),
                    marking.marks().size(), Latex.num(t.absolute()), Latex.num(100 * t.relative()));
            for (Marker.StepMark m : marking.marks()) {
                String mark = switch (m.verdict()) {
                    case RIGHT -> "✓";
                    case WRONG -> "✗";
                    case MISSING -> "–";
                };
                stdout.printf("%s %2d. %s: %s%n", mark, m.step().number(), m.step().title(),
                        Double.isNaN(m.given()) ? "(no answer)" : Latex.num(m.given()));
            }
            if (!marking.hint().isEmpty()) {
                stdout.println("Hint: " + marking.hint());
            }
            stdout.flush();
        }
        return marking.allRight() ? 0 : Cli.ANSWERS_WRONG;
    }

    private int sheet(PrintWriter stdout) {
        if (out == null) {
            throw new InvalidInputException("--sheet N needs --out FILE.html");
        }
        if (answers != null && answers.isBlank()) {
            throw new InvalidInputException("--answers with --sheet needs a file name (the answers CSV)");
        }
        Difficulty level = Difficulty.fromCliName(difficulty);
        ExerciseSheet s = ExerciseSheet.generate(sheet, ExerciseKind.parseList(kinds), level, seed,
                real(level, dataset));
        OutputFile.writeFile(spec, "--out", out, w -> w.write(SheetFormats.html(s)));
        if (answers != null) {
            OutputFile.writeFile(spec, "--answers", Path.of(answers), w -> w.write(SheetFormats.answersCsv(s)));
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("seed", s.seed());
            j.put("difficulty", level.cliName());
            j.put("exercises", s.exercises().size());
            j.put("html", out.toString());
            j.put("answers", answers);
            Output.json(stdout, j);
        } else {
            stdout.printf("Wrote %d exercises to %s%s%n", s.exercises().size(), out,
                    answers == null ? "" : " and their answers to " + answers);
            stdout.flush();
        }
        return 0;
    }

    private static Map<String, Object> identity(Exercise e) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", e.kind().cliName());
        j.put("difficulty", e.difficulty().cliName());
        j.put("seed", e.seed());
        j.put("dataset", e.dataset());
        return j;
    }

    static Map<String, Object> toJson(Exercise e) {
        Map<String, Object> j = identity(e);
        j.put("question", e.question());
        j.put("tables", e.tables().stream().map(t -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("caption", t.caption());
            table.put("header", t.header());
            table.put("rows", t.rows());
            return table;
        }).toList());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (AnswerStep s : e.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.number());
            step.put("title", s.title());
            step.put("formula", s.formula());
            step.put("expected", Output.finite(s.expected()));
            step.put("answer", null);
            steps.add(step);
        }
        j.put("steps", steps);
        j.put("result", Output.finite(e.result()));
        j.put("derivation", Map.of("title", e.derivation().title(), "steps", Output.steps(e.derivation())));
        return j;
    }

    private static void print(PrintWriter out, Exercise e, boolean withAnswers) {
        out.printf("%s (%s)%n%n%s%n", e.kind().label(), e.identity(), e.question());
        for (InputTable t : e.tables()) {
            out.println();
            out.println(t.caption());
            List<List<String>> all = new ArrayList<>();
            all.add(t.header());
            all.addAll(t.rows());
            int columns = t.header().size();
            int[] width = new int[columns];
            for (List<String> row : all) {
                for (int c = 0; c < columns && c < row.size(); c++) {
                    width[c] = Math.max(width[c], row.get(c).length());
                }
            }
            for (List<String> row : all) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < columns && c < row.size(); c++) {
                    String cell = row.get(c).isEmpty() ? "·" : row.get(c);
                    line.append(String.format(Locale.ROOT, c == 0 ? "%-" + width[c] + "s" : "%" + (width[c] + 2)
                            + "s", cell));
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.println();
        out.println(withAnswers ? "Steps and the engine's values:" : "Steps (compute each value):");
        for (AnswerStep s : e.steps()) {
            out.printf("%2d. %s%n      %s%n      = %s%n", s.number(), s.title(), Latex.toPlain(s.formula()),
                    withAnswers ? Latex.num(s.expected()) : "________");
        }
        out.flush();
    }
}
