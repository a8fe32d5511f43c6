package org.recworkbench.cli;

import org.recworkbench.examples.Comparison;
import org.recworkbench.examples.ExampleResult;
import org.recworkbench.examples.GalleryTally;
import org.recworkbench.examples.Verdict;
import org.recworkbench.examples.PrintedValue;
import org.recworkbench.examples.SeedExample;
import org.recworkbench.examples.SeedExampleEvaluator;
import org.recworkbench.examples.SeedExamples;
import org.recworkbench.explain.Latex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

@Command(name = "examples", description = "The worked numeric examples of the five seed articles, each computed by"
        + " the engine: the value the article printed beside the correct one, and what the slip was.")
public final class ExamplesCommand implements Callable<Integer> {

    private static final String AGREES = "✓";
    private static final String DISAGREES = "✗";
    private static final String WRONG_STEPS = "△";

    @Spec
    CommandSpec spec;

    @Option(names = "--id", paramLabel = "ID", description = "Show one example with its full derivation")
    String id;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ExampleResult> results = id == null ? SeedExamples.evaluateAll()
                : List.of(SeedExampleEvaluator.evaluate(SeedExamples.require(id)));
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("examples", results.stream().map(r -> toJson(r, id != null)).toList());
            if (id == null) {
                GalleryTally t = GalleryTally.of(results);
                j.put("tally", Map.of("examples", t.examples(), "printFinalValue", t.printFinalValue(),
                        "wrongFinalValue", t.wrongFinalValue(), "withSlip", t.withSlip()));
            }
            Output.json(out, j);
        } else if (id != null) {
            printOne(out, results.get(0));
        } else {
            printAll(out, results);
        }
        out.flush();
        return 0;
    }

    private static void printAll(PrintWriter out, List<ExampleResult> results) {
        for (ExampleResult r : results) {
            SeedExample e = r.example();
            out.printf("%s %-26s article %s  %s%n", mark(r.verdict()), r.id(), e.article(), e.title());
            out.printf("    %s%n", finalValueLine(r));
            if (r.verdict() == Verdict.WRONG_STEPS && !r.wrongSteps().isEmpty()) {
                out.printf("    wrong steps: %s%n", wrongStepsText(r));
            }
            out.printf("    %s%n", r.note());
        }
        out.printf("%s ✓ right, ✗ wrong final value, △ final value right or not printed but a step or the"
                + " formula is wrong. examples --id ID shows one with its derivation.%n",
                GalleryTally.of(results).sentence());
    }

    /** What the article printed as the final value beside the computed one, in words. */
    static String finalValueLine(ExampleResult r) {
        String computed = Comparison.text(r.computedResult());
        Optional<PrintedValue> printed = r.printedResult();
        if (printed.isEmpty()) {
            return "final value not printed by the article; computed " + computed;
        }
        if (printed.get().evaluatedByGallery()) {
            return "the article wrote only the expression; the gallery's own evaluation of it: " + printed.get().text()
                    + "; computed " + computed;
        }
        boolean right = r.finalComparison().map(Comparison::agrees).orElse(false);
        return "printed " + printed.get().text() + ", computed " + computed + (right ? " (right)" : " (wrong)");
    }

    static String wrongStepsText(ExampleResult r) {
        return r.wrongSteps().stream().map(c -> c.key() + " printed " + c.printed().text() + ", computed "
                + c.computedText()).collect(Collectors.joining("; "));
    }

    private static void printOne(PrintWriter out, ExampleResult r) {
        SeedExample e = r.example();
        out.printf("%s (article %s, lines %s): %s%n", r.id(), e.article(), e.lineHint(), e.title());
        out.printf("The article: %s%n%n", e.quote());
        out.print(r.derivation().toText());
        out.println();
        if (r.comparisons().isEmpty()) {
            out.println("The article printed no number for this example.");
        }
        for (Comparison c : r.comparisons()) {
            out.printf("%s %-20s %s %-28s computed %s%n", c.agrees() ? AGREES : DISAGREES, c.key(),
                    c.printed().evaluatedByGallery() ? "gallery's evaluation" : "printed", c.printed().text(),
                    c.computedText());
        }
        out.printf("%s %s%n", switch (r.verdict()) {
            case RIGHT -> "Agrees:";
            case WRONG_RESULT -> "Wrong final value:";
            case WRONG_STEPS -> "Final value right or not printed; a step or the formula is wrong:";
        }, r.note());
    }

    private static String mark(Verdict verdict) {
        return switch (verdict) {
            case RIGHT -> AGREES;
            case WRONG_RESULT -> DISAGREES;
            case WRONG_STEPS -> WRONG_STEPS;
        };
    }

    private static Map<String, Object> toJson(ExampleResult r, boolean withSteps) {
        SeedExample e = r.example();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", r.id());
        j.put("article", e.article());
        j.put("title", e.title());
        j.put("formula", e.formula());
        j.put("variant", e.variant());
        j.put("inputs", e.inputs());
        j.put("resultKey", e.resultKey());
        j.put("printed", r.printedResult().map(PrintedValue::value).orElse(null));
        j.put("printedText", r.printedResult().map(PrintedValue::text).orElse(null));
        j.put("computed", Output.finite(r.computedResult()));
        j.put("agrees", r.agrees());
        j.put("verdict", r.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        j.put("printsFinalValue", r.printsFinalValue());
        j.put("note", e.note());
        j.put("lineHint", e.lineHint());
        j.put("checks", r.comparisons().stream().map(ExamplesCommand::toJson).toList());
        Map<String, Object> values = new LinkedHashMap<>();
        r.computed().forEach((k, v) -> values.put(k, Output.finite(v)));
        j.put("values", values);
        if (withSteps) {
            j.put("quote", e.quote());
            j.put("steps", Output.steps(r.derivation()));
        }
        return j;
    }

    private static Map<String, Object> toJson(Comparison c) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("key", c.key());
        j.put("printedText", c.printed().text());
        j.put("printed", c.printed().value());
        j.put("decimals", c.printed().decimals());
        j.put("computed", Output.finite(c.computed()));
        j.put("agrees", c.agrees());
        j.put("source", c.printed().source());
        return j;
    }
}
