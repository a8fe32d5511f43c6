package org.recworkbench.store.importer;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.Excerpt;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.eval.ExternalLists;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads top-N lists made by any tool: a delimited file (comma, semicolon or tab, found from the header line; RFC
 * 4180 quotes) whose header names a user column ({@code user}, {@code user_id}, {@code userId}), an item column
 * ({@code item}, {@code item_id}, {@code itemId}) and {@code rank} (1 is best) or {@code score} (higher is better,
 * ties in file order); with both, rank decides. Other columns (our own export's {@code item_title},
 * {@code algorithm} …) are ignored. Ids are the training dataset's external ids: rows of unknown users or items are
 * counted and skipped, rows naming an item the user has in training are dropped and counted (such items are never
 * candidates), and the same (user, item) twice is refused with both lines.
 */
public final class RecommendationListReader {

    private static final int SNIFF_BYTES = 1 << 16;
    static final List<String> USER_NAMES = List.of("user", "user_id", "userid");
    static final List<String> ITEM_NAMES = List.of("item", "item_id", "itemid");

    private RecommendationListReader() {
    }

    /** A matched row: item, sort key (rank, or −score), file order, line, and whether it is a training item. */
    private record Entry(int item, double key, int order, int line, boolean training) {
    }

    public static ExternalLists read(Path file, Dataset train, Progress progress, Cancellation cancellation) {
        if (InputFiles.isStdin(file)) {
            throw new ImportException(file, 0, 0, "a recommendation list must be a file (its path and checksum are "
                    + "recorded so the run can be repeated); expected a file name, not -");
        }
        String delimiter = sniffDelimiter(file);
        MessageDigest digest = sha256();
        RatingMatrix seen = train.ratings();
        List<List<Entry>> byUser = new ArrayList<>(train.userCount());
        for (int u = 0; u < train.userCount(); u++) {
            byUser.add(null);
        }
        UnmatchedRows unmatched;
        int itemColumn;
        int rows = 0;
        int dropped = 0;
        int matched = 0;
        boolean byRank;
        try (DelimitedReader in = new DelimitedReader(file, StandardCharsets.UTF_8, delimiter, true, digest,
                progress, cancellation)) {
            if (!in.next()) {
                throw new ImportException(file, 0, 0, "the file is empty; expected a header naming the columns "
                        + "user, item and rank or score (e.g. user_id,item_id,rank)");
            }
            List<String> header = in.fields();
            int user = column(in, header, USER_NAMES, "user");
            int item = column(in, header, ITEM_NAMES, "item");
            int rank = column(in, header, List.of("rank"), null);
            int score = column(in, header, List.of("score"), null);
            if (user < 0 || item < 0 || (rank < 0 && score < 0)) {
                throw in.error(0, "the header " + Excerpt.of(String.join(delimiter, header)) + " has no "
                        + (user < 0 ? "user" : item < 0 ? "item" : "rank or score") + " column; expected a header "
                        + "naming user (or user_id), item (or item_id) and rank or score, delimited by comma, "
                        + "semicolon or tab");
            }
            byRank = rank >= 0;
            int keyColumn = byRank ? rank : score;
            itemColumn = item;
            unmatched = new UnmatchedRows(file, item);
            while (in.next()) {
                rows++;
                checkFieldCount(in, header.size());
                String userId = FieldParser.id(in, user, "user");
                String itemId = FieldParser.id(in, item, "item");
                double key = byRank ? rank(in, keyColumn) : score(in, keyColumn);
                int u = train.users().indexOf(userId);
                int i = u < 0 ? -1 : train.items().indexOf(itemId);
                if (i < 0) {
                    unmatched.add(in.line(), userId, itemId, u >= 0);
                    continue;
                }
                matched++;
                List<Entry> list = byUser.get(u);
                if (list == null) {
                    list = new ArrayList<>();
                    byUser.set(u, list);
                }
                list.add(new Entry(i, byRank ? key : -key, rows, in.line(), contains(seen, u, i)));
            }
        }
        if (rows == 0) {
            throw new ImportException(file, 0, 0, "the file has a header but no rows; expected one row per user "
                    + "and recommended item");
        }
        if (matched == 0) {
            throw unmatched.noneMatched(train.name());
        }
        int[][] lists = new int[train.userCount()][];
        Comparator<Entry> order = Comparator.comparingDouble(Entry::key).thenComparingInt(Entry::order);
        Comparator<Entry> byItem = Comparator.comparingInt(Entry::item).thenComparingInt(Entry::order);
        for (int u = 0; u < lists.length; u++) {
            List<Entry> list = byUser.get(u);
            if (list == null) {
                lists[u] = new int[0];
                continue;
            }
            List<Entry> items = list.stream().sorted(byItem).toList();
            for (int k = 1; k < items.size(); k++) {
                if (items.get(k).item() == items.get(k - 1).item()) {
                    throw twice(file, items.get(k).line(), itemColumn, train.users().id(u),
                            train.items().id(items.get(k).item()), items.get(k - 1).line());
                }
            }
            for (Entry e : list) {
                dropped += e.training() ? 1 : 0;
            }
            lists[u] = list.stream().filter(e -> !e.training()).sorted(order).mapToInt(Entry::item).toArray();
        }
        return new ExternalLists(InputFiles.displayName(file), file.toAbsolutePath().normalize().toString(),
                HexFormat.of().formatHex(digest.digest()), lists, byRank ? "rank" : "score", rows,
                unmatched.users(), unmatched.userRows(), unmatched.items(), unmatched.itemRows(), dropped);
    }

    static void checkFieldCount(DelimitedReader in, int expected) {
        if (in.fieldCount() != expected) {
            throw in.error(0, "the row has " + in.fieldCount() + " fields; expected " + expected
                    + " as in the header" + (in.fieldCount() == 1 ? " (is the delimiter the same?)" : ""));
        }
    }

    static ImportException twice(Path file, int line, int itemColumn, String userId, String itemId,
                                         int firstLine) {
        return new ImportException(file, line, itemColumn + 1, "user " + Excerpt.of(userId) + " is given item "
                + Excerpt.of(itemId) + " twice (first on line " + firstLine + "); expected each user and item once");
    }

    /** The SHA-256 of a file's bytes, to check that a stored run's list is still the same. */
    public static String sha256(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = InputFiles.open(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ImportException(file, 0, 0, "cannot be read: " + e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean contains(RatingMatrix m, int u, int item) {
        for (int p = m.rowStart(u), end = p + m.rowLength(u); p < end; p++) {
            if (m.rowItem(p) == item) {
                return true;
            }
        }
        return false;
    }

    /** The index of the one column with one of these names (case-insensitive), -1 when none. */
    static int column(DelimitedReader in, List<String> header, List<String> names, String role) {
        int found = -1;
        for (int c = 0; c < header.size(); c++) {
            if (names.contains(header.get(c).toLowerCase(Locale.ROOT))) {
                if (found >= 0) {
                    throw in.error(c + 1, "the header names the " + (role == null ? names.get(0) : role)
                            + " column twice (" + header.get(found) + " and " + header.get(c) + "); expected one");
                }
                found = c;
            }
        }
        return found;
    }

    private static double rank(DelimitedReader in, int index) {
        String text = in.field(index);
        try {
            long rank = Long.parseLong(text);
            if (rank >= 1) {
                return rank;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw in.error(index + 1, "rank \"" + Excerpt.of(text) + "\" is not a whole number ≥ 1; expected 1 for the "
                + "best item, then 2, 3 …");
    }

    private static double score(DelimitedReader in, int index) {
        String text = in.field(index);
        if (FieldParser.isPlainDecimal(text)) {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        }
        throw in.error(index + 1, "score \"" + Excerpt.of(text) + "\" is not a finite number; expected a decimal "
                + "such as 0.87 or 3.5e-2");
    }

    /** Comma, semicolon or tab: whichever the first non-blank line holds most often outside quotes (comma if none). */
    static String sniffDelimiter(Path file) {
        byte[] head;
        try (InputStream in = InputFiles.open(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new ImportException(file, 0, 0, "cannot be read: " + e.getMessage());
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean content = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (content) {
                    break;
                }
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                content |= !Character.isWhitespace(c) || c == '\t';
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return "\t";
        }
        return semicolons > commas ? ";" : ",";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
