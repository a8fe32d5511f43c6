package org.recworkbench.bench;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;
import org.recworkbench.data.IdIndex;
import org.recworkbench.data.InteractionsBuilder;
import org.recworkbench.data.ItemCatalog;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic dataset shaped like MovieLens 1M: 6,040 users, 3,706 items, exactly 1,000,209 ratings 1–5; item
 * popularity Zipf(1), user activity log-normal with at least 20 and at most 2,314 ratings (ML-1M's range); ratings
 * from μ + user bias + item bias + noise. Deterministic (seed 42). Items carry short texts and categories so the
 * content model has something to index.
 */
final class MovieLensShape {

    static final int USERS = 6040;
    static final int ITEMS = 3706;
    static final int RATINGS = 1_000_209;
    private static final int MIN_PER_USER = 20;
    private static final int MAX_PER_USER = 2314;
    private static final int VOCABULARY = 2000;
    private static final String[] CATEGORIES = {"Action", "Adventure", "Animation", "Children", "Comedy", "Crime",
            "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western"};

    private MovieLensShape() {
    }

    static Dataset build() {
        return build(USERS, ITEMS, RATINGS, 42);
    }

    /** The same shape at another size (users, items, ratings), e.g. MovieLens-20M-like for implicit ALS. */
    static Dataset build(int users, int items, int ratings, long seed) {
        return build(users, items, ratings, seed, false);
    }

    /**
     * ML-1M's shape with timestamps: each user is active from a uniform start over three years, rating every
     * few hours (exponential gaps), so the time order interleaves users as a real log does.
     */
    static Dataset buildTimed() {
        return build(USERS, ITEMS, RATINGS, 42, true);
    }

    private static Dataset build(int users, int items, int ratings, long seed, boolean timed) {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom clock = new SplittableRandom(seed + 1);
        int threeYears = 3 * 365 * 86400;
        int[] perUser = activity(random, users, ratings, Math.min(MAX_PER_USER, items * 2 / 3));
        double[] cumulative = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        double[] itemBias = new double[items];
        for (int i = 0; i < items; i++) {
            itemBias[i] = 0.5 * gaussian(random);
        }
        InteractionsBuilder interactions = new InteractionsBuilder(ratings);
        boolean[] taken = new boolean[items];
        int[] chosen = new int[MAX_PER_USER];
        for (int u = 0; u < users; u++) {
            double userBias = 0.4 * gaussian(random);
            double time = 946_684_800 + clock.nextDouble() * threeYears;
            for (int k = 0; k < perUser[u]; k++) {
                int item;
                do {
                    int p = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                    item = Math.min(items - 1, p >= 0 ? p : -p - 1);
                } while (taken[item]);
                taken[item] = true;
                chosen[k] = item;
                long r = Math.round(3.58 + userBias + itemBias[item] + 0.9 * gaussian(random));
                time += -Math.log(1 - clock.nextDouble()) * 4 * 3600;
                interactions.add(u, item, Math.max(1, Math.min(5, r)), timed ? (int) time : RatingMatrix.NO_TIMESTAMP);
            }
            for (int k = 0; k < perUser[u]; k++) {
                taken[chosen[k]] = false;
            }
        }
        RatingMatrix matrix = interactions.build(users, items, DuplicatePolicy.KEEP_LAST).matrix();
        return new Dataset("ml-shape-" + ratings, DatasetKind.EXPLICIT, ids("u", users), ids("i", items), matrix,
                catalog(items, random));
    }

    /** Log-normal activity scaled to exactly {@code ratings}, clipped to [20, max]. */
    private static int[] activity(SplittableRandom random, int users, int ratings, int max) {
        double[] w = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            w[u] = Math.exp(1.1 * gaussian(random));
            sum += w[u];
        }
        int[] n = new int[users];
        int spare = ratings - MIN_PER_USER * users;
        int assigned = 0;
        for (int u = 0; u < users; u++) {
            n[u] = MIN_PER_USER + Math.min(max - MIN_PER_USER, (int) (w[u] / sum * spare));
            assigned += n[u];
        }
        for (int u = 0; assigned < ratings; u = (u + 1) % users) {
            if (n[u] < max) {
                n[u]++;
                assigned++;
            }
        }
        return n;
    }

    static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static IdIndex ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            ids.add(prefix + k);
        }
        return IdIndex.of(ids);
    }

    /** Titles of 5–10 words from a 2,000-word vocabulary (Zipf), one to three categories each. */
    static ItemCatalog catalog(int items, SplittableRandom random) {
        String[] titles = new String[items];
        String[][] categories = new String[items][];
        String[] texts = new String[items];
        for (int i = 0; i < items; i++) {
            StringBuilder s = new StringBuilder();
            int words = 5 + random.nextInt(6);
            for (int k = 0; k < words; k++) {
                int w = (int) Math.floor(Math.pow(VOCABULARY, random.nextDouble()));
                s.append(k == 0 ? "" : " ").append("word").append(w);
            }
            titles[i] = "Item " + (i + 1);
            texts[i] = s.toString();
            int c = 1 + random.nextInt(3);
            categories[i] = new String[c];
            for (int k = 0; k < c; k++) {
                categories[i][k] = CATEGORIES[random.nextInt(CATEGORIES.length)];
            }
        }
        return new ItemCatalog(titles, categories, texts);
    }
}
