package org.recworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inputs for the benchmarks, written once per run. */
final class BenchFiles {

    static final int USERS = 6000;
    static final int ITEMS = 4000;
    static final int INTERACTIONS = 1_000_000;

    private BenchFiles() {
    }

    /**
     * Exactly 1,000,000 distinct (user, item) ratings in the csv layout user,item,rating,timestamp: user u rates
     * items (7u + 13k) mod 4000 for k = 0, 1, …, which are distinct because 13 and 4000 are coprime.
     */
    static Path millionRatings(Path folder) throws IOException {
        Path file = folder.resolve("ratings-1m.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int written = 0;
            for (int u = 0; written < INTERACTIONS; u = (u + 1) % USERS) {
                int k = written / USERS;
                int item = (7 * u + 13 * k) % ITEMS;
                int rating = 1 + (u * 31 + item * 17) % 5;
                out.write(Integer.toString(u + 1));
                out.write(',');
                out.write(Integer.toString(item + 1));
                out.write(',');
                out.write(Integer.toString(rating));
                out.write(',');
                out.write(Integer.toString(978_300_000 + 37 * written));
                out.write('\n');
                written++;
            }
        }
        return file;
    }

    /** The full UCI Online Retail file shipped beside the project in ../shared/data. */
    static Path onlineRetail() {
        for (Path candidate : new Path[]{Path.of("../shared/data/online-retail/online_retail.csv"),
                Path.of("shared/data/online-retail/online_retail.csv")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("online_retail.csv not found beside the project (../shared/data)");
    }
}
