package org.recworkbench.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.ImportedData;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each source format, imported into a real H2 file database and loaded back. */
class FormatImportTest {

    @TempDir
    Path folder;
    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder.resolve("db"));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private ImportedData importFile(ImportRequest request) {
        return workspace.datasets().importFile(request, Progress.NONE, Cancellation.NEVER);
    }

    private static float value(Dataset d, String user, String item) {
        return d.ratings().value(d.users().indexOf(user), d.items().indexOf(item));
    }

    private static String title(Dataset d, String item) {
        return d.catalog().title(d.items().indexOf(item));
    }

    @Test
    void movieLens100kReadsRatingsTitlesAndGenreNamesFromSiblingFiles() {
        ImportedData data = importFile(ImportRequest.of("ml", ImportFormat.MOVIELENS_100K,
                Fixtures.path("ml100k-tiny/u.data")));
        Dataset d = workspace.datasets().load("ml");

        assertThat(data.summary().rowsRead()).isEqualTo(6);
        assertThat(data.summary().duplicates()).isEqualTo(1);
        assertThat(d.kind()).isEqualTo(DatasetKind.EXPLICIT);
        assertThat(d.interactionCount()).isEqualTo(5);
        assertThat(d.itemCount()).isEqualTo(4);
        assertThat(value(d, "1", "10")).isEqualTo(4f);
        assertThat(title(d, "20")).isEqualTo("Café Noir (1995)");
        assertThat(d.catalog().categories(d.items().indexOf("10"))).containsExactly("Action", "Adventure");
        assertThat(d.catalog().categories(d.items().indexOf("40"))).containsExactly("Comedy", "Thriller");
        assertThat(d.ratings().colLength(d.items().indexOf("40"))).isZero();
        assertThat(data.sourceFiles()).containsExactly("u.genre", "u.item", "u.data");
    }

    @Test
    void movieLens1mReadsDoubleColonFilesAndPipeGenres() {
        importFile(ImportRequest.of("ml1m", ImportFormat.MOVIELENS_1M, Fixtures.path("ml1m-tiny/ratings.dat")));
        Dataset d = workspace.datasets().load("ml1m");

        assertThat(d.interactionCount()).isEqualTo(4);
        assertThat(value(d, "3", "914")).isEqualTo(2f);
        assertThat(title(d, "661")).isEqualTo("Café Noir (1996)");
        assertThat(d.catalog().categories(d.items().indexOf("661")))
                .containsExactly("Animation", "Children's", "Musical");
        int u1 = d.users().indexOf("1");
        assertThat(d.ratings().rowTimestamp(d.ratings().rowStart(u1))).isIn(978300760, 978302109);
    }

    @Test
    void movieLensCsvReadsQuotedTitlesHalfStarsAndTagsAsText() {
        importFile(ImportRequest.of("latest", ImportFormat.MOVIELENS_CSV, Fixtures.path("mlcsv-tiny/ratings.csv")));
        Dataset d = workspace.datasets().load("latest");

        assertThat(value(d, "1", "3")).isEqualTo(4.5f);
        assertThat(value(d, "2", "1")).isEqualTo(0.5f);
        assertThat(title(d, "1")).isEqualTo("Lantern, The (1995)");
        assertThat(title(d, "3")).isEqualTo("Quiet \"Harbour\" (1995)");
        assertThat(d.catalog().categories(d.items().indexOf("2"))).isEmpty();
        assertThat(d.catalog().text(d.items().indexOf("1"))).isEqualTo("funny lantern light");
    }

    @Test
    void genericCsvMapsNamedColumnsParsesEveryTimestampFormAndKeepsTheLastDuplicate() {
        ImportRequest request = ImportRequest.of("shop", ImportFormat.CSV, Fixtures.path("csv-tiny/ratings.txt"))
                .withItems(Fixtures.path("csv-tiny/items.csv"))
                .withCsv(List.of("user=customer", "item=product", "rating=stars", "timestamp=when"), ";", true,
                        false);
        ImportedData data = importFile(request);
        Dataset d = workspace.datasets().load("shop");

        assertThat(data.summary().rowsRead()).isEqualTo(5);
        assertThat(data.summary().duplicates()).isEqualTo(1);
        assertThat(value(d, "c1", "p1")).isEqualTo(3f);
        RatingMatrix m = d.ratings();
        int c1 = d.users().indexOf("c1");
        int c2 = d.users().indexOf("c2");
        assertThat(m.rowTimestamp(m.rowStart(c1))).isEqualTo((int) Instant.parse("2024-03-05T12:00:00Z").getEpochSecond());
        assertThat(m.rowTimestamp(m.rowStart(c1) + 1)).isEqualTo((int) Instant.parse("2024-03-02T10:00:00Z").getEpochSecond());
        assertThat(m.rowTimestamp(m.rowStart(c2))).isEqualTo(1709251200);
        assertThat(m.rowTimestamp(m.rowStart(c2) + 1)).isEqualTo(RatingMatrix.NO_TIMESTAMP);
        assertThat(title(d, "p1")).isEqualTo("Mug, enamel");
        assertThat(d.catalog().categories(d.items().indexOf("p1"))).containsExactly("Kitchen", "Camping");
        assertThat(d.catalog().text(d.items().indexOf("p1"))).isEqualTo("A tin mug, enamelled");
        assertThat(title(d, "p4")).isEqualTo("Unrated lamp");
    }

    @Test
    void genericCsvWithoutRatingColumnIsImplicitAndCountsRepeats() {
        Path file = write("clicks.csv", "a,x\na,y\na,x\nb,x\n");
        importFile(ImportRequest.of("clicks", ImportFormat.CSV, file));
        Dataset d = workspace.datasets().load("clicks");

        assertThat(d.kind()).isEqualTo(DatasetKind.IMPLICIT);
        assertThat(value(d, "a", "x")).isEqualTo(2f);
        assertThat(value(d, "b", "x")).isEqualTo(1f);
    }

    @Test
    void aFileWithoutTimestampsReplaysInItsOwnRowOrderAfterStoringAndLoading() {
        // users in first-mention order are b, a, c: stored by user, (a, y) would come before (c, z)
        Path file = write("plays.csv", "b,y\na,x\nc,z\na,y\nb,y\n");
        importFile(ImportRequest.of("plays", ImportFormat.CSV, file));
        Dataset d = workspace.datasets().load("plays");

        org.recworkbench.stream.EventLog log = org.recworkbench.stream.EventLog.of(d);
        assertThat(log.order()).isEqualTo("file");
        // the repeated (b, y) counts twice and keeps its first row's place
        assertThat(log.events()).extracting(e -> e.user() + e.item()).containsExactly("by", "ax", "cz", "ay");
        assertThat(value(d, "b", "y")).isEqualTo(2f);

        // as stored before the file order was kept: by user, then by item index (y, x and z by first mention)
        try (java.sql.Connection c = workspace.connect(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE dataset_matrix SET row_arrivals = NULL");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        var older = org.recworkbench.stream.EventLog.of(workspace.datasets().load("plays"));
        assertThat(older.order()).isEqualTo("stored (by user)");
        assertThat(older.events()).extracting(e -> e.user() + e.item()).containsExactly("by", "ay", "ax", "cz");
    }

    @Test
    void onlineRetailSampleSkipsByReasonAndSumsQuantities() {
        Path file = write("retail.csv", String.join("\n",
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom",
                "536366,85123A,WHITE HANGING HEART,2,2010-12-01 09:00:00,2.55,17850.0,United Kingdom",
                "536367,71053,\"LANTERN, WHITE METAL\",4,2010-12-02 10:00:00,3.39,13047,United Kingdom",
                "C536379,71053,LANTERN,-1,2010-12-03 09:41:00,3.39,13047,United Kingdom",
                "536380,22728,ALARM CLOCK,3,2010-12-03 09:45:00,3.75,,United Kingdom",
                "536381,22729,ALARM CLOCK PINK,0,2010-12-03 09:46:00,3.75,13047,United Kingdom",
                "536382,22730,ALARM CLOCK RED,5,12/4/2010 8:05,3.75,NA,United Kingdom", ""));
        ImportedData data = importFile(ImportRequest.of("retail", ImportFormat.ONLINE_RETAIL, file));
        Dataset d = workspace.datasets().load("retail");

        assertThat(data.summary().rowsRead()).isEqualTo(7);
        assertThat(data.summary().skippedByReason()).containsEntry("no CustomerID", 2L)
                .containsEntry("cancelled invoice", 1L).containsEntry("non-positive quantity", 1L);
        assertThat(data.summary().kept()).isEqualTo(3);
        assertThat(data.summary().duplicates()).isEqualTo(1);
        assertThat(d.kind()).isEqualTo(DatasetKind.IMPLICIT);
        assertThat(value(d, "17850", "85123A")).isEqualTo(8f);
        int user = d.users().indexOf("17850");
        assertThat(d.ratings().rowTimestamp(d.ratings().rowStart(user)))
                .isEqualTo((int) Instant.parse("2010-12-01T08:26:00Z").getEpochSecond());
        assertThat(title(d, "71053")).isEqualTo("LANTERN, WHITE METAL");
        assertThat(d.itemCount()).isEqualTo(2);
    }

    private Path write(String name, String content) {
        try {
            return java.nio.file.Files.writeString(folder.resolve(name), content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
