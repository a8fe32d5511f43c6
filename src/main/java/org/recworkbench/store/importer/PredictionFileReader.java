package org.recworkbench.store.importer;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.Excerpt;
import org.recworkbench.eval.ExternalPredictions;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads predicted ratings made by any tool: a delimited file with a header naming a user column (as for lists,
 * also Surprise's {@code uid}), an item column (also {@code iid}) and {@code prediction} (or Surprise's
 * {@code est}); other columns ({@code r_ui}, {@code rating}, {@code details} …) are ignored. Delimiter, quoting,
 * unknown ids and duplicates are handled as by {@link RecommendationListReader}, whose helpers this reuses.
 */
public final class PredictionFileReader {

    private static final List<String> USER_NAMES = Stream.concat(RecommendationListReader.USER_NAMES.stream(),
            Stream.of("uid")).toList();
    private static final List<String> ITEM_NAMES = Stream.concat(RecommendationListReader.ITEM_NAMES.stream(),
            Stream.of("iid")).toList();
    private static final List<String> PREDICTION_NAMES = List.of("prediction", "est");

    private PredictionFileReader() {
    }

    public static ExternalPredictions read(Path file, Dataset train, Progress progress, Cancellation cancellation) {
        if (InputFiles.isStdin(file)) {
            throw new ImportException(file, 0, 0, "predictions must be a file (its path and checksum are recorded "
                    + "so the run can be repeated); expected a file name, not -");
        }
        String delimiter = RecommendationListReader.sniffDelimiter(file);
        MessageDigest digest = RecommendationListReader.sha256();
        Rows matched = new Rows();
        UnmatchedRows unmatched;
        int rows = 0;
        int itemColumn;
        try (DelimitedReader in = new DelimitedReader(file, StandardCharsets.UTF_8, delimiter, true, digest,
                progress, cancellation)) {
            if (!in.next()) {
                throw new ImportException(file, 0, 0, "the file is empty; expected a header naming the columns "
                        + "user, item and prediction (e.g. user,item,prediction or Surprise's uid,iid,r_ui,est)");
            }
            List<String> header = in.fields();
            int user = RecommendationListReader.column(in, header, USER_NAMES, "user");
            int item = RecommendationListReader.column(in, header, ITEM_NAMES, "item");
            int prediction = RecommendationListReader.column(in, header, PREDICTION_NAMES, "prediction");
            if (user < 0 || item < 0 || prediction < 0) {
                throw in.error(0, "the header " + Excerpt.of(String.join(delimiter, header)) + " has no "
                        + (user < 0 ? "user" : item < 0 ? "item" : "prediction") + " column; expected a header "
                        + "naming user (or user_id, uid), item (or item_id, iid) and prediction (or est), "
                        + "delimited by comma, semicolon or tab");
            }
            itemColumn = item;
            unmatched = new UnmatchedRows(file, item);
            while (in.next()) {
                rows++;
                RecommendationListReader.checkFieldCount(in, header.size());
                String userId = FieldParser.id(in, user, "user");
                String itemId = FieldParser.id(in, item, "item");
                double value = prediction(in, prediction);
                int u = train.users().indexOf(userId);
                int i = u < 0 ? -1 : train.items().indexOf(itemId);
                if (i < 0) {
                    unmatched.add(in.line(), userId, itemId, u >= 0);
                } else {
                    matched.add(u, i, value, in.line());
                }
            }
        }
        if (rows == 0) {
            throw new ImportException(file, 0, 0, "the file has a header but no rows; expected one row per user "
                    + "and item with a prediction");
        }
        if (matched.size == 0) {
            throw unmatched.noneMatched(train.name());
        }
        int[] userStart = new int[train.userCount() + 1];
        int[] items = new int[matched.size];
        double[] values = new double[matched.size];
        matched.sortInto(userStart, items, values, (line, u, i, first) -> RecommendationListReader.twice(file, line, itemColumn,
                train.users().id(u), train.items().id(i), first));
        return new ExternalPredictions(InputFiles.displayName(file), file.toAbsolutePath().normalize().toString(),
                HexFormat.of().formatHex(digest.digest()), userStart, items, values, rows, unmatched.users(),
                unmatched.userRows(), unmatched.items(), unmatched.itemRows());
    }

    private static double prediction(DelimitedReader in, int index) {
        String text = in.field(index);
        if (FieldParser.isPlainDecimal(text)) {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        }
        throw in.error(index + 1, "prediction \"" + Excerpt.of(text) + "\" is not a finite number; expected a "
                + "decimal such as 3.72 or 4");
    }

    private interface Duplicate {
        ImportException of(int line, int user, int item, int firstLine);
    }

    /** Matched rows in primitive arrays (a predictions file can have millions), grouped by user when done. */
    private static final class Rows {
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private double[] values = new double[1024];
        private int[] lines = new int[1024];
        private int size;

        void add(int user, int item, double value, int line) {
            if (size == users.length) {
                int n = size * 2;
                users = Arrays.copyOf(users, n);
                items = Arrays.copyOf(items, n);
                values = Arrays.copyOf(values, n);
                lines = Arrays.copyOf(lines, n);
            }
            users[size] = user;
            items[size] = item;
            values[size] = value;
            lines[size] = line;
            size++;
        }

        /** Fills the per-user, item-ascending arrays; the same (user, item) twice is refused naming both lines. */
        void sortInto(int[] userStart, int[] outItems, double[] outValues, Duplicate duplicate) {
            for (int r = 0; r < size; r++) {
                userStart[users[r] + 1]++;
            }
            for (int u = 1; u < userStart.length; u++) {
                userStart[u] += userStart[u - 1];
            }
            // (item << 32 | row) per user: sorting these longs orders by item, then file order
            long[] keys = new long[size];
            int[] next = Arrays.copyOf(userStart, userStart.length - 1);
            for (int r = 0; r < size; r++) {
                keys[next[users[r]]++] = ((long) items[r] << 32) | r;
            }
            for (int u = 0; u + 1 < userStart.length; u++) {
                Arrays.sort(keys, userStart[u], userStart[u + 1]);
                for (int p = userStart[u]; p < userStart[u + 1]; p++) {
                    int row = (int) keys[p];
                    if (p > userStart[u] && (int) (keys[p - 1] >>> 32) == items[row]) {
                        throw duplicate.of(lines[row], u, items[row], lines[(int) keys[p - 1]]);
                    }
                    outItems[p] = items[row];
                    outValues[p] = values[row];
                }
            }
        }
    }
}
