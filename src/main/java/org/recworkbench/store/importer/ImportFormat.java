package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The source formats the importer understands; {@link #cliName()} is the CLI's {@code --format} value. */
public enum ImportFormat {
    MOVIELENS_100K("movielens-100k", "MovieLens 100K (u.data + u.item)"),
    MOVIELENS_1M("movielens-1m", "MovieLens 1M (ratings.dat + movies.dat)"),
    MOVIELENS_CSV("movielens-csv", "MovieLens latest (ratings.csv + movies.csv + tags.csv)"),
    CSV("csv", "Delimited file with a column mapping"),
    ONLINE_RETAIL("online-retail", "UCI Online Retail transactions");

    private final String cliName;
    private final String description;

    ImportFormat(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    public static ImportFormat fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ImportFormat format : values()) {
            if (format.cliName.equals(wanted)) {
                return format;
            }
        }
        throw new InvalidInputException("Unknown format \"" + Excerpt.of(name) + "\"; expected one of "
                + Arrays.stream(values()).map(ImportFormat::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
