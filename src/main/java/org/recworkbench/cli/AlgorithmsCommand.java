package org.recworkbench.cli;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "algorithms", description = "List every algorithm with its family, description and parameters"
        + " (name, type, range or choices, default) as accepted by -p name=value.")
public final class AlgorithmsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, Map.of("algorithms", AlgorithmRegistry.all().stream().map(AlgorithmsCommand::toJson)
                    .toList()));
        } else {
            for (Algorithm<?> a : AlgorithmRegistry.all()) {
                out.printf("%-14s %-22s %s%n", a.id(), a.family().label(), a.description());
                for (ParamSpec p : a.params()) {
                    out.printf("    -p %s=%s   %s; %s%s%n", p.name(), p.defaultValue(), p.description(), p.allowed(),
                            p.rescoreOnly() ? " (changes without refitting)" : "");
                    if (p.component()) {
                        out.printf("    -p %s.NAME=VALUE   a parameter of the algorithm %s chooses (-p %s.%s)%n",
                                p.name(), p.name(), p.name(), example(p));
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    /** {@code k=40}: the first parameter of the component's default algorithm, as an example. */
    private static String example(ParamSpec component) {
        var specs = AlgorithmRegistry.require((String) component.defaultValue()).params();
        return specs.isEmpty() ? "NAME=VALUE" : specs.get(0).name() + "=" + specs.get(0).defaultValue();
    }

    private static Map<String, Object> toJson(Algorithm<?> a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("family", a.family().label());
        json.put("description", a.description());
        List<Map<String, Object>> params = a.params().stream().map(p -> {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", p.name());
            spec.put("label", p.label());
            spec.put("description", p.description());
            spec.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
            if (p.type() == ParamType.CHOICE) {
                spec.put("choices", p.choices());
            } else if (p.type() != ParamType.FLAG) {
                spec.put("min", p.min());
                spec.put("max", p.max());
                spec.put("step", p.step());
                spec.put("logScale", p.logScale());
            }
            spec.put("default", p.defaultValue());
            spec.put("rescoreOnly", p.rescoreOnly());
            if (p.component()) {
                spec.put("component", true);
            }
            spec.put("allowed", p.allowed());
            return spec;
        }).toList();
        json.put("params", params);
        return json;
    }

}
