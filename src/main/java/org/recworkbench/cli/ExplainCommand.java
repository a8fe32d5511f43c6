package org.recworkbench.cli;

import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Latex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "explain", description = "Why an algorithm gives a user an item its score: the contributions and the"
        + " derivation with every number.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Mixin
    ModelOrAlgorithm algorithm;

    @Option(names = "--user", required = true, description = "User id (as in the source file)")
    String user;

    @Option(names = "--item", required = true, description = "Item id (as in the source file)")
    String item;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        Dataset data = source.load();
        int u = Ids.user(data, user);
        int i = Ids.item(data, item);
        Model model = algorithm.obtain(data);
        Explanation e = model.explain(u, i);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, toJson(data, e));
        } else {
            print(e, out);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(Dataset data, Explanation e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", data.users().id(e.user()));
        json.put("item", data.items().id(e.item()));
        json.put("algorithm", e.algorithm());
        json.put("params", e.params().asMap());
        json.put("score", Output.finite(e.score()));
        json.put("prediction", Output.finite(e.prediction()));
        json.put("contributions", e.contributions().stream().map(ExplainCommand::contribution).toList());
        json.put("steps", Output.steps(e.derivation()));
        return json;
    }

    private static Map<String, Object> contribution(Contribution c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", c.kind());
        json.put("id", c.id());
        json.put("label", c.label());
        c.values().forEach((k, v) -> json.put(k, Output.finite(v)));
        json.put("amount", Output.finite(c.amount()));
        return json;
    }

    private static void print(Explanation e, PrintWriter out) {
        out.println(e.derivation().toText());
        out.printf("score       %s%n", Latex.num(e.score()));
        out.printf("prediction  %s%n", Double.isNaN(e.prediction()) ? "none" : Latex.num(e.prediction()));
        if (!e.contributions().isEmpty()) {
            out.println();
            out.println("contributions");
            for (Contribution c : e.contributions()) {
                StringBuilder line = new StringBuilder("  ").append(c.kind()).append(' ').append(c.id());
                if (!c.label().equals(c.id())) {
                    line.append(" (").append(c.label()).append(')');
                }
                c.values().forEach((k, v) -> line.append(", ").append(k).append(' ').append(Latex.num(v)));
                out.println(line);
            }
        }
    }
}
