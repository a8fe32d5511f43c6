package org.recworkbench.cli;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.stream.RecommendationService;
import picocli.CommandLine.Option;

import java.util.Locale;

/** How a live service treats cold starts, sessions and trending: shared by {@code serve} and {@code replay}. */
public final class LiveOptions {

    @Option(names = "--half-life", defaultValue = "0", paramLabel = "DURATION",
            description = "Half-life of trending popularity: 30m, 12h, 7d, or seconds; counts events for data without"
                    + " timestamps; 0 = plain counts (default)")
    String halfLife;

    @Option(names = "--session-weight", defaultValue = "0", paramLabel = "BETA",
            description = "Weight β of session re-scoring over the user's last items, 0–1 (default 0 = off)")
    double sessionWeight;

    @Option(names = "--recent", defaultValue = "10", paramLabel = "N",
            description = "Items kept per user for session re-scoring (default 10)")
    int recent;

    @Option(names = "--cold-start-ratings", defaultValue = "3", paramLabel = "N",
            description = "A new user's interactions before the model's list replaces content-based items"
                    + " (default 3)")
    int coldStartRatings;

    RecommendationService.Options options() {
        return new RecommendationService.Options(coldStartRatings, recent, sessionWeight, seconds(halfLife));
    }

    /** "90", "30m", "12h", "7d" → seconds. */
    static double seconds(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        double unit = 1;
        if (t.endsWith("m")) {
            unit = 60;
        } else if (t.endsWith("h")) {
            unit = 3600;
        } else if (t.endsWith("d")) {
            unit = 86400;
        }
        String number = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double v = Double.parseDouble(number) * unit;
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--half-life expects a duration such as 30m, 12h, 7d or seconds; got \""
                    + text + "\"");
        }
    }
}
