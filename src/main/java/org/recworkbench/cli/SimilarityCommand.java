package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.IdIndex;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.export.CsvWriter;
import org.recworkbench.job.Cancellation;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.PairSimilarity;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;
import org.recworkbench.similarity.SimilarityOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "similarity", description = "Top-K similar users or items as CSV (row_id,neighbour_id,similarity,"
        + "overlap; positive similarities, best first), or one pair with its derivation (--pair A,B).")
public final class SimilarityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Option(names = "--of", defaultValue = "items", paramLabel = "items|users", description = "Compare items (default)"
            + " or users")
    String of;

    @Option(names = "--measure", defaultValue = "cosine", description = "cosine, pearson, adjusted-cosine, jaccard, euclidean, msd")
    String measure;

    @Option(names = "--k", defaultValue = "50", description = "Neighbours per row (default 50)")
    int k;

    @Option(names = "--shrinkage", defaultValue = "0", description = "λ of the significance weighting n/(n+λ)")
    double shrinkage;

    @Option(names = "--min-overlap", defaultValue = "1", description = "Fewer co-rated entries give 0")
    int minOverlap;

    @Option(names = "--co-rated-norms", description = "Cosine/adjusted cosine: norms over the co-rated entries only")
    boolean coRatedNorms;

    @Option(names = "--vector-means", description = "Pearson: centre by each vector's own mean")
    boolean vectorMeans;

    @Option(names = "--pair", paramLabel = "A,B", description = "Print one pair with its derivation")
    String pair;

    @Option(names = "--json", description = "With --pair: print one JSON object")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Output CSV file, or - for stdout")
    String out;

    @Override
    public Integer call() {
        Orientation orientation = Orientation.fromCliName(of);
        SimilarityOptions options = new SimilarityOptions(Measure.fromCliName(measure), shrinkage, minOverlap,
                coRatedNorms, vectorMeans);
        if (pair == null && out == null) {
            throw new InvalidInputException("Give --out FILE.csv for the top-K matrix, or --pair A,B for one pair");
        }
        if (pair == null && k < 1) {
            throw new InvalidInputException("--k must be at least 1; got " + k);
        }
        Dataset data = source.load();
        Similarities sims = new Similarities(data, orientation, options);
        IdIndex ids = orientation == Orientation.USERS ? data.users() : data.items();
        PrintWriter stdout = spec.commandLine().getOut();
        if (pair != null) {
            printPair(data, orientation, sims, ids, stdout);
        } else {
            SimilarityMatrix m = sims.topK(k, ConsoleProgress.forTerminal(), Cancellation.NEVER);
            OutputFile.write(spec, out, w -> writeCsv(m, ids, w));
        }
        stdout.flush();
        return 0;
    }

    private void printPair(Dataset data, Orientation orientation, Similarities sims, IdIndex ids, PrintWriter out) {
        String[] parts = pair.split(",");
        if (parts.length != 2) {
            throw new InvalidInputException("--pair needs two ids separated by a comma; got \"" + pair + "\"");
        }
        int a = orientation == Orientation.USERS ? Ids.user(data, parts[0]) : Ids.item(data, parts[0]);
        int b = orientation == Orientation.USERS ? Ids.user(data, parts[1]) : Ids.item(data, parts[1]);
        PairSimilarity s = sims.explain(a, b);
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("a", ids.id(a));
            j.put("b", ids.id(b));
            j.put("measure", sims.options().measure().cliName());
            j.put("similarity", s.value());
            j.put("overlap", s.overlap());
            j.put("steps", Output.steps(s.derivation()));
            Output.json(out, j);
        } else {
            out.print(s.derivation().toText());
            out.printf("similarity %s (overlap %d)%n", org.recworkbench.explain.Latex.num(s.value()), s.overlap());
        }
    }

    private static void writeCsv(SimilarityMatrix m, IdIndex ids, Writer w) {
        CsvWriter csv = new CsvWriter(w);
        csv.row("row_id", "neighbour_id", "similarity", "overlap");
        for (int a = 0; a < m.rows(); a++) {
            for (int p = m.start(a), end = p + m.neighbourCount(a); p < end; p++) {
                csv.text(ids.id(a)).text(ids.id(m.neighbourAt(p))).number(m.similarityAt(p))
                        .number(m.overlapAt(p));
                csv.endRow();
            }
        }
    }
}
