package org.recworkbench.data;

import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic shop: item popularity follows a power law (Zipf, exponent 1), each item belongs to a
 * category and gets a title and text from that category's vocabulary, users and items have latent factors (items
 * near their category's centre) so that ratings — μ + b_u + b_i + p_u·q_i + noise, rounded into 1..5 — have
 * low-rank structure, users pick items by popularity tilted towards what they like, and timestamps spread over
 * 2024. Same spec, same sequence of rows (only {@link SplittableRandom} and our own Gaussian are used).
 */
public final class SyntheticGenerator {

    /** Receives the generated rows; items first, then users' interactions in user order. */
    public interface Sink {
        void item(String id, String title, List<String> categories, String text);

        void interaction(String user, String item, float value, int timestamp);
    }

    static final List<String> CATEGORIES = List.of("Kitchen", "Garden", "Toys", "Books", "Lighting", "Textiles",
            "Stationery", "Music");
    private static final String[][] VOCABULARY = {
            {"ceramic", "mug", "teapot", "spoon", "bowl", "enamel", "kettle", "jar", "baking", "tin", "apron", "spice"},
            {"herb", "planter", "trowel", "seed", "watering", "can", "bird", "feeder", "lantern", "pot", "hose", "rose"},
            {"wooden", "puzzle", "robot", "doll", "marble", "kite", "train", "block", "yo-yo", "dinosaur", "spinning", "top"},
            {"novel", "atlas", "cookbook", "poetry", "journal", "comic", "history", "guide", "illustrated", "classic", "story", "essay"},
            {"lamp", "candle", "fairy", "lights", "shade", "glass", "holder", "led", "bulb", "string", "nightlight", "tealight"},
            {"cushion", "blanket", "towel", "linen", "quilt", "cotton", "wool", "throw", "napkin", "tablecloth", "knitted", "pillow"},
            {"notebook", "pencil", "pen", "envelope", "sticker", "card", "paper", "ink", "ruler", "eraser", "wrap", "tag"},
            {"vinyl", "record", "guitar", "ukulele", "drum", "harmonica", "songbook", "speaker", "piano", "album", "tambourine", "flute"}};
    private static final String[] ADJECTIVES = {"red", "blue", "vintage", "small", "large", "retro", "white", "green",
            "pink", "golden", "rustic", "striped", "spotty", "jumbo", "mini", "classic"};
    private static final int YEAR_START = 1_704_067_200; // 2024-01-01T00:00:00Z
    private static final int YEAR_SECONDS = 366 * 24 * 3600;
    private static final double GLOBAL_MEAN = 3.2;
    private static final double NOISE = 0.6;
    private static final double CATEGORY_SPREAD = 0.5;

    private SyntheticGenerator() {
    }

    public static void generate(SyntheticSpec spec, Sink sink, Progress progress, Cancellation cancellation) {
        HeavyWork.enter("SyntheticGenerator.generate");
        SplittableRandom random = new SplittableRandom(spec.seed());
        int d = spec.factors();
        double scale = 1 / Math.sqrt(d);
        double[][] centres = new double[CATEGORIES.size()][d];
        for (double[] centre : centres) {
            fillGaussian(random, centre, 1.2 * scale);
        }
        int[] itemCategory = new int[spec.items()];
        double[][] itemFactors = new double[spec.items()][d];
        double[] itemBias = new double[spec.items()];
        double[] popularity = new double[spec.items()];
        for (int i = 0; i < spec.items(); i++) {
            int c = random.nextInt(CATEGORIES.size());
            itemCategory[i] = c;
            fillGaussian(random, itemFactors[i], CATEGORY_SPREAD * scale);
            for (int f = 0; f < d; f++) {
                itemFactors[i][f] += centres[c][f];
            }
            itemBias[i] = 0.3 * gaussian(random);
            popularity[i] = 1.0 / (i + 1);
            sink.item(itemId(i), title(random, c), List.of(CATEGORIES.get(c)), text(random, c));
        }
        AliasTable byPopularity = new AliasTable(popularity);
        double perUser = spec.density() * spec.items();
        double[] userFactors = new double[d];
        boolean[] taken = new boolean[spec.items()];
        int[] chosen = new int[spec.items()];
        for (int u = 0; u < spec.users(); u++) {
            if ((u & 255) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) u / spec.users(), "Generating user " + (u + 1) + " of " + spec.users());
            }
            int favourite = random.nextInt(CATEGORIES.size());
            fillGaussian(random, userFactors, 0.6 * scale);
            for (int f = 0; f < d; f++) {
                userFactors[f] += centres[favourite][f];
            }
            double userBias = 0.4 * gaussian(random);
            // activity is log-normal around the target mean: a few heavy users, many light ones
            double activity = perUser * Math.exp(0.8 * gaussian(random) - 0.32);
            int count = (int) Math.max(1, Math.min(spec.items(), Math.round(activity)));
            int picked = pickItems(random, byPopularity, itemFactors, userFactors, count, taken, chosen);
            Arrays.sort(chosen, 0, picked);
            int start = YEAR_START + random.nextInt(YEAR_SECONDS / 2);
            int span = 1 + random.nextInt(YEAR_SECONDS / 2);
            for (int k = 0; k < picked; k++) {
                int i = chosen[k];
                taken[i] = false;
                double affinity = dot(userFactors, itemFactors[i]);
                float value;
                if (spec.implicit()) {
                    value = 1 + poisson(random, Math.exp(Math.min(3, affinity)));
                } else {
                    double raw = GLOBAL_MEAN + userBias + itemBias[i] + affinity + NOISE * gaussian(random);
                    value = (float) Math.max(1, Math.min(5, Math.rint(raw)));
                }
                sink.interaction(userId(u), itemId(i), value, start + random.nextInt(span));
            }
        }
        progress.report(1, "Generated " + spec.users() + " users");
    }

    private static int pickItems(SplittableRandom random, AliasTable byPopularity, double[][] itemFactors,
                                 double[] userFactors, int count, boolean[] taken, int[] chosen) {
        int picked = 0;
        int attempts = 0;
        int maxAttempts = 50 * count + 1000;
        while (picked < count && attempts++ < maxAttempts) {
            int i = byPopularity.sample(random);
            if (taken[i]) {
                continue;
            }
            double accept = 0.5 + 0.5 * Math.tanh(dot(userFactors, itemFactors[i]));
            if (random.nextDouble() < accept) {
                taken[i] = true;
                chosen[picked++] = i;
            }
        }
        for (int i = 0; picked < count && i < taken.length; i++) {
            if (!taken[i]) {
                taken[i] = true;
                chosen[picked++] = i;
            }
        }
        return picked;
    }

    static String userId(int u) {
        return "u" + (u + 1);
    }

    static String itemId(int i) {
        return "i" + (i + 1);
    }

    private static String title(SplittableRandom random, int category) {
        String[] words = VOCABULARY[category];
        String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
        String noun = words[random.nextInt(words.length)];
        return capitalise(adjective) + " " + noun;
    }

    private static String text(SplittableRandom random, int category) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 6; w++) {
            String[] source = random.nextInt(6) == 0 ? VOCABULARY[random.nextInt(VOCABULARY.length)]
                    : VOCABULARY[category];
            if (w > 0) {
                text.append(' ');
            }
            text.append(source[random.nextInt(source.length)]);
        }
        return text.toString();
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int f = 0; f < a.length; f++) {
            sum += a[f] * b[f];
        }
        return sum;
    }

    private static void fillGaussian(SplittableRandom random, double[] target, double sd) {
        for (int f = 0; f < target.length; f++) {
            target[f] = sd * gaussian(random);
        }
    }

    /** Box–Muller, so the sequence does not depend on the JDK's Gaussian implementation. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Knuth's multiplication method; fine for the small means used here. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Walker's alias method: O(1) draws from a fixed discrete distribution. */
    static final class AliasTable {
        private final double[] probability;
        private final int[] alias;

        AliasTable(double[] weights) {
            int n = weights.length;
            probability = new double[n];
            alias = new int[n];
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double[] scaled = new double[n];
            int[] small = new int[n];
            int[] large = new int[n];
            int smallCount = 0;
            int largeCount = 0;
            for (int i = 0; i < n; i++) {
                scaled[i] = weights[i] * n / total;
                if (scaled[i] < 1) {
                    small[smallCount++] = i;
                } else {
                    large[largeCount++] = i;
                }
            }
            while (smallCount > 0 && largeCount > 0) {
                int s = small[--smallCount];
                int l = large[--largeCount];
                probability[s] = scaled[s];
                alias[s] = l;
                scaled[l] = scaled[l] + scaled[s] - 1;
                if (scaled[l] < 1) {
                    small[smallCount++] = l;
                } else {
                    large[largeCount++] = l;
                }
            }
            while (largeCount > 0) {
                probability[large[--largeCount]] = 1;
            }
            while (smallCount > 0) {
                probability[small[--smallCount]] = 1;
            }
        }

        int sample(SplittableRandom random) {
            int i = random.nextInt(probability.length);
            return random.nextDouble() < probability[i] ? i : alias[i];
        }
    }
}
