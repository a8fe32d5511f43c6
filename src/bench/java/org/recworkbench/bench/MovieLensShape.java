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
        SplittableRandom random = new SplittableRandom(42);
        int[] perUser = activity(random);
        double[] cumulative = new double[ITEMS];
        double total = 0;
        for (int i = 0; i < ITEMS; i++) {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        double[] itemBias = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemBias[i] = 0.5 * gaussian(random);
        }
        InteractionsBuilder interactions = new InteractionsBuilder(RATINGS);
        boolean[] taken = new boolean[ITEMS];
        int[] chosen = new int[MAX_PER_USER];
        for (int u = 0; u < USERS; u++) {
            double userBias = 0.4 * gaussian(random);
            for (int k = 0; k < perUser[u]; k++) {
                int item;
                do {
                    int p = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                    item = Math.min(ITEMS - 1, p >= 0 ? p : -p - 1);
                } while (taken[item]);
                taken[item] = true;
                chosen[k] = item;
                long r = Math.round(3.58 + userBias + itemBias[item] + 0.9 * gaussian(random));
                interactions.add(u, item, Math.max(1, Math.min(5, r)), RatingMatrix.NO_TIMESTAMP);
            }
            for (int k = 0; k < perUser[u]; k++) {
                taken[chosen[k]] = false;
            }
        }
        RatingMatrix matrix = interactions.build(USERS, ITEMS, DuplicatePolicy.KEEP_LAST).matrix();
        return new Dataset("ml-1m-shape", DatasetKind.EXPLICIT, ids("u", USERS), ids("i", ITEMS), matrix,
                catalog(ITEMS, random));
    }

    /** Log-normal activity scaled to exactly {@link #RATINGS}, clipped to ML-1M's [20, 2314]. */
    private static int[] activity(SplittableRandom random) {
        double[] w = new double[USERS];
        double sum = 0;
        for (int u = 0; u < USERS; u++) {
            w[u] = Math.exp(1.1 * gaussian(random));
            sum += w[u];
        }
        int[] n = new int[USERS];
        int spare = RATINGS - MIN_PER_USER * USERS;
        int assigned = 0;
        for (int u = 0; u < USERS; u++) {
            n[u] = MIN_PER_USER + Math.min(MAX_PER_USER - MIN_PER_USER, (int) (w[u] / sum * spare));
            assigned += n[u];
        }
        for (int u = 0; assigned < RATINGS; u = (u + 1) % USERS) {
            if (n[u] < MAX_PER_USER) {
                n[u]++;
                assigned++;
            }
        }
        return n;
    }

    private static double gaussian(SplittableRandom random) {
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
