package org.recworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A synthetic ratings file shaped like MovieLens 25M: 162,541 users, 59,047 items, exactly 25,000,095 half-star
 * ratings 0.5–5 with timestamps, in the {@code csv} layout user,item,rating,timestamp. Deterministic (seed 25).
 * <ul>
 *   <li>User activity: 20 + a log-normal with median 51 and σ 1.39 (ML-25M: at least 20 ratings, median 71, mean
 *       153.8, heaviest user 32,202), scaled to the exact total; at most half the catalogue.</li>
 *   <li>Item popularity: log-normal weights (σ 2.6) capped so no item expects more than 81,491 ratings (ML-25M's
 *       most rated film), giving a median item of about 17 ratings and about 430 items above 10,000. Every item
 *       gets at least one rating (item k is forced into one user's draw), so the catalogue is exactly 59,047.</li>
 *   <li>Ratings: 3.53 + user bias + item bias + noise, rounded to half stars.</li>
 * </ul>
 * Written once into {@code target/bench-25m/} and reused while its size matches (about 700 MB).
 */
final class Ml25mShape {

    static final int USERS = 162_541;
    static final int ITEMS = 59_047;
    static final int RATINGS = 25_000_095;
    private static final int MIN_PER_USER = 20;
    private static final int MOST_RATED = 81_491;
    private static final long SEED = 25;

    private Ml25mShape() {
    }

    /** The cached file, written first if missing or of another generation. */
    static Path ratingsFile() throws IOException {
        Path folder = Path.of("target", "bench-25m");
        Files.createDirectories(folder);
        Path file = folder.resolve("ratings-25m.csv");
        Path marker = folder.resolve("ratings-25m.done");
        if (Files.isRegularFile(file) && Files.isRegularFile(marker)
                && Files.readString(marker).trim().equals(Long.toString(Files.size(file)))) {
            return file;
        }
        Path partial = folder.resolve("ratings-25m.csv.partial");
        long start = System.nanoTime();
        write(partial);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(marker, Long.toString(Files.size(file)));
        System.out.printf("%nGENERATED %s: %,d bytes in %.1f s%n", file, Files.size(file),
                (System.nanoTime() - start) / 1e9);
        return file;
    }

    private static void write(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] perUser = activity(random);
        double[] cumulative = itemWeights(random);
        double total = cumulative[ITEMS - 1];
        double[] itemBias = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemBias[i] = 0.45 * MovieLensShape.gaussian(random);
        }
        int[] forcedFor = forcedItems();
        boolean[] taken = new boolean[ITEMS];
        int[] chosen = new int[ITEMS];
        StringBuilder line = new StringBuilder(64);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            int forcedCursor = 0;
            for (int u = 0; u < USERS; u++) {
                double userBias = 0.4 * MovieLensShape.gaussian(random);
                long time = 1_000_000_000L + (long) (random.nextDouble() * 570_000_000L);
                int n = 0;
                while (forcedCursor < ITEMS && forcedFor[forcedCursor] == u && n < perUser[u]) {
                    int item = forcedCursor++;
                    if (!taken[item]) {
                        taken[item] = true;
                        chosen[n++] = item;
                    }
                }
                while (forcedCursor < ITEMS && forcedFor[forcedCursor] == u) {
                    forcedCursor++;
                }
                while (n < perUser[u]) {
                    int p = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                    int item = Math.min(ITEMS - 1, p >= 0 ? p : -p - 1);
                    if (!taken[item]) {
                        taken[item] = true;
                        chosen[n++] = item;
                    }
                }
                for (int k = 0; k < n; k++) {
                    int item = chosen[k];
                    taken[item] = false;
                    double raw = 3.53 + userBias + itemBias[item] + 0.85 * MovieLensShape.gaussian(random);
                    double stars = Math.max(0.5, Math.min(5, Math.round(raw * 2) / 2.0));
                    time += 1 + (long) (-Math.log(1 - random.nextDouble()) * 900);
                    line.setLength(0);
                    line.append(u + 1).append(',').append(item + 1).append(',').append(stars).append(',')
                            .append(time).append('\n');
                    out.append(line);
                }
                written += n;
            }
        }
        if (written != RATINGS) {
            throw new IllegalStateException("wrote " + written + " ratings, expected " + RATINGS);
        }
    }

    /** Item k is forced into the draw of user forcedFor[k] (ascending, so users take them in one pass). */
    private static int[] forcedItems() {
        int[] forcedFor = new int[ITEMS];
        for (int k = 0; k < ITEMS; k++) {
            forcedFor[k] = (int) ((long) k * USERS / ITEMS);
        }
        return forcedFor;
    }

    /** Cumulative capped log-normal weights in a shuffled item order (so popularity is not the item id order). */
    private static double[] itemWeights(SplittableRandom random) {
        double[] w = new double[ITEMS];
        double sum = 0;
        for (int i = 0; i < ITEMS; i++) {
            w[i] = Math.exp(2.6 * MovieLensShape.gaussian(random));
            sum += w[i];
        }
        double cap = (double) MOST_RATED / RATINGS;
        // capping the heaviest items frees weight for the others; a few rounds settle the shares
        for (int round = 0; round < 20; round++) {
            double capped = 0;
            for (int i = 0; i < ITEMS; i++) {
                w[i] = Math.min(w[i], cap * sum);
                capped += w[i];
            }
            sum = capped;
        }
        double[] cumulative = new double[ITEMS];
        double running = 0;
        for (int i = 0; i < ITEMS; i++) {
            running += w[i];
            cumulative[i] = running;
        }
        return cumulative;
    }

    /** 20 + log-normal activity, scaled to exactly {@link #RATINGS}, at most half the catalogue per user. */
    private static int[] activity(SplittableRandom random) {
        int max = ITEMS / 2;
        double[] w = new double[USERS];
        double sum = 0;
        for (int u = 0; u < USERS; u++) {
            w[u] = 51 * Math.exp(1.39 * MovieLensShape.gaussian(random));
            sum += w[u];
        }
        int spare = RATINGS - MIN_PER_USER * USERS;
        int[] n = new int[USERS];
        long assigned = 0;
        for (int u = 0; u < USERS; u++) {
            n[u] = MIN_PER_USER + Math.min(max - MIN_PER_USER, (int) (w[u] / sum * spare));
            assigned += n[u];
        }
        for (int u = 0; assigned < RATINGS; u = (u + 1) % USERS) {
            if (n[u] < max) {
                n[u]++;
                assigned++;
            }
        }
        return n;
    }
}
