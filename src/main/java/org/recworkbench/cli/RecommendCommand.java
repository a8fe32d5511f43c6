package org.recworkbench.cli;

import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.export.ListFilter;
import org.recworkbench.export.RecommendationExport;
import org.recworkbench.job.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "recommend", description = "Top-N recommendations as CSV: user_id,rank,item_id,score,algorithm,params"
        + " (and explanation with --explain). Items a user already has are excluded; ties go to the lower item index.")
public final class RecommendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Mixin
    ModelOrAlgorithm algorithm;

    @Option(names = "--n", defaultValue = "10", description = "Items per user (default 10)")
    int n;

    @Option(names = "--users", defaultValue = "all", paramLabel = "all|ID,...",
            description = "Users to recommend for (default all)")
    String users;

    @Option(names = "--explain", description = "Add a compact explanation column")
    boolean explain;

    @Option(names = "--include-seen",
            description = "Also recommend items the user already has (repeat purchases in retail data)")
    boolean includeSeen;

    @Option(names = "--category", paramLabel = "NAME", description = "Only recommend items of this catalogue category")
    String category;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV file (\"replaced FILE\" on stderr when it existed), or - for stdout")
    String out;

    @Override
    public Integer call() throws Exception {
        if (n < 1) {
            throw new InvalidInputException("--n must be at least 1; got " + n);
        }
        Dataset data = source.load();
        int[] selected = Ids.users(data, users);
        ListFilter filter = new ListFilter(includeSeen, category);
        if (filter.category() != null && java.util.stream.IntStream.range(0, data.itemCount())
                .noneMatch(i -> data.catalog().categories(i).contains(filter.category()))) {
            throw new InvalidInputException("--category: no item of " + data.name() + " has the category \""
                    + filter.category() + "\"");
        }
        Model model = algorithm.obtain(data);
        OutputFile.write(spec, out, w -> RecommendationExport.write(model, selected, n, explain, filter, w,
                ConsoleProgress.forTerminal(), Cancellation.NEVER));
        return 0;
    }
}
