package org.recworkbench.algo.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits item text into terms: lower case, runs of letters or digits, at least two characters, English stop words
 * dropped (optional), adjacent pairs as bigrams (optional), each category as one {@code category:name} term. Unless
 * numbers are kept, dates (14-Feb-1997, 1997-02-14, 14/02/1997, 14.02.1997) are removed whole before splitting and
 * words made only of digits are dropped: a year shared by a few items would otherwise weigh more than their genres.
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

    /** Day, month (number or name) and year in either order, separated by -, / or . */
    static final Pattern DATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{N}{1,4}[-/.](?:\\p{N}{1,2}|\\p{L}{3,9})[-/.]\\p{N}{1,4}(?![\\p{L}\\p{N}])");

    private final boolean stopWords;
    private final boolean bigrams;
    private final boolean numbers;

    Tokenizer(boolean stopWords, boolean bigrams, boolean numbers) {
        this.stopWords = stopWords;
        this.bigrams = bigrams;
        this.numbers = numbers;
    }

    /** The text's words and bigrams followed by the category terms. */
    List<String> terms(String text, List<String> categories) {
        List<String> terms = words(text);
        terms.addAll(categoryTerms(categories));
        return terms;
    }

    /** Each non-blank category as {@code category:name}. */
    static List<String> categoryTerms(List<String> categories) {
        List<String> terms = new ArrayList<>();
        for (String c : categories) {
            if (!c.isBlank()) {
                terms.add(CATEGORY_PREFIX + c.strip().toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }

    private static boolean digitsOnly(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The text's words (and bigrams of adjacent kept words), without category terms. */
    List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (!numbers) {
            lower = DATE.matcher(lower).replaceAll(" ");
        }
        int start = -1;
        for (int k = 0; k <= lower.length(); k++) {
            boolean word = k < lower.length() && Character.isLetterOrDigit(lower.charAt(k));
            if (word && start < 0) {
                start = k;
            } else if (!word && start >= 0) {
                String w = lower.substring(start, k);
                if (w.length() >= 2 && !(stopWords && STOP_WORDS.contains(w)) && (numbers || !digitsOnly(w))) {
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
        return terms;
    }
}
