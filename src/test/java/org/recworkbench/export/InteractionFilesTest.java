package org.recworkbench.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each export format on a hand-made dataset: users u1, u2, u3 (u3 without interactions), items i1, i2, i3;
 * u1 rated i1 4 at t=100 and i3 3.5 at t=200, u2 rated i2 5 at t=300.
 */
class InteractionFilesTest {

    @TempDir
    Path folder;

    private static Dataset tiny() {
        DatasetBuilder b = new DatasetBuilder("tiny", DatasetKind.EXPLICIT);
        for (String item : new String[]{"i1", "i2", "i3"}) {
            b.item(item, item, new String[0], "");
        }
        b.user("u1").user("u2").user("u3");
        b.add("u1", "i1", 4, 100).add("u1", "i3", 3.5, 200).add("u2", "i2", 5, 300);
        return b.build();
    }

    private static String write(ExportFormat format, Dataset data) throws IOException {
        StringWriter out = new StringWriter();
        InteractionFiles.write(format, data, data.ratings(), "dataset tiny", out);
        return out.toString();
    }

    @Test
    void csvHasAHeaderExternalIdsAndTimestamps() throws IOException {
        assertThat(write(ExportFormat.CSV, tiny())).isEqualTo("""
                user,item,rating,timestamp
                u1,i1,4,100
                u1,i3,3.5,200
                u2,i2,5,300
                """);
    }

    @Test
    void surpriseIsTheCsvWithoutHeader() throws IOException {
        assertThat(write(ExportFormat.SURPRISE, tiny())).isEqualTo("""
                u1,i1,4,100
                u1,i3,3.5,200
                u2,i2,5,300
                """);
    }

    @Test
    void sparkUsesZeroBasedIntegerIdsAndMapsThem() throws IOException {
        Dataset data = tiny();
        assertThat(write(ExportFormat.SPARK, data)).isEqualTo("""
                userId,itemId,rating,timestamp
                0,0,4,100
                0,2,3.5,200
                1,1,5,300
                """);
        StringWriter users = new StringWriter();
        InteractionFiles.users(ExportFormat.SPARK, data, users);
        StringWriter items = new StringWriter();
        InteractionFiles.items(ExportFormat.SPARK, data, items);
        assertThat(users.toString()).isEqualTo("userId,user\n0,u1\n1,u2\n2,u3\n");
        assertThat(items.toString()).isEqualTo("itemId,item\n0,i1\n1,i2\n2,i3\n");
    }

    @Test
    void matrixMarketIsOneBasedCoordinateWithTheShapeOfTheDataset() throws IOException {
        Dataset data = tiny();
        assertThat(write(ExportFormat.MM, data)).isEqualTo("""
                %%MatrixMarket matrix coordinate real general
                % dataset tiny
                3 3 3
                1 1 4
                1 3 3.5
                2 2 5
                """);
        StringWriter users = new StringWriter();
        InteractionFiles.users(ExportFormat.MM, data, users);
        StringWriter items = new StringWriter();
        InteractionFiles.items(ExportFormat.MM, data, items);
        assertThat(users.toString()).isEqualTo("row,user\n1,u1\n2,u2\n3,u3\n");
        assertThat(items.toString()).isEqualTo("col,item\n1,i1\n2,i2\n3,i3\n");
    }

    @Test
    void libsvmHasOneLinePerUserWithLabelZeroAndAscendingOneBasedItems() throws IOException {
        assertThat(write(ExportFormat.LIBSVM, tiny())).isEqualTo("""
                0 1:4 3:3.5
                0 2:5
                0
                """);
    }

    @Test
    void recboleIsTabSeparatedWithRecBolesTypedHeader() throws IOException {
        assertThat(write(ExportFormat.RECBOLE, tiny())).isEqualTo(
                "user_id:token\titem_id:token\trating:float\ttimestamp:float\n"
                        + "u1\ti1\t4\t100\nu1\ti3\t3.5\t200\nu2\ti2\t5\t300\n");
    }

    @Test
    void recboleFilesCarryTheFolderNameAndValidIsRecBolesWordForValidation() {
        assertThat(DatasetExport.fileName(ExportFormat.RECBOLE, "", "ml", "ratings")).isEqualTo("ml.inter");
        assertThat(DatasetExport.fileName(ExportFormat.RECBOLE, "", "ml", "validation")).isEqualTo("ml.valid.inter");
        assertThat(DatasetExport.fileName(ExportFormat.RECBOLE, "fold-2/", "ml", "train"))
                .isEqualTo("fold-2/fold-2.train.inter");
        assertThat(DatasetExport.fileName(ExportFormat.MM, "fold-2/", "ml", "train")).isEqualTo("fold-2/train.mtx");
    }

    @Test
    void implicitDataExportsTheStoredCountsWithoutTimestampsWhenItHasNone() throws IOException {
        Dataset data = DatasetBuilder.fromMatrix("shop", DatasetKind.IMPLICIT, new double[][]{{3, 0}, {0, 1}});
        assertThat(write(ExportFormat.CSV, data)).isEqualTo("user,item,rating\nu1,i1,3\nu2,i2,1\n");
        assertThat(write(ExportFormat.SURPRISE, data)).isEqualTo("u1,i1,3\nu2,i2,1\n");
    }

    @Test
    void csvQuotesIdsWithCommasAndWritesFormulaLikeIdsVerbatim() throws IOException {
        Dataset data = new DatasetBuilder("odd", DatasetKind.EXPLICIT).add("=a,b", "say \"hi\"", 2).build();
        assertThat(write(ExportFormat.CSV, data)).isEqualTo("user,item,rating\n\"=a,b\",\"say \"\"hi\"\"\",2\n");
    }

    @Test
    void surpriseRefusesAnIdWithACommaAndSuggestsAnotherFormat() {
        Dataset data = new DatasetBuilder("odd", DatasetKind.EXPLICIT).add("a,b", "i", 2).build();
        assertThatThrownBy(() -> write(ExportFormat.SURPRISE, data)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"a,b\"").hasMessageContaining("--format spark");
    }

    @Test
    void valuesAreTheShortestDecimalOfTheFloat() {
        assertThat(InteractionFiles.value(4f)).isEqualTo("4");
        assertThat(InteractionFiles.value(3.5f)).isEqualTo("3.5");
        assertThat(InteractionFiles.value(0.1f)).isEqualTo("0.1");
        assertThat(InteractionFiles.value(-2.25f)).isEqualTo("-2.25");
        assertThat(InteractionFiles.value(1.0e-7f)).isEqualTo("0.0000001");
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        assertThatThrownBy(() -> ExportFormat.parse("parquet")).isInstanceOf(InvalidInputException.class)
                .hasMessage("--format: unknown format \"parquet\"; expected one of csv, surprise, spark, mm, libsvm, "
                        + "recbole");
    }

    @Test
    void aFailureMidwayLeavesNeitherTheFolderNorAHiddenPart() throws IOException {
        Path target = folder.resolve("out");
        assertThatThrownBy(() -> AtomicFolder.write(target, false, dir -> {
            Files.writeString(dir.resolve("train.csv"), "u1,i1,4\n");
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFailedReplaceKeepsTheOldFolder() throws IOException {
        Path target = folder.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.csv"), "old");
        assertThatThrownBy(() -> AtomicFolder.write(target, true, dir -> {
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).containsExactly(target);
        }
        assertThat(Files.readString(target.resolve("old.csv"))).isEqualTo("old");
    }

    @Test
    void aNonEmptyFolderIsReplacedOnlyWithForce() throws IOException {
        Path target = folder.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.csv"), "old");
        assertThatThrownBy(() -> AtomicFolder.write(target, false, dir -> {
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("--force");

        boolean replaced = AtomicFolder.write(target, true, dir -> Files.writeString(dir.resolve("new.csv"), "new"));

        assertThat(replaced).isTrue();
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).containsExactly(target.resolve("new.csv"));
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).containsExactly(target);
        }
    }
}
