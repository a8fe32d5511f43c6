package org.recworkbench.cli;

import org.recworkbench.data.DatasetProfile;
import org.recworkbench.data.DatasetProfiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "profile", description = "Describe a dataset: counts, density, value histogram, activity and"
        + " popularity quantiles, cold users and items, time range.")
public final class ProfileCommand implements Callable<Integer> {

    private static final int BAR_WIDTH = 40;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        DatasetProfile profile = DatasetProfiler.profile(source.load());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, profile);
        } else {
            print(profile, out);
        }
        out.flush();
        return 0;
    }

    static void print(DatasetProfile p, PrintWriter out) {
        out.printf("Dataset       %s (%s)%n", p.name(), p.kind().label());
        out.printf("Users         %d%nItems         %d%nInteractions  %d%nDensity       %s%n", p.users(), p.items(),
                p.interactions(), Output.percent(p.density()));
        out.printf("Values        min %s, max %s, mean %s%n", Output.number(p.valueMin()), Output.number(p.valueMax()),
                Output.number(p.valueMean()));
        out.println();
        out.println(p.kind() == org.recworkbench.data.DatasetKind.EXPLICIT ? "Rating histogram" : "Value histogram");
        long largest = p.ratingHistogram().stream().mapToLong(DatasetProfile.Bin::count).max().orElse(1);
        for (DatasetProfile.Bin bin : p.ratingHistogram()) {
            String label = bin.lower() == bin.upper() ? Output.number(bin.lower())
                    : "[" + Output.number(bin.lower()) + ", " + Output.number(bin.upper()) + ")";
            int bar = (int) Math.round((double) BAR_WIDTH * bin.count() / largest);
            out.printf("  %-16s %10d  %s%n", label, bin.count(), "#".repeat(bar));
        }
        out.println();
        out.printf("%-26s %8s %8s %8s %8s %8s %8s %8s%n", "", "min", "p25", "median", "p75", "p90", "max", "mean");
        row(out, "Interactions per user", p.userActivity());
        row(out, "Interactions per item", p.itemPopularity());
        out.println();
        out.printf("Top 10%% of items hold     %s of interactions%n", Output.percent(p.topDecileItemShare()));
        out.printf("Cold users (< %d)          %d%n", DatasetProfiler.COLD_THRESHOLD, p.coldUsers());
        out.printf("Cold items (< %d)          %d%n", DatasetProfiler.COLD_THRESHOLD, p.coldItems());
        out.printf("Time range                %s%n", p.firstTimestamp() == null ? "no timestamps"
                : Instant.ofEpochSecond(p.firstTimestamp()) + " to " + Instant.ofEpochSecond(p.lastTimestamp()));
    }

    private static void row(PrintWriter out, String label, DatasetProfile.Distribution d) {
        out.printf("%-26s %8s %8s %8s %8s %8s %8s %8s%n", label, Output.number(d.min()), Output.number(d.p25()),
                Output.number(d.median()), Output.number(d.p75()), Output.number(d.p90()), Output.number(d.max()),
                Output.number(d.mean()));
    }
}
