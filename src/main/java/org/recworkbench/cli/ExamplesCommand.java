package org.recworkbench.cli;

import org.recworkbench.examples.Comparison;
import org.recworkbench.examples.ExampleResult;
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
import java.util.concurrent.Callable;

@Command(name = "examples", description = "The worked numeric examples of the five seed articles, each computed by"
        + " the engine: the value the article printed beside the correct one, and what the slip was.")
public final class ExamplesCommand implements Callable<Integer> {

    private static final String AGREES = "✓";
    private static final String DISAGREES = "✗";

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
            Output.json(out, Map.of("examples", results.stream().map(r -> toJson(r, id != null)).toList()));
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
            out.printf("%s %-26s article %s  %s%n", mark(r.agrees()), r.id(), e.article(), e.title());
            out.printf("    printed %s, computed %s%n", printedText(r), Latex.num(r.computedResult()));
            out.printf("    %s%n", r.note());
        }
        long wrong = results.stream().filter(r -> !r.agrees()).count();
        out.printf("%d of %d examples disagree with what the article printed; examples --id ID shows one with its"
                + " derivation.%n", wrong, results.size());
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
            out.printf("%s %-20s printed %-28s computed %s%n", mark(c.agrees()), c.key(), c.printed().text(),
                    Latex.num(c.computed()));
        }
        out.printf("%s %s%n", r.agrees() ? "Agrees:" : "Disagrees:", r.note());
    }

    private static String mark(boolean agrees) {
        return agrees ? AGREES : DISAGREES;
    }

    private static String printedText(ExampleResult r) {
        return r.printedResult().map(PrintedValue::text).orElse("(not printed)");
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
        return j;
    }
}
