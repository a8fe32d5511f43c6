package org.recworkbench.algo.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits item text into terms: lower case, runs of letters or digits, at least two characters, English stop words
 * dropped (optional), adjacent pairs as bigrams (optional), each category as one {@code category:name} term.
 */
final class Tokenizer {

    static final String CATEGORY_PREFIX = "category:";

    /** A common English stop-word list (articles, pronouns, auxiliaries, prepositions, conjunctions). */
    static final Set<String> STOP_WORDS = Set.of("a", "about", "above", "after", "again", "against", "all", "am",
            "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
            "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
            "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
            "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
            "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
            "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
            "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
            "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
            "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
            "yourself", "yourselves");

    private final boolean stopWords;
    private final boolean bigrams;

    Tokenizer(boolean stopWords, boolean bigrams) {
        this.stopWords = stopWords;
        this.bigrams = bigrams;
    }

    List<String> terms(String text, List<String> categories) {
        List<String> words = new ArrayList<>();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int k = 0; k <= lower.length(); k++) {
            boolean word = k < lower.length() && Character.isLetterOrDigit(lower.charAt(k));
            if (word && start < 0) {
                start = k;
            } else if (!word && start >= 0) {
                String w = lower.substring(start, k);
                if (w.length() >= 2 && !(stopWords && STOP_WORDS.contains(w))) {
                    words.add(w);
                }
                start = -1;
            }
        }
        List<String> terms = new ArrayList<>(words);
        if (bigrams) {
            for (int k = 1; k < words.size(); k++) {
                terms.add(words.get(k - 1) + " " + words.get(k));
            }
        }
        for (String c : categories) {
            if (!c.isBlank()) {
                terms.add(CATEGORY_PREFIX + c.strip().toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }
}
