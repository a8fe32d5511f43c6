package org.recworkbench.similarity;

import org.recworkbench.data.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Similarity measures between two users or two items. */
public enum Measure {
    /** Σab / (‖a‖‖b‖), missing entries count as 0 (norms over the full vectors unless co-rated norms are asked). */
    COSINE("cosine", "Cosine"),
    /** Pearson correlation over the co-rated entries, with co-rated means unless vector means are asked. */
    PEARSON("pearson", "Pearson"),
    /** Cosine of values centred by the other side's mean (item-item: each user's mean rating). */
    ADJUSTED_COSINE("adjusted-cosine", "Adjusted cosine"),
    /** |A ∩ B| / |A ∪ B| of the binary vectors. */
    JACCARD("jaccard", "Jaccard"),
    /** 1 / (1 + d), d = √Σ (a − b)² over the co-rated entries; 0 without co-rated entries. */
    EUCLIDEAN("euclidean", "Euclidean"),
    /** 1 / (1 + msd), msd = Σ (a − b)² / n over the n co-rated entries (Surprise's msd); 0 without co-rated entries. */
    MSD("msd", "Mean squared difference");

    private final String cliName;
    private final String label;

    Measure(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public static List<String> cliNames() {
        return Arrays.stream(values()).map(Measure::cliName).toList();
    }

    public static Measure fromCliName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown similarity measure \"" + name
                        + "\"; expected one of " + String.join(", ", cliNames())));
    }
}
