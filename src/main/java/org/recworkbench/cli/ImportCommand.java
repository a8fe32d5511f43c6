package org.recworkbench.cli;

import org.recworkbench.job.Cancellation;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.ImportSummary;
import org.recworkbench.store.importer.ImportedData;
import org.recworkbench.store.importer.RatingScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Import a ratings or transactions file into the workspace database.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--name", required = true, description = "Name of the new dataset")
    String name;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "movielens-100k, movielens-1m, movielens-csv, csv or online-retail")
    String format;

    @Option(names = "--items", paramLabel = "FILE", description = "Item file (MovieLens: found next to the ratings"
            + " file when omitted; csv: header item,title,categories,text)")
    Path items;

    @Option(names = "--columns", split = ",", paramLabel = "ROLES",
            description = "csv: role of each column (user,item,rating,timestamp or _), or role=HeaderName pairs")
    List<String> columns;

    @Option(names = "--delimiter", paramLabel = "D", description = "csv: delimiter (default \",\"; tab, ;, |, ::)")
    String delimiter;

    @Option(names = "--header", description = "csv: the first line is a header")
    boolean header;

    @Option(names = "--implicit", description = "csv: values are counts or quantities, not ratings")
    boolean implicit;

    @Option(names = "--scale", paramLabel = "MIN..MAX", description = "Reject ratings outside this range")
    String scale;

    @Option(names = "--replace", description = "Overwrite a dataset of the same name")
    boolean replace;

    @Option(names = "--json", description = "Print the summary as one JSON object")
    boolean json;

    @Parameters(paramLabel = "FILE", description = "The ratings or transactions file")
    Path file;

    @Override
    public Integer call() {
        ImportRequest request = new ImportRequest(name, ImportFormat.fromCliName(format), file, items, columns,
                ImportRequest.parseDelimiter(delimiter), header, implicit,
                scale == null ? null : RatingScale.parse(scale), replace);
        ImportedData data;
        try (Workspace workspace = db.open()) {
            data = workspace.datasets().importFile(request, ConsoleProgress.forTerminal(), Cancellation.NEVER);
        }
        print(data, spec.commandLine().getOut());
        return 0;
    }

    private void print(ImportedData data, PrintWriter out) {
        ImportSummary s = data.summary();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dataset", data.dataset().name());
            result.put("format", data.format().cliName());
            result.put("kind", data.dataset().kind().label());
            result.put("interactions", s.interactions());
            result.put("users", s.users());
            result.put("items", s.items());
            result.put("rowsRead", s.rowsRead());
            result.put("kept", s.kept());
            result.put("skipped", s.skipped());
            result.put("skippedByReason", new LinkedHashMap<>(s.skippedByReason()));
            result.put("duplicates", s.duplicates());
            result.put("checksum", data.checksum());
            Output.json(out, result);
            return;
        }
        out.printf("Imported \"%s\" (%s, %s): %d interactions, %d users, %d items%n", data.dataset().name(),
                data.format().cliName(), data.dataset().kind().label(), s.interactions(), s.users(), s.items());
        out.printf("Rows read %d, kept %d, skipped %d, duplicate pairs merged %d%n", s.rowsRead(), s.kept(),
                s.skipped(), s.duplicates());
        s.skippedByReason().forEach((reason, count) -> out.printf("  skipped (%s): %d%n", reason, count));
        out.flush();
    }
}
