package org.recworkbench.store.importer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Fixtures;
import org.recworkbench.store.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.recworkbench.store.importer.ImportFormat.CSV;
import static org.recworkbench.store.importer.ImportFormat.MOVIELENS_100K;
import static org.recworkbench.store.importer.ImportFormat.MOVIELENS_1M;
import static org.recworkbench.store.importer.ImportFormat.MOVIELENS_CSV;
import static org.recworkbench.store.importer.ImportFormat.ONLINE_RETAIL;

/**
 * Every file under {@code fixtures/malformed} must be rejected with a located message ({@code file:line:column:
 * problem}) and must leave the database exactly as it was, also when the failed import would have replaced an
 * existing dataset of the same name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedImportCorpusTest {

    private static final String CORPUS = "malformed";
    private static final String BASELINE = "baseline";
    private static final List<String> TABLES = List.of("dataset", "app_user", "item", "dataset_matrix");
    /** The valid generic csv fixture's own options, for cases that feed a broken item file to it. */
    private static final String TINY_CSV = "as-items-of=csv-tiny/ratings.txt delimiter=; header"
            + " columns=user=customer,item=product,rating=stars,timestamp=when";
    /** Expected location of errors in the command-line options: a plain InvalidInputException, no file. */
    private static final String OPTIONS = "(options)";

    /**
     * One row per corpus file: file (under malformed/), format, request options, expected location
     * ({@code name[:line[:column]]} exactly as the message starts, or {@value #OPTIONS}) and problem text.
     * <p>
     * Options: {@code delimiter=X} (CLI spelling), {@code header}, {@code implicit}, {@code scale=MIN..MAX},
     * {@code columns=a,b,c}, {@code as-items-of=FIXTURE} (import the valid FIXTURE with this file as item file).
     */
    private static final List<Case> CASES = List.of(
            // --- generic csv: numbers
            row("csv/rating-decimal-comma.csv", CSV, "delimiter=semicolon",
                    "rating-decimal-comma.csv:3:3",
                    "rating \"4,5\" is not a number; expected a decimal such as 4 or 3.5"),
            row("csv/rating-float-suffix.csv", CSV, "",
                    "rating-float-suffix.csv:1:3",
                    "rating \"4.5f\" is not a number; expected a decimal such as 4 or 3.5"),
            row("csv/rating-nan.csv", CSV, "",
                    "rating-nan.csv:2:3", "rating \"NaN\" is not a finite number"),
            row("csv/rating-infinity.csv", CSV, "",
                    "rating-infinity.csv:3:3", "rating \"Infinity\" is not a finite number"),
            row("csv/rating-overflow.csv", CSV, "",
                    "rating-overflow.csv:2:3", "rating \"1e39\" is not a finite number"),
            row("csv/rating-above-scale.csv", CSV, "scale=1..5",
                    "rating-above-scale.csv:2:3", "rating 6 is outside the scale 1..5"),
            row("csv/rating-zero-below-scale.csv", CSV, "scale=1..5",
                    "rating-zero-below-scale.csv:2:3", "rating 0 is outside the scale 1..5"),
            row("csv/rating-negative-with-scale.csv", CSV, "scale=1..5",
                    "rating-negative-with-scale.csv:2:3", "rating -2 is outside the scale 1..5"),
            // --- generic csv: structure
            row("csv/missing-column-line-7.csv", CSV, "",
                    "missing-column-line-7.csv:7", "expected 3 fields separated by \",\" (user,item,rating), found 2"),
            row("csv/too-many-columns.csv", CSV, "",
                    "too-many-columns.csv:3", "expected 3 fields separated by \",\" (user,item,rating), found 4"),
            row("csv/wrong-delimiter-semicolon.csv", CSV, "delimiter=comma",
                    "wrong-delimiter-semicolon.csv:1", "expected 2 fields separated by \",\""
                            + " (user,item[,rating[,timestamp]]), found 1; is the delimiter right?"),
            row("csv/unterminated-quote.csv", CSV, "",
                    "unterminated-quote.csv:2:1", "unterminated quote: the field opened with \" is never closed"),
            row("csv/text-after-closing-quote.csv", CSV, "",
                    "text-after-closing-quote.csv:2:1",
                    "unexpected character 'x' after a closing quote; expected a delimiter or the end of the line"),
            row("csv/empty.csv", CSV, "",
                    "empty.csv", "the file has no data rows; expected lines of user,item[,rating[,timestamp]]"),
            row("csv/empty-with-header-option.csv", CSV, "header",
                    "empty-with-header-option.csv", "the file is empty; expected a header line"),
            row("csv/blank-lines-only.csv", CSV, "",
                    "blank-lines-only.csv",
                    "the file has no data rows; expected lines of user,item[,rating[,timestamp]]"),
            row("csv/header-only.csv", CSV, "header",
                    "header-only.csv", "the file has no data rows; expected lines of user,item[,rating[,timestamp]]"),
            row("csv/nul-byte.csv", CSV, "",
                    "nul-byte.csv:2:2", "this is not a text file (it contains a NUL byte); expected delimited text"),
            // --- generic csv: timestamps
            row("csv/timestamp-not-a-date.csv", CSV, "",
                    "timestamp-not-a-date.csv:2:4", "timestamp \"yesterday\" is neither epoch seconds nor an ISO-8601"
                            + " date or date-time (e.g. 2010-12-01T08:26:00)"),
            row("csv/timestamp-invalid-iso-date.csv", CSV, "",
                    "timestamp-invalid-iso-date.csv:2:4", "timestamp \"2024-02-30\" is neither epoch seconds nor an"
                            + " ISO-8601 date or date-time"),
            row("csv/timestamp-milliseconds.csv", CSV, "",
                    "timestamp-milliseconds.csv:1:4",
                    "timestamp 1709251200000 is too large for epoch seconds (is it in milliseconds?)"),
            row("csv/timestamp-after-2038.csv", CSV, "",
                    "timestamp-after-2038.csv:2:4", "timestamp \"2040-01-01\" is outside 1901-12-13..2038-01-19"),
            row("csv/timestamp-before-1901.csv", CSV, "",
                    "timestamp-before-1901.csv:1:4", "timestamp \"-3000000000\" is outside 1901-12-13..2038-01-19"),
            // --- generic csv: ids
            row("csv/empty-user-id.csv", CSV, "",
                    "empty-user-id.csv:2:1", "user is empty; expected an id"),
            row("csv/empty-item-id.csv", CSV, "",
                    "empty-item-id.csv:2:2", "item is empty; expected an id"),
            row("csv/item-id-too-long.csv", CSV, "",
                    "item-id-too-long.csv:2:2", "item is 256 characters long; ids may have at most 255"),
            // --- generic csv: column mapping
            row("csv/columns-duplicate-role.csv", CSV, "columns=user,item,user",
                    OPTIONS, "Column role \"user\" is given twice in --columns"),
            row("csv/columns-unknown-role.csv", CSV, "columns=user,item,stars",
                    OPTIONS, "Unknown column role \"stars\"; expected user, item, rating, timestamp or _ (ignored)"),
            row("csv/columns-named-without-header-option.csv", CSV, "columns=user=customer,item=product",
                    OPTIONS, "--columns role=Name needs a header line (--header)"),
            row("csv/columns-wider-than-file.csv", CSV, "columns=user,item,rating,timestamp",
                    "columns-wider-than-file.csv:1",
                    "expected 4 fields separated by \",\" (user,item,rating,timestamp), found 3"),
            // --- generic csv: item file
            row("csv/items-without-id-column.csv", CSV, TINY_CSV,
                    "items-without-id-column.csv:1",
                    "the item file's header must name an item (or id) column; found title,categories"),
            row("csv/items-short-row.csv", CSV, TINY_CSV,
                    "items-short-row.csv:3",
                    "expected 4 fields separated by \",\" (item,title,categories,text), found 2"),
            // --- MovieLens 100K
            row("movielens-100k/three-fields.data", MOVIELENS_100K, "",
                    "three-fields.data:2", "expected 4 fields separated by tab (user item rating timestamp), found 3"),
            row("movielens-100k/space-separated.data", MOVIELENS_100K, "",
                    "space-separated.data:1",
                    "expected 4 fields separated by tab (user item rating timestamp), found 1; is the delimiter"
                            + " right?"),
            row("movielens-100k/non-integer-timestamp.data", MOVIELENS_100K, "",
                    "non-integer-timestamp.data:2:4", "timestamp \"891717742.5\" is neither epoch seconds nor an"
                            + " ISO-8601 date or date-time"),
            row("movielens-100k/rating-outside-default-scale.data", MOVIELENS_100K, "",
                    "rating-outside-default-scale.data:2:3", "rating 7 is outside the scale 1..5"),
            row("movielens-100k/wrong-field-count.item", MOVIELENS_100K, "as-items-of=ml100k-tiny/u.data",
                    "wrong-field-count.item:2", "expected 24 fields separated by \"|\" (id|title|release date|video"
                            + " release date|IMDb URL|19 genre flags), found 23"),
            row("movielens-100k/bad-genre-flag.item", MOVIELENS_100K, "as-items-of=ml100k-tiny/u.data",
                    "bad-genre-flag.item:2:11", "genre flag \"yes\" for Comedy is not 0 or 1"),
            row("movielens-100k/nul-byte.item", MOVIELENS_100K, "as-items-of=ml100k-tiny/u.data",
                    "nul-byte.item:2:2", "this is not a text file (it contains a NUL byte); expected delimited text"),
            // --- MovieLens 1M
            row("movielens-1m/single-colon.ratings.dat", MOVIELENS_1M, "",
                    "single-colon.ratings.dat:2", "expected 4 fields separated by \"::\""
                            + " (UserID::MovieID::Rating::Timestamp), found 1; is the delimiter right?"),
            row("movielens-1m/rating-not-a-number.ratings.dat", MOVIELENS_1M, "",
                    "rating-not-a-number.ratings.dat:2:3",
                    "rating \"four\" is not a number; expected a decimal such as 4 or 3.5"),
            row("movielens-1m/empty-user.ratings.dat", MOVIELENS_1M, "",
                    "empty-user.ratings.dat:2:1", "user is empty; expected an id"),
            row("movielens-1m/missing-genres.movies.dat", MOVIELENS_1M, "as-items-of=ml1m-tiny/ratings.dat",
                    "missing-genres.movies.dat:2",
                    "expected 3 fields separated by \"::\" (MovieID::Title::Genres), found 2"),
            // --- MovieLens latest (csv)
            row("movielens-csv/wrong-header.ratings.csv", MOVIELENS_CSV, "",
                    "wrong-header.ratings.csv:1",
                    "unexpected header user,movie,rating,timestamp; expected userId,movieId,rating,timestamp"),
            row("movielens-csv/empty.ratings.csv", MOVIELENS_CSV, "",
                    "empty.ratings.csv", "the file is empty; expected a header line userId,movieId,rating,timestamp"),
            row("movielens-csv/header-only.ratings.csv", MOVIELENS_CSV, "",
                    "header-only.ratings.csv",
                    "the file has no data rows; expected lines of userId,movieId,rating,timestamp after the header"),
            row("movielens-csv/rating-below-default-scale.ratings.csv", MOVIELENS_CSV, "",
                    "rating-below-default-scale.ratings.csv:3:3", "rating 0 is outside the scale 0.5..5"),
            row("movielens-csv/unterminated-quote.movies.csv", MOVIELENS_CSV, "as-items-of=mlcsv-tiny/ratings.csv",
                    "unterminated-quote.movies.csv:3:2",
                    "unterminated quote: the field opened with \" is never closed"),
            row("movielens-csv/short-row-after-multiline-title.movies.csv", MOVIELENS_CSV,
                    "as-items-of=mlcsv-tiny/ratings.csv",
                    "short-row-after-multiline-title.movies.csv:4",
                    "expected 3 fields separated by \",\" (movieId,title,genres), found 2"),
            // --- Online Retail
            row("online-retail/wrong-header.csv", ONLINE_RETAIL, "",
                    "wrong-header.csv:1", "unexpected header Invoice,StockCode,Description,Quantity,InvoiceDate,Price,"
                            + "Customer ID,Country; expected InvoiceNo,StockCode,Description,Quantity,InvoiceDate,"
                            + "UnitPrice,CustomerID,Country"),
            row("online-retail/header-only.csv", ONLINE_RETAIL, "",
                    "header-only.csv", "the file has no data rows; expected transaction lines after the header"),
            row("online-retail/short-row.csv", ONLINE_RETAIL, "",
                    "short-row.csv:3", "expected 8 fields separated by \",\" (InvoiceNo,StockCode,Description,Quantity,"
                            + "InvoiceDate,UnitPrice,CustomerID,Country), found 7"),
            row("online-retail/bad-quantity.csv", ONLINE_RETAIL, "",
                    "bad-quantity.csv:3:4", "Quantity \"six\" is not a whole number"),
            row("online-retail/fractional-quantity.csv", ONLINE_RETAIL, "",
                    "fractional-quantity.csv:3:4", "Quantity \"2.5\" is not a whole number"),
            row("online-retail/bad-invoice-date-us.csv", ONLINE_RETAIL, "",
                    "bad-invoice-date-us.csv:3:5",
                    "InvoiceDate \"13/1/2010 8:28\" is not a date such as 2010-12-01 08:26:00"),
            row("online-retail/bad-invoice-date-iso.csv", ONLINE_RETAIL, "",
                    "bad-invoice-date-iso.csv:3:5", "timestamp \"2010-12-01 8:28\" is neither epoch seconds nor an"
                            + " ISO-8601 date or date-time"),
            row("online-retail/empty-stock-code.csv", ONLINE_RETAIL, "",
                    "empty-stock-code.csv:3:2", "StockCode is empty; expected an id"),
            row("online-retail/customer-id-too-long.csv", ONLINE_RETAIL, "",
                    "customer-id-too-long.csv:3:7", "CustomerID is 300 characters long; ids may have at most 255"),
            row("online-retail/latin1-description.csv", ONLINE_RETAIL, "",
                    "latin1-description.csv:3:3", "bytes that are not valid UTF-8 text; expected a text file"
                            + " encoded in UTF-8"),
            // --- encodings, binary files, mappings that do not fit the file
            row("csv/invalid-utf8.csv", CSV, "",
                    "invalid-utf8.csv:2:2", "bytes that are not valid UTF-8 text"),
            row("csv/png-image.csv", CSV, "",
                    "png-image.csv:3:1", "this is not a text file (it contains a NUL byte); expected delimited text"),
            row("movielens-100k/png-image.data", MOVIELENS_100K, "",
                    "png-image.data:3:1", "this is not a text file (it contains a NUL byte); expected delimited text"),
            row("csv/columns-name-not-in-header.csv", CSV, "header columns=user=customer,item=sku",
                    "columns-name-not-in-header.csv:1", "column \"sku\" of --columns is not in the header"
                            + " (customer,product,stars)"),
            row("csv/five-columns-without-mapping.csv", CSV, "",
                    "five-columns-without-mapping.csv:1", "cannot guess the meaning of 5 columns; give --columns"),
            row("online-retail/all-rows-skipped.csv", ONLINE_RETAIL, "",
                    "all-rows-skipped.csv",
                    "no interactions found (all rows were skipped: {cancelled invoice=1, no CustomerID=1})"));

    @TempDir
    static Path folder;
    private Workspace workspace;
    private Fingerprint baseline;
    private String baselineContent;

    @BeforeAll
    void importValidDatasets() {
        workspace = Workspace.open(folder.resolve("db"));
        importFile(ImportRequest.of(BASELINE, CSV, Fixtures.path("csv-tiny/ratings.txt"))
                .withItems(Fixtures.path("csv-tiny/items.csv"))
                .withCsv(List.of("user=customer", "item=product", "rating=stars", "timestamp=when"), ";", true,
                        false));
        importFile(ImportRequest.of("ml100k", MOVIELENS_100K, Fixtures.path("ml100k-tiny/u.data")));
        baseline = fingerprint();
        baselineContent = content(workspace.datasets().load(BASELINE));
        assertThat(baseline.datasets()).extracting(DatasetInfo::name).containsExactly(BASELINE, "ml100k");
        assertThat(baseline.counts().values()).allMatch(n -> n > 0);
    }

    @AfterAll
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithItsLocationAndLeavesTheDatabaseUnchanged(Case c) {
        Fingerprint before = fingerprint();
        assertThat(before).isEqualTo(baseline);

        Throwable thrown = catchThrowable(() -> importFile(c.request("new-" + c.file().replace('/', '-'), false)));

        assertLocatedFailure(c, thrown);
        assertThat(fingerprint()).as("database after the failed import of %s", c.file()).isEqualTo(before);
        assertThat(workspace.datasets().find("new-" + c.file().replace('/', '-'))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failedReplaceKeepsTheExistingDatasetLoadableAndIdentical(Case c) {
        Fingerprint before = fingerprint();
        assertThat(before).isEqualTo(baseline);

        Throwable thrown = catchThrowable(() -> importFile(c.request(BASELINE, true)));

        assertLocatedFailure(c, thrown);
        assertThat(fingerprint()).as("database after the failed replace with %s", c.file()).isEqualTo(before);
        assertThat(content(workspace.datasets().load(BASELINE))).isEqualTo(baselineContent);
    }

    @Test
    void everyCorpusFileHasExactlyOneCase() throws IOException {
        Path root = Fixtures.path(CORPUS);
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        List<String> covered = CASES.stream().map(Case::file).sorted().toList();

        assertThat(files).as("files under fixtures/%s", CORPUS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(covered).as("case files").doesNotHaveDuplicates();
        assertThat(files).as("every corpus file needs a case, every case a file").isEqualTo(covered);
    }

    @Test
    void theTableIsSpecific() {
        for (Case c : CASES) {
            assertThat(c.problem()).as(c.file()).hasSizeGreaterThan(15);
            if (!c.location().equals(OPTIONS)) {
                assertThat(c.location()).as(c.file()).startsWith(fileName(c.file()));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void assertLocatedFailure(Case c, Throwable thrown) {
        assertThat(thrown).as("importing %s", c.file()).isInstanceOf(InvalidInputException.class);
        String message = thrown.getMessage();
        if (c.location().equals(OPTIONS)) {
            assertThat(thrown).as(message).isNotInstanceOf(ImportException.class);
            assertThat(message).isEqualTo(c.problem());
            return;
        }
        assertThat(thrown).as(message).isInstanceOf(ImportException.class);
        ImportException e = (ImportException) thrown;
        String[] location = c.location().split(":");
        assertThat(e.file().getFileName()).as(message).hasToString(location[0]);
        assertThat(e.line()).as(message).isEqualTo(location.length > 1 ? Integer.parseInt(location[1]) : 0);
        assertThat(e.column()).as(message).isEqualTo(location.length > 2 ? Integer.parseInt(location[2]) : 0);
        assertThat(message).startsWith(c.location() + ": ").contains(c.problem());
    }

    private void importFile(ImportRequest request) {
        workspace.datasets().importFile(request, Progress.NONE, Cancellation.NEVER);
    }

    /** The dataset list plus, for each table, its row count and all its rows. */
    private Fingerprint fingerprint() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = workspace.connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            line.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                                    : value instanceof java.sql.Blob ? HexFormat.of().formatHex(rs.getBytes(i))
                                    : String.valueOf(value)).append(" | ");
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                rows.put(table, List.copyOf(lines));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Fingerprint(workspace.datasets().list(), counts, rows);
    }

    /** Everything a loaded dataset holds, as text, so two loads can be compared. */
    private static String content(Dataset d) {
        StringBuilder s = new StringBuilder(d.name()).append(' ').append(d.kind()).append('\n');
        s.append("users ").append(d.users().ids()).append('\n').append("items ").append(d.items().ids()).append('\n');
        for (int i = 0; i < d.itemCount(); i++) {
            s.append(d.catalog().title(i)).append(" | ").append(d.catalog().categories(i)).append(" | ")
                    .append(d.catalog().text(i)).append('\n');
        }
        RatingMatrix m = d.ratings();
        s.append(Arrays.toString(m.copyRowStarts())).append('\n').append(Arrays.toString(m.copyRowItems()))
                .append('\n').append(Arrays.toString(m.copyRowValues())).append('\n')
                .append(m.hasTimestamps() ? Arrays.toString(m.copyRowTimestamps()) : "no timestamps");
        return s.toString();
    }

    private static String fileName(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    private static Case row(String file, ImportFormat format, String options, String location, String problem) {
        return new Case(file, format, options, location, problem);
    }

    /** Tiny databases only: every row of every table, sorted, as text. */
    record Fingerprint(List<DatasetInfo> datasets, Map<String, Long> counts, Map<String, List<String>> rows) {
    }

    record Case(String file, ImportFormat format, String options, String location, String problem) {

        ImportRequest request(String name, boolean replace) {
            Path corpusFile = Fixtures.path(CORPUS + "/" + file);
            ImportRequest r = ImportRequest.of(name, format, corpusFile);
            List<String> columns = null;
            String delimiter = ",";
            boolean header = false;
            boolean implicit = false;
            for (String option : options.isBlank() ? new String[0] : options.trim().split("\\s+")) {
                String[] kv = option.split("=", 2);
                switch (kv[0]) {
                    case "delimiter" -> delimiter = ImportRequest.parseDelimiter(kv[1]);
                    case "header" -> header = true;
                    case "implicit" -> implicit = true;
                    case "columns" -> columns = List.of(kv[1].split(","));
                    case "scale" -> r = r.withScale(RatingScale.parse(kv[1]));
                    case "as-items-of" -> r = new ImportRequest(name, format, Fixtures.path(kv[1]), corpusFile,
                            null, ",", false, false, r.scale(), false);
                    default -> throw new IllegalArgumentException("unknown option " + option + " for " + file);
                }
            }
            return r.withCsv(columns, delimiter, header, implicit).withReplace(replace);
        }

        @Override
        public String toString() {
            return file + " [" + format.cliName() + (options.isBlank() ? "" : " " + options) + "]";
        }
    }

}
