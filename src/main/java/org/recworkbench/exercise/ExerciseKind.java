package org.recworkbench.exercise;

import java.util.Arrays;
import java.util.List;

/** What an exercise asks the student to compute; each is worked by the engine code that computes it elsewhere. */
public enum ExerciseKind {
    COSINE("cosine", "Cosine similarity"),
    PEARSON("pearson", "Pearson correlation"),
    ADJUSTED_COSINE("adjusted-cosine", "Adjusted cosine similarity"),
    JACCARD("jaccard", "Jaccard similarity"),
    EUCLIDEAN("euclidean", "Euclidean similarity 1/(1+d)"),
    MSD("msd", "Mean-squared-difference similarity"),
    USER_KNN("user-knn", "User-kNN prediction"),
    ITEM_KNN("item-knn", "Item-kNN prediction"),
    BIAS("bias", "Bias-baseline prediction"),
    SGD_STEP("sgd-step", "One SGD step of biased MF"),
    TFIDF("tfidf", "TF-IDF weight of a term"),
    RANKING("ranking", "Precision, recall and NDCG@N of a list"),
    RMSE("rmse", "RMSE of a few predictions"),
    BCE("bce", "Binary cross-entropy");

    private final String cliName;
    private final String label;

    ExerciseKind(String cliName, String label) {
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
        return CliNames.of(values(), ExerciseKind::cliName);
    }

    public static ExerciseKind fromCliName(String name) {
        return CliNames.find(values(), ExerciseKind::cliName, name, "exercise kind");
    }

    /** "cosine,pearson" → the kinds, in the order given; blank → every kind. */
    public static List<ExerciseKind> parseList(String names) {
        if (names == null || names.isBlank()) {
            return List.of(values());
        }
        return Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(ExerciseKind::fromCliName).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
