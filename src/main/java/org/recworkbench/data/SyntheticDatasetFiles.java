package org.recworkbench.data;

import org.recworkbench.export.AtomicFile;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a synthetic dataset as {@code ratings.csv} (header user,item,rating,timestamp) and {@code items.csv}
 * (header item,title,categories,text), the layout the {@code csv} importer reads with {@code --header}. Both go
 * through {@link AtomicFile}: they appear together once complete, with its rules for links and special files.
 */
public final class SyntheticDatasetFiles {

    public static final String RATINGS = "ratings.csv";
    public static final String ITEMS = "items.csv";

    private SyntheticDatasetFiles() {
    }

    /** @return the number of interactions written */
    public static long write(SyntheticSpec spec, Path directory, Progress progress, Cancellation cancellation) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new InvalidInputException(directory + " is not a folder; expected a folder for " + RATINGS + " and "
                    + ITEMS);
        }
        try (AtomicFile.Pending ratingsFile = AtomicFile.begin(directory.resolve(RATINGS));
             AtomicFile.Pending itemsFile = AtomicFile.begin(directory.resolve(ITEMS))) {
            long count;
            try (Writer ratings = newWriter(ratingsFile);
                 Writer items = newWriter(itemsFile)) {
                ratings.write(spec.implicit() ? "user,item,count,timestamp\n" : "user,item,rating,timestamp\n");
                items.write("item,title,categories,text\n");
                long[] written = {0};
                SyntheticGenerator.generate(spec, new SyntheticGenerator.Sink() {
                    @Override
                    public void item(String id, String title, List<String> categories, String text) {
                        write(items, id + ',' + quote(title) + ',' + quote(String.join("|", categories)) + ','
                                + quote(text) + '\n');
                    }

                    @Override
                    public void interaction(String user, String item, float value, int timestamp) {
                        write(ratings, user + ',' + item + ',' + (int) value + ',' + timestamp + '\n');
                        written[0]++;
                    }
                }, progress, cancellation);
                count = written[0];
            }
            ratingsFile.commit();
            itemsFile.commit();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the synthetic dataset to " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static Writer newWriter(AtomicFile.Pending file) {
        return new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting when the value holds a comma, quote or line break. */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
