package org.recworkbench.exercise;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.eval.Losses;
import org.recworkbench.eval.RankedList;
import org.recworkbench.eval.UserErrors;
import org.recworkbench.eval.UserReport;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Step;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.PairSimilarity;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes exercises. The same kind, difficulty, seed (and dataset, for real rows) always give the same exercise: the
 * numbers come from a {@link SplittableRandom} seeded by them, and every expected value is computed by the engine
 * code the Formulas view uses (similarities, kNN and bias models, the evaluation's metric derivations, the losses).
 */
public final class ExerciseGenerator {

    /** Attempts at drawing numbers that give a defined, non-degenerate answer before giving up. */
    private static final int ATTEMPTS = 400;

    private ExerciseGenerator() {
    }

    /**
     * @param real the dataset real rows are cut from; required for {@link Difficulty#REAL}, ignored otherwise
     */
    public static Exercise generate(ExerciseKind kind, Difficulty difficulty, long seed, Dataset real) {
        if (difficulty == Difficulty.REAL && real == null) {
            throw new InvalidInputException("Real exercises need a dataset: load one (or give --dataset NAME)");
        }
        // mixed with the kind's and difficulty's names (String.hashCode is specified), not their positions, so a
        // kind added later leaves every other kind's exercises as they were
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + kind.cliName().hashCode() * 101L
                + difficulty.cliName().hashCode());
        Dataset source = difficulty == Difficulty.REAL ? real : null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Draft draft = switch (kind) {
                case COSINE, PEARSON, JACCARD, EUCLIDEAN, MSD -> userSimilarity(kind, difficulty, random, source);
                case ADJUSTED_COSINE -> adjustedCosine(difficulty, random, source);
                case USER_KNN, ITEM_KNN, BIAS -> prediction(kind, difficulty, random, source);
                case SGD_STEP -> sgdStep(difficulty, random, source);
                case TFIDF -> tfidf(difficulty, random, source);
                case RANKING -> ranking(difficulty, random, source);
                case RMSE -> rmse(difficulty, random, source);
                case BCE -> bce(difficulty, random, source);
            };
            if (draft != null && usable(draft.derivation())) {
                return new Exercise(kind, difficulty, seed, source == null ? null : source.name(), draft.question(),
                        draft.tables(), answerSteps(draft.derivation()), draft.derivation());
            }
        }
        throw new InvalidInputException("No " + kind.cliName() + " exercise could be made"
                + (source == null ? "" : " from dataset " + source.name() + " (too few overlapping ratings)"));
    }

    private record Draft(String question, List<InputTable> tables, Derivation derivation) {
    }

    /** A derivation worth asking: a finite result reached without a "gives 0" shortcut. */
    private static boolean usable(Derivation d) {
        if (!Double.isFinite(d.result())) {
            return false;
        }
        for (Step s : d.steps()) {
            if (s.key() != null ? DEGENERATE.contains(s.key()) : degenerateTitle(s.title())) {
                return false;
            }
        }
        return answerSteps(d).size() >= 2;
    }

    /** Keys of the steps that end a similarity early with 0: nothing left to compute. */
    private static final Set<String> DEGENERATE = Set.of("sim.noCoRated", "sim.tooLittleOverlap", "sim.zeroNorm",
            "sim.constantVector");

    /** The same for a step recorded without a key, read from its English title. */
    private static boolean degenerateTitle(String t) {
        return t.contains("gives 0") || t.startsWith("No co-rated") || t.startsWith("Too little overlap")
                || t.startsWith("Too few");
    }

    /** The derivation's steps that produce a number, numbered; a step repeated with the same value is asked once. */
    static List<AnswerStep> answerSteps(Derivation d) {
        List<AnswerStep> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Step s : d.steps()) {
            if (Double.isFinite(s.value()) && seen.add(s.title() + "\u0000" + s.value())) {
                steps.add(new AnswerStep(steps.size() + 1, s.title(), s.latex(), s.value(), s.key()));
            }
        }
        return steps;
    }

    // ---------------------------------------------------------------- numbers

    private static double rating(Difficulty difficulty, SplittableRandom random) {
        return difficulty == Difficulty.EASY ? 1 + random.nextInt(5) : 1 + random.nextInt(9) * 0.5;
    }

    /** A users × items matrix of ratings (NaN = missing, with the given share of gaps). */
    private static double[][] matrix(int users, int items, double missing, Difficulty difficulty,
                                     SplittableRandom random) {
        double[][] m = new double[users][items];
        for (double[] row : m) {
            for (int i = 0; i < items; i++) {
                row[i] = random.nextDouble() < missing ? Double.NaN : rating(difficulty, random);
            }
        }
        return m;
    }

    private static List<String> labels(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            out.add(prefix + k);
        }
        return out;
    }

    private static Dataset dataset(List<String> users, List<String> items, double[][] m) {
        DatasetBuilder b = new DatasetBuilder("exercise", DatasetKind.EXPLICIT);
        for (String item : items) {
            b.item(item, item, new String[0], "");
        }
        for (int u = 0; u < users.size(); u++) {
            b.user(users.get(u));
            for (int i = 0; i < items.size(); i++) {
                if (!Double.isNaN(m[u][i])) {
                    b.add(users.get(u), items.get(i), m[u][i]);
                }
            }
        }
        return b.build();
    }

    private static InputTable ratingTable(String caption, List<String> users, List<String> items, double[][] m) {
        List<String> header = new ArrayList<>();
        header.add(Words.t("ex.col.userItem"));
        header.addAll(items);
        List<List<String>> rows = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            List<String> row = new ArrayList<>();
            row.add(users.get(u));
            for (int i = 0; i < items.size(); i++) {
                row.add(Double.isNaN(m[u][i]) ? "" : Latex.num(m[u][i]));
            }
            rows.add(row);
        }
        return new InputTable(caption, header, rows);
    }

    // ---------------------------------------------------------------- real rows

    /** The ratings of the given users on the given items from a dataset (NaN where none). */
    private static double[][] cut(Dataset d, int[] users, int[] items) {
        RatingMatrix r = d.ratings();
        double[][] m = new double[users.length][items.length];
        for (int u = 0; u < users.length; u++) {
            Arrays.fill(m[u], Double.NaN);
            for (int p = r.rowStart(users[u]); p < r.rowStart(users[u]) + r.rowLength(users[u]); p++) {
                for (int i = 0; i < items.length; i++) {
                    if (r.rowItem(p) == items[i]) {
                        m[u][i] = r.rowValue(p);
                    }
                }
            }
        }
        return m;
    }

    private static Set<Integer> itemsOf(Dataset d, int u) {
        RatingMatrix r = d.ratings();
        Set<Integer> items = new LinkedHashSet<>();
        for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
            items.add(r.rowItem(p));
        }
        return items;
    }

    private static List<String> ids(Dataset d, int[] indices, boolean users) {
        List<String> out = new ArrayList<>();
        for (int x : indices) {
            out.add(users ? d.users().id(x) : d.items().id(x));
        }
        return out;
    }

    private static int randomUser(Dataset d, SplittableRandom random, int minRatings) {
        if (d.userCount() == 0) {
            return -1;
        }
        for (int tries = 0; tries < 200; tries++) {
            int u = random.nextInt(d.userCount());
            if (d.ratings().rowLength(u) >= minRatings) {
                return u;
            }
        }
        return -1;
    }

    /** Up to {@code max} of a's items shared with b first, then a few of either's own, in item order. */
    private static int[] columnsFor(Set<Integer> a, Set<Integer> b, int max, SplittableRandom random) {
        List<Integer> shared = new ArrayList<>(a);
        shared.retainAll(b);
        List<Integer> own = new ArrayList<>(a);
        own.addAll(b);
        own.removeAll(shared);
        own = new ArrayList<>(new LinkedHashSet<>(own));
        shuffle(shared, random);
        shuffle(own, random);
        List<Integer> chosen = new ArrayList<>(shared.subList(0, Math.min(shared.size(), max - Math.min(2,
                own.size()))));
        for (int k = 0; k < own.size() && chosen.size() < max; k++) {
            chosen.add(own.get(k));
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int k = list.size() - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            T t = list.get(k);
            list.set(k, list.get(j));
            list.set(j, t);
        }
    }

    // ---------------------------------------------------------------- similarities

    private static Measure measure(ExerciseKind kind) {
        return switch (kind) {
            case COSINE -> Measure.COSINE;
            case PEARSON -> Measure.PEARSON;
            case JACCARD -> Measure.JACCARD;
            case EUCLIDEAN -> Measure.EUCLIDEAN;
            case MSD -> Measure.MSD;
            default -> Measure.ADJUSTED_COSINE;
        };
    }

    private static Draft userSimilarity(ExerciseKind kind, Difficulty difficulty, SplittableRandom random,
                                        Dataset source) {
        List<String> users;
        List<String> items;
        double[][] m;
        if (source != null) {
            int a = randomUser(source, random, 3);
            if (a < 0) {
                return null;
            }
            Set<Integer> ia = itemsOf(source, a);
            int b = -1;
            for (int tries = 0; tries < 300 && b < 0; tries++) {
                int c = random.nextInt(source.userCount());
                Set<Integer> shared = new HashSet<>(itemsOf(source, c));
                shared.retainAll(ia);
                if (c != a && shared.size() >= 2) {
                    b = c;
                }
            }
            if (b < 0) {
                return null;
            }
            int[] cols = columnsFor(ia, itemsOf(source, b), 8, random);
            int[] rows = {a, b};
            m = cut(source, rows, cols);
            users = ids(source, rows, true);
            items = ids(source, cols, false);
        } else {
            boolean easy = difficulty == Difficulty.EASY;
            int n = easy ? 3 + random.nextInt(3) : 5 + random.nextInt(4);
            double missing = kind == ExerciseKind.JACCARD ? 0.35 : easy ? 0 : 0.3;
            m = matrix(2, kind == ExerciseKind.JACCARD && easy ? Math.max(n, 4) : n, missing, difficulty, random);
            users = List.of("a", "b");
            items = labels("i", m[0].length);
        }
        SimilarityOptions options = SimilarityOptions.of(measure(kind));
        PairSimilarity pair = new Similarities(dataset(users, items, m), Orientation.USERS, options).explain(0, 1);
        String question = Words.t("ex.similarity.question", Words.t("ex.noun." + kind.cliName()), users.get(0),
                users.get(1), options.conventionText());
        return new Draft(question, List.of(ratingTable(Words.t("ex.caption.ratings"), users, items, m)),
                pair.derivation());
    }

    private static Draft adjustedCosine(Difficulty difficulty, SplittableRandom random, Dataset source) {
        List<String> users;
        List<String> items;
        double[][] m;
        if (source != null) {
            int u = randomUser(source, random, 3);
            if (u < 0) {
                return null;
            }
            List<Integer> rated = new ArrayList<>(itemsOf(source, u));
            shuffle(rated, random);
            int a = rated.get(0);
            int b = rated.get(1);
            List<Integer> both = new ArrayList<>();
            RatingMatrix r = source.ratings();
            for (int q = r.colStart(a); q < r.colStart(a) + r.colLength(a); q++) {
                int v = r.colUser(q);
                if (itemsOf(source, v).contains(b)) {
                    both.add(v);
                }
            }
            if (both.size() < 2 || r.colLength(a) < 2) {
                return null;
            }
            shuffle(both, random);
            int[] rows = both.subList(0, Math.min(5, both.size())).stream().mapToInt(Integer::intValue).sorted()
                    .toArray();
            // two more items the chosen users rated, so each user's mean is over more than the two compared items
            Set<Integer> extra = new LinkedHashSet<>();
            for (int v : rows) {
                for (int i : itemsOf(source, v)) {
                    if (i != a && i != b && extra.size() < 2) {
                        extra.add(i);
                    }
                }
            }
            List<Integer> cols = new ArrayList<>(List.of(a, b));
            cols.addAll(extra);
            int[] colArray = cols.stream().mapToInt(Integer::intValue).toArray();
            m = cut(source, rows, colArray);
            users = ids(source, rows, true);
            items = ids(source, colArray, false);
        } else {
            boolean easy = difficulty == Difficulty.EASY;
            int userCount = easy ? 3 + random.nextInt(2) : 4 + random.nextInt(2);
            m = matrix(userCount, easy ? 3 : 4, easy ? 0 : 0.25, difficulty, random);
            users = labels("u", userCount);
            items = labels("i", m[0].length);
        }
        SimilarityOptions options = SimilarityOptions.of(Measure.ADJUSTED_COSINE);
        PairSimilarity pair = new Similarities(dataset(users, items, m), Orientation.ITEMS, options).explain(0, 1);
        String question = Words.t("ex.adjusted.question", items.get(0), items.get(1), options.conventionText());
        return new Draft(question, List.of(ratingTable(Words.t("ex.caption.ratings"), users, items, m)),
                pair.derivation());
    }

    // ---------------------------------------------------------------- predictions

    private static Draft prediction(ExerciseKind kind, Difficulty difficulty, SplittableRandom random,
                                    Dataset source) {
        List<String> users;
        List<String> items;
        double[][] m;
        if (source != null) {
            int u = randomUser(source, random, 3);
            if (u < 0) {
                return null;
            }
            Set<Integer> mine = itemsOf(source, u);
            // a target item the user has not rated, rated by at least two users who share items with them
            int target = -1;
            List<Integer> raters = new ArrayList<>();
            for (int tries = 0; tries < 60 && target < 0; tries++) {
                int i = random.nextInt(source.itemCount());
                if (mine.contains(i) || source.ratings().colLength(i) < 2) {
                    continue;
                }
                raters.clear();
                RatingMatrix r = source.ratings();
                for (int q = r.colStart(i); q < r.colStart(i) + r.colLength(i) && raters.size() < 40; q++) {
                    int v = r.colUser(q);
                    if (v != u) {
                        Set<Integer> shared = new HashSet<>(itemsOf(source, v));
                        shared.retainAll(mine);
                        if (shared.size() >= 2) {
                            raters.add(v);
                        }
                    }
                }
                if (raters.size() >= 2) {
                    target = i;
                }
            }
            if (target < 0) {
                return null;
            }
            shuffle(raters, random);
            List<Integer> rowList = new ArrayList<>(List.of(u));
            rowList.addAll(raters.subList(0, Math.min(4, raters.size())));
            // the user's items the chosen raters rated most, so the table holds their overlaps
            List<Integer> own = new ArrayList<>(mine);
            shuffle(own, random);
            List<Set<Integer>> rowItems = new ArrayList<>();
            for (int v : rowList) {
                rowItems.add(itemsOf(source, v));
            }
            own.sort(java.util.Comparator.comparingInt(i -> -(int) rowItems.stream().filter(s -> s.contains(i))
                    .count()));
            List<Integer> cols = new ArrayList<>(own.subList(0, Math.min(5, own.size())));
            cols.sort(null);
            cols.add(target);
            int[] rows = rowList.stream().mapToInt(Integer::intValue).toArray();
            int[] colArray = cols.stream().mapToInt(Integer::intValue).toArray();
            m = cut(source, rows, colArray);
            users = ids(source, rows, true);
            items = ids(source, colArray, false);
        } else {
            boolean easy = difficulty == Difficulty.EASY;
            int userCount = easy ? 4 : 5;
            int itemCount = easy ? 4 : 5;
            m = matrix(userCount, itemCount, easy ? 0 : 0.25, difficulty, random);
            users = labels("u", userCount);
            items = labels("i", itemCount);
        }
        int u = 0;
        int i = items.size() - 1;
        m[u][i] = Double.NaN;
        Dataset d = dataset(users, items, m);
        String id = kind.cliName();
        Algorithm<?> algorithm = AlgorithmRegistry.require(id);
        ParamValues params = algorithm.defaults();
        if (kind != ExerciseKind.BIAS) {
            params = params.with("k", 2);
        }
        Model model = algorithm.fit(d, params, Progress.NONE, Cancellation.NEVER);
        Derivation derivation = model.explain(u, i).derivation();
        if (derivation == null) {
            return null;
        }
        String question = Words.t("ex.prediction.question", users.get(u), items.get(i),
                Words.t("ex.method." + kind.cliName()), params.toString().replace(";", ", "));
        return new Draft(question, List.of(ratingTable(Words.t("ex.caption.ratings"), users, items, m)), derivation);
    }

    // ---------------------------------------------------------------- one SGD step

    /** A value in [from, to] on a grid of {@code step}, e.g. one decimal. */
    private static double grid(SplittableRandom random, double from, double to, double step) {
        long steps = Math.round((to - from) / step);
        return Math.round((from + random.nextLong(steps + 1) * step) / step) * step;
    }

    private static Draft sgdStep(Difficulty difficulty, SplittableRandom random, Dataset source) {
        boolean easy = difficulty == Difficulty.EASY;
        int k = easy ? 2 : 3;
        double unit = easy ? 0.1 : 0.01;
        double rating;
        double mu;
        double bu;
        double bi;
        String[] who = null;
        if (source != null) {
            int u = randomUser(source, random, 2);
            if (u < 0) {
                return null;
            }
            RatingMatrix r = source.ratings();
            int p = r.rowStart(u) + random.nextInt(r.rowLength(u));
            int i = r.rowItem(p);
            rating = r.rowValue(p);
            double all = 0;
            for (int v = 0; v < source.userCount(); v++) {
                for (int q = r.rowStart(v); q < r.rowStart(v) + r.rowLength(v); q++) {
                    all += r.rowValue(q);
                }
            }
            mu = Math.round(100 * all / Math.max(1, r.size())) / 100.0;
            // the biases start at the user's and the item's mean offsets from μ, to two decimals
            double su = 0;
            for (int q = r.rowStart(u); q < r.rowStart(u) + r.rowLength(u); q++) {
                su += r.rowValue(q);
            }
            double si = 0;
            for (int q = r.colStart(i); q < r.colStart(i) + r.colLength(i); q++) {
                si += r.colValue(q);
            }
            bu = Math.round(100 * (su / r.rowLength(u) - mu)) / 100.0;
            bi = Math.round(100 * (si / r.colLength(i) - mu)) / 100.0;
            who = new String[] {source.users().id(u), source.items().id(i), source.name()};
        } else {
            rating = 1 + random.nextInt(5);
            mu = easy ? grid(random, 3, 4, 0.5) : grid(random, 3, 4, 0.01);
            bu = grid(random, -0.5, 0.5, unit);
            bi = grid(random, -0.5, 0.5, unit);
        }
        double[] pu = new double[k];
        double[] qi = new double[k];
        for (int f = 0; f < k; f++) {
            pu[f] = grid(random, -1, 1, unit);
            qi[f] = grid(random, -1, 1, unit);
        }
        double gamma = easy ? 0.1 : 0.05;
        double regBias = easy ? 0.1 : 0.02;
        double regFactors = easy ? 0.1 : 0.05;
        Derivation derivation = org.recworkbench.algo.mf.BiasedMfAlgorithm.explainStep(Words.t("sgd.titleExercise",
                Latex.num(rating), Latex.num(gamma), Latex.num(regBias), Latex.num(regFactors)), rating, mu, bu, bi,
                pu, qi, gamma, regBias, regFactors);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(Words.t("ex.sgd.rating"), Latex.num(rating)));
        rows.add(List.of(Words.t("ex.sgd.mu"), Latex.num(mu)));
        rows.add(List.of("b_u", Latex.num(bu)));
        rows.add(List.of("b_i", Latex.num(bi)));
        rows.add(List.of("p_u", "(" + Latex.list(k, f -> Latex.num(pu[f])) + ")"));
        rows.add(List.of("q_i", "(" + Latex.list(k, f -> Latex.num(qi[f])) + ")"));
        rows.add(List.of(Words.t("ex.sgd.gamma"), Latex.num(gamma)));
        rows.add(List.of(Words.t("ex.sgd.regBias"), Latex.num(regBias)));
        rows.add(List.of(Words.t("ex.sgd.regFactors"), Latex.num(regFactors)));
        String question = who == null ? Words.t("ex.sgd.question") : Words.t("ex.sgd.questionReal", (Object[]) who);
        return new Draft(question, List.of(new InputTable(Words.t("ex.caption.before"),
                List.of(Words.t("ex.col.parameter"), Words.t("ex.col.value")), rows)), derivation);
    }

    // ---------------------------------------------------------------- TF-IDF

    private static final String[] WORDS = {"space", "robot", "comedy", "love", "war", "music", "dragon", "ocean",
        "city", "family", "detective", "magic"};

    /** Up to {@code max} words of a text that are plain lower-case letters (no stop words, numbers or dates). */
    private static List<String> plainWords(String text, int max) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (w.length() >= 3 && out.size() < max && !STOP_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "that", "this", "are",
            "was", "but", "not", "you", "all", "any", "can", "her", "his", "its", "our", "out", "who", "one", "has",
            "had", "have", "into", "than", "then", "them", "they", "their", "there", "these", "those", "what", "when",
            "where", "which", "while", "will", "would", "your", "about", "after", "again", "also", "been", "before",
            "being", "both", "each", "few", "more", "most", "other", "over", "same", "some", "such", "only", "own",
            "very", "just", "does", "did", "doing", "off", "too", "under", "until", "why", "how", "him", "she");

    private static Draft tfidf(Difficulty difficulty, SplittableRandom random, Dataset source) {
        boolean easy = difficulty == Difficulty.EASY;
        int documents = easy ? 3 : 5;
        List<List<String>> texts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        if (source != null) {
            List<Integer> withText = new ArrayList<>();
            for (int i = 0; i < source.itemCount(); i++) {
                if (plainWords(source.catalog().text(i), 6).size() >= 3) {
                    withText.add(i);
                }
            }
            if (withText.size() < documents) {
                return null;
            }
            shuffle(withText, random);
            for (int k = 0; k < documents; k++) {
                int i = withText.get(k);
                texts.add(plainWords(source.catalog().text(i), 6));
                ids.add(source.items().id(i));
            }
        } else {
            int vocabulary = easy ? 5 : 8;
            for (int k = 0; k < documents; k++) {
                int length = easy ? 3 + random.nextInt(2) : 4 + random.nextInt(4);
                List<String> words = new ArrayList<>();
                for (int w = 0; w < length; w++) {
                    words.add(WORDS[random.nextInt(vocabulary)]);
                }
                texts.add(words);
                ids.add("d" + (k + 1));
            }
        }
        // the documents are item texts: no title, no categories, so every term comes from the text (weight 1)
        DatasetBuilder b = new DatasetBuilder("exercise", DatasetKind.IMPLICIT);
        for (int k = 0; k < documents; k++) {
            b.item(ids.get(k), "", new String[0], String.join(" ", texts.get(k)));
        }
        b.add("reader", ids.get(0), 1);
        Dataset d = b.build();
        Algorithm<?> algorithm = AlgorithmRegistry.require("content-tfidf");
        ParamValues params = algorithm.defaults();
        Model model = algorithm.fit(d, params, Progress.NONE, Cancellation.NEVER);
        if (!(model instanceof org.recworkbench.algo.content.ContentModel content)) {
            return null;
        }
        int item = random.nextInt(documents);
        List<String> own = texts.get(item);
        String term = own.get(random.nextInt(own.size()));
        if (!content.termsOf(item).contains(term)) {
            return null;
        }
        Derivation derivation = content.explainTermWeight(item, term);
        if (!(derivation.result() > 0.001 && derivation.result() < 0.999)) {
            // a term in every document (idf 0) or the document's only informative term (weight 1): draw again
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < documents; k++) {
            rows.add(List.of(ids.get(k), String.join(" ", texts.get(k))));
        }
        String question = Words.t(source == null ? "ex.tfidf.question" : "ex.tfidf.questionReal", term, ids.get(item),
                String.valueOf(documents), Words.t("tfidf.variant." + params.getChoice("tf")),
                Words.t("tfidf.idfVariant." + params.getChoice("idf")), source == null ? "" : source.name());
        return new Draft(question, List.of(new InputTable(Words.t("ex.caption.documents"),
                List.of(Words.t("ex.col.document"), Words.t("ex.col.text")), rows)), derivation);
    }

    // ---------------------------------------------------------------- evaluation

    private static Draft ranking(Difficulty difficulty, SplittableRandom random, Dataset source) {
        boolean easy = difficulty == Difficulty.EASY;
        int n = easy ? 5 : 8;
        boolean[] relevant = new boolean[n];
        List<String> items;
        String user = "u";
        int relevantCount;
        if (source != null) {
            int u = randomUser(source, random, 3);
            if (u < 0 || source.itemCount() < n) {
                return null;
            }
            user = source.users().id(u);
            Set<Integer> mine = itemsOf(source, u);
            List<Integer> liked = new ArrayList<>();
            RatingMatrix r = source.ratings();
            boolean explicit = source.kind() == DatasetKind.EXPLICIT;
            for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
                if (!explicit || r.rowValue(p) >= 4) {
                    liked.add(r.rowItem(p));
                }
            }
            if (liked.isEmpty()) {
                return null;
            }
            // a list mixing some of the user's liked items with others, as a recommender might return it
            List<Integer> pool = new ArrayList<>(liked);
            shuffle(pool, random);
            List<Integer> list = new ArrayList<>(pool.subList(0, Math.min(pool.size(), 1 + random.nextInt(3))));
            for (int tries = 0; tries < 1000 && list.size() < n; tries++) {
                int i = random.nextInt(source.itemCount());
                if (!list.contains(i) && !mine.contains(i)) {
                    list.add(i);
                }
            }
            if (list.size() < n) {
                return null;
            }
            shuffle(list, random);
            items = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                items.add(source.items().id(list.get(k)));
                relevant[k] = liked.contains(list.get(k));
            }
            relevantCount = liked.size();
        } else {
            int hits = 0;
            for (int k = 0; k < n; k++) {
                relevant[k] = random.nextDouble() < 0.4;
                hits += relevant[k] ? 1 : 0;
            }
            if (hits == 0) {
                return null;
            }
            relevantCount = hits + random.nextInt(easy ? 2 : 4);
            items = labels("i", n);
        }
        if (relevantCount == 0) {
            return null;
        }
        DatasetBuilder b = new DatasetBuilder("exercise", DatasetKind.IMPLICIT).user(user);
        for (String item : items) {
            b.item(item, item, new String[0], "");
        }
        Dataset d = b.build();
        int[] order = new int[n];
        double[] scores = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            scores[k] = n - k;
        }
        UserReport report = UserReport.of(d, 0, n, null, RankedList.binary(relevant, relevantCount),
                new ScoredItems(order, scores));
        List<Step> steps = new ArrayList<>();
        for (Derivation part : List.of(report.precision(), report.recall(), report.ndcg())) {
            steps.addAll(part.steps());
        }
        Derivation derivation = new Derivation(Words.t("ex.ranking.title", String.valueOf(n), user), steps);
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            rows.add(List.of(Integer.toString(k + 1), items.get(k), Words.t(relevant[k] ? "ex.yes" : "ex.no")));
        }
        String question = Words.t(relevantCount == 1 ? "ex.ranking.questionOne" : "ex.ranking.question", user,
                String.valueOf(n), String.valueOf(relevantCount));
        return new Draft(question, List.of(new InputTable(Words.t("ex.caption.list"), List.of(Words.t("ex.col.rank"),
                Words.t("ex.col.item"), Words.t("ex.col.relevant")), rows)), derivation);
    }

    private static Draft rmse(Difficulty difficulty, SplittableRandom random, Dataset source) {
        boolean easy = difficulty == Difficulty.EASY;
        int n;
        double[] actual;
        double[] predicted;
        List<String> items;
        String user = "u";
        if (source != null) {
            int u = randomUser(source, random, 3);
            if (u < 0) {
                return null;
            }
            user = source.users().id(u);
            RatingMatrix r = source.ratings();
            List<Integer> positions = new ArrayList<>();
            for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
                positions.add(p);
            }
            shuffle(positions, random);
            n = Math.min(5, positions.size());
            positions = new ArrayList<>(positions.subList(0, n));
            positions.sort(null);
            actual = new double[n];
            predicted = new double[n];
            items = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int p = positions.get(k);
                int item = r.rowItem(p);
                actual[k] = r.rowValue(p);
                // the prediction: the item's mean rating in the dataset, to two decimals
                double sum = 0;
                for (int q = r.colStart(item); q < r.colStart(item) + r.colLength(item); q++) {
                    sum += r.colValue(q);
                }
                predicted[k] = Math.round(100 * sum / r.colLength(item)) / 100.0;
                items.add(source.items().id(item));
            }
        } else {
            n = easy ? 3 + random.nextInt(2) : 5 + random.nextInt(2);
            actual = new double[n];
            predicted = new double[n];
            for (int k = 0; k < n; k++) {
                actual[k] = 1 + random.nextInt(5);
                predicted[k] = easy ? Math.max(1, Math.min(5, actual[k] + (random.nextInt(5) - 2) * 0.5))
                        : 1 + random.nextInt(41) / 10.0;
            }
            items = labels("i", n);
        }
        DatasetBuilder b = new DatasetBuilder("exercise", DatasetKind.EXPLICIT).user(user);
        for (String item : items) {
            b.item(item, item, new String[0], "");
        }
        Dataset d = b.build();
        int[] indices = new int[n];
        double se = 0;
        double ae = 0;
        double sum = 0;
        double fourth = 0;
        for (int k = 0; k < n; k++) {
            indices[k] = k;
            double e = predicted[k] - actual[k];
            se += e * e;
            ae += Math.abs(e);
            sum += e;
            fourth += e * e * e * e;
        }
        UserErrors errors = new UserErrors(n, n, sum, se, fourth, ae, indices, actual, predicted);
        Derivation derivation = UserReport.of(d, 0, n, errors, null, null).rmse();
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            rows.add(List.of(items.get(k), Latex.num(actual[k]), Latex.num(predicted[k])));
        }
        String question = source == null ? Words.t("ex.rmse.question", user)
                : Words.t("ex.rmse.questionReal", user, source.name());
        return new Draft(question, List.of(new InputTable(Words.t("ex.caption.predictions"),
                List.of(Words.t("ex.col.item"), Words.t("ex.col.actual"), Words.t("ex.col.predicted")), rows)),
                derivation);
    }

    private static Draft bce(Difficulty difficulty, SplittableRandom random, Dataset source) {
        boolean easy = difficulty == Difficulty.EASY;
        int n = easy ? 4 : 6;
        double[] y = new double[n];
        double[] p = new double[n];
        List<String> items = labels("i", n);
        String who = null;
        if (source != null) {
            int u = randomUser(source, random, 3);
            if (u < 0 || source.itemCount() < n + 3) {
                return null;
            }
            who = source.users().id(u);
            Set<Integer> mine = itemsOf(source, u);
            List<Integer> own = new ArrayList<>(mine);
            shuffle(own, random);
            List<Integer> chosen = new ArrayList<>(own.subList(0, Math.min(n / 2, own.size())));
            for (int tries = 0; tries < 1000 && chosen.size() < n; tries++) {
                int i = random.nextInt(source.itemCount());
                if (!mine.contains(i) && !chosen.contains(i)) {
                    chosen.add(i);
                }
            }
            if (chosen.size() < n) {
                return null;
            }
            shuffle(chosen, random);
            int most = 1;
            for (int i = 0; i < source.itemCount(); i++) {
                most = Math.max(most, source.ratings().colLength(i));
            }
            for (int k = 0; k < n; k++) {
                int i = chosen.get(k);
                y[k] = mine.contains(i) ? 1 : 0;
                // the predicted probability: the item's popularity, (count + 1) / (largest count + 2), to two decimals
                p[k] = Math.round(100.0 * (source.ratings().colLength(i) + 1) / (most + 2)) / 100.0;
                p[k] = Math.max(0.01, Math.min(0.99, p[k]));
                items.set(k, source.items().id(i));
            }
        } else {
            for (int k = 0; k < n; k++) {
                y[k] = random.nextBoolean() ? 1 : 0;
                p[k] = easy ? (1 + random.nextInt(9)) / 10.0 : (1 + random.nextInt(99)) / 100.0;
            }
        }
        Derivation.Builder trace = Derivation.builder(who == null ? Words.t("ex.bce.title", String.valueOf(n))
                : Words.t("ex.bce.titleUser", String.valueOf(n), who));
        Losses.binaryCrossEntropy(y, p, Losses.Reduction.MEAN, trace);
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            rows.add(List.of(items.get(k), Latex.num(y[k]), Latex.num(p[k])));
        }
        String question = source == null ? Words.t("ex.bce.question")
                : Words.t("ex.bce.questionReal", who, source.name());
        return new Draft(question, List.of(new InputTable(Words.t("ex.caption.predictions"),
                List.of(Words.t("ex.col.item"), "y", "ŷ"), rows)), trace.build());
    }
}
