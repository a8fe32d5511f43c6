package org.recworkbench.cli;

import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "datasets", description = "List the datasets in the workspace database.")
public final class DatasetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        List<DatasetInfo> datasets;
        try (Workspace workspace = db.open()) {
            datasets = workspace.datasets().list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DatasetInfo d : datasets) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", d.name());
                row.put("kind", d.kind().label());
                row.put("users", d.users());
                row.put("items", d.items());
                row.put("interactions", d.interactions());
                row.put("density", d.density());
                row.put("format", d.format());
                row.put("created", d.createdAt().toString());
                row.put("checksum", d.checksum());
                rows.add(row);
            }
            Output.json(out, Map.of("datasets", rows));
            return 0;
        }
        if (datasets.isEmpty()) {
            out.println("No datasets yet. Import one with: recworkbench import --name NAME --format FORMAT FILE");
        } else {
            out.printf("%-36s %-9s %9s %9s %13s %9s  %s%n", "NAME", "KIND", "USERS", "ITEMS", "INTERACTIONS",
                    "DENSITY", "CREATED");
            for (DatasetInfo d : datasets) {
                out.printf("%-36s %-9s %9d %9d %13d %9s  %s%n", d.name(), d.kind().label(), d.users(), d.items(),
                        d.interactions(), Output.percent(d.density()), d.createdAt().toString().substring(0, 19));
            }
        }
        out.flush();
        return 0;
    }
}
