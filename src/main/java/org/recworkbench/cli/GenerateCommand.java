package org.recworkbench.cli;

import org.recworkbench.data.SyntheticDatasetFiles;
import org.recworkbench.data.SyntheticSpec;
import org.recworkbench.job.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Write a deterministic synthetic dataset (ratings.csv, items.csv) to a"
        + " folder; import it with --format csv --header --items DIR/items.csv.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder; existing ratings.csv and items.csv are replaced (\"replaced FILE\" on stderr)")
    Path out;

    @Option(names = "--users", required = true, description = "Number of users")
    int users;

    @Option(names = "--items", required = true, description = "Number of items")
    int items;

    @Option(names = "--density", required = true, description = "Share of the user × item matrix filled, e.g. 0.05")
    double density;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--factors", defaultValue = "8", description = "Rank of the latent preference model")
    int factors;

    @Option(names = "--implicit", description = "Purchase counts instead of 1-5 ratings")
    boolean implicit;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        SyntheticSpec synthetic = new SyntheticSpec(users, items, density, seed, factors, implicit);
        boolean[] existed = {Files.exists(out.resolve(SyntheticDatasetFiles.RATINGS)),
                Files.exists(out.resolve(SyntheticDatasetFiles.ITEMS))};
        long written = SyntheticDatasetFiles.write(synthetic, out, ConsoleProgress.forTerminal(), Cancellation.NEVER);
        OutputFile.noticeReplaced(spec, out.resolve(SyntheticDatasetFiles.RATINGS), existed[0]);
        OutputFile.noticeReplaced(spec, out.resolve(SyntheticDatasetFiles.ITEMS), existed[1]);
        PrintWriter printer = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("out", out.toAbsolutePath().toString());
            result.put("users", users);
            result.put("items", items);
            result.put("interactions", written);
            result.put("seed", seed);
            Output.json(printer, result);
        } else {
            printer.printf("Wrote %d interactions of %d users on %d items to %s (%s, %s)%n", written, users, items,
                    out, SyntheticDatasetFiles.RATINGS, SyntheticDatasetFiles.ITEMS);
            printer.flush();
        }
        return 0;
    }
}
