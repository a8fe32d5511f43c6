package org.recworkbench.export;

import org.recworkbench.data.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file layouts {@code export --format} writes for other tools (README, "Export for other tools"). Every format
 * writes UTF-8 with {@code \n} line ends, values as the shortest decimal of the stored float with a dot, timestamps
 * as epoch seconds; implicit datasets export the stored count as the value.
 */
public enum ExportFormat {
    /** {@code user,item,rating[,timestamp]} with a header and the external ids (RFC 4180 quoting). */
    CSV("csv", ".csv", false),
    /** As {@link #CSV} without the header and without quoting, for Surprise's {@code Reader(sep=',')}. */
    SURPRISE("surprise", ".csv", false),
    /** {@code userId,itemId,rating[,timestamp]} with a header and 0-based integer ids; users.csv, items.csv. */
    SPARK("spark", ".csv", true),
    /** MatrixMarket coordinate real general, users as rows and items as columns (1-based); users.csv, items.csv. */
    MM("mm", ".mtx", true),
    /** One line per user: {@code 0 item:value …}, 1-based item indices ascending; users.csv, items.csv. */
    LIBSVM("libsvm", ".libsvm", true),
    /**
     * RecBole's atomic {@code .inter} files: tab-separated, typed header, external ids as tokens, named after the
     * folder ({@code NAME/NAME.inter}; a split's parts {@code NAME.train.inter}, {@code NAME.valid.inter},
     * {@code NAME.test.inter}, as RecBole's {@code benchmark_filename} reads them).
     */
    RECBOLE("recbole", ".inter", false);

    private final String label;
    private final String extension;
    private final boolean integerIds;

    ExportFormat(String label, String extension, boolean integerIds) {
        this.label = label;
        this.extension = extension;
        this.integerIds = integerIds;
    }

    public String label() {
        return label;
    }

    /** The data files' extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** Whether the data files hold integer indices, so users.csv and items.csv map them to the external ids. */
    public boolean integerIds() {
        return integerIds;
    }

    /** Whether the whole dataset can go to one file ({@code --out FILE}); the others always write a folder. */
    public boolean singleFile() {
        return this == CSV || this == SURPRISE;
    }

    /** The known labels, comma-separated, for help and error messages. */
    public static String labels() {
        return Arrays.stream(values()).map(ExportFormat::label).collect(Collectors.joining(", "));
    }

    /** @throws InvalidInputException naming the known formats */
    public static ExportFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.label.equals(wanted)) {
                return f;
            }
        }
        throw new InvalidInputException("--format: unknown format \"" + text + "\"; expected one of " + labels());
    }

    /** What each column or field of a data file holds. */
    public String columns(boolean timestamps) {
        String time = timestamps ? ", timestamp: epoch seconds (empty when the interaction has none)" : "";
        return switch (this) {
            case CSV -> "header user,item,rating" + (timestamps ? ",timestamp" : "")
                    + "; user, item: external ids; rating: the stored value (the count for implicit data)" + time;
            case SURPRISE -> "no header; user,item,rating" + (timestamps ? ",timestamp" : "")
                    + "; user, item: external ids; rating: the stored value (the count for implicit data)" + time;
            case SPARK -> "header userId,itemId,rating" + (timestamps ? ",timestamp" : "")
                    + "; userId, itemId: 0-based indices (users.csv, items.csv map them to the external ids); "
                    + "rating: the stored value (the count for implicit data)" + time;
            case MM -> "MatrixMarket coordinate real general: line 'rows cols entries', then 'row col value' with "
                    + "1-based rows = users (users.csv) and columns = items (items.csv); timestamps are not exported";
            case LIBSVM -> "one line per user in users.csv order (line n = user n, also users without entries): "
                    + "label 0, then item:value pairs with 1-based item indices (items.csv) ascending; timestamps "
                    + "are not exported";
            case RECBOLE -> "tab-separated; header user_id:token, item_id:token, rating:float"
                    + (timestamps ? ", timestamp:float" : "") + "; user_id, item_id: external ids; rating: the "
                    + "stored value (the count for implicit data)" + time;
        };
    }

    /**
     * One line that loads a data file in the tool the format is for; {@code file} is the file's name, {@code scale}
     * the values' range as text ("1, 5") for Surprise's rating_scale.
     */
    public String loadHint(boolean timestamps, String file, String scale) {
        return switch (this) {
            case CSV -> "pandas.read_csv('" + file + "')";
            case SURPRISE -> "surprise.Dataset.load_from_file('" + file + "', surprise.Reader(line_format='user item "
                    + "rating" + (timestamps ? " timestamp" : "") + "', sep=',', rating_scale=(" + scale + ")))";
            case SPARK -> "spark.read.csv('" + file + "', header=True, inferSchema=True) with "
                    + "ALS(userCol='userId', itemCol='itemId', ratingCol='rating')";
            case MM -> "scipy.sparse.csr_matrix(scipy.io.mmread('" + file + "'))";
            case LIBSVM -> "sklearn.datasets.load_svmlight_file('" + file + "', zero_based=False, n_features=ITEMS)";
            case RECBOLE -> "recbole.quick_start.run_recbole(model='BPR', dataset='DATASET', config_dict={'data_path': "
                    + "'PARENT'BENCHMARK})";
        };
    }
}
