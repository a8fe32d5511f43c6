package org.recworkbench.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.NamedPipes;
import org.recworkbench.store.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How every --out of the command line treats existing files, special files, "-" and leftovers of killed runs. */
class OutputFileCliTest {

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("db").toString();
    }

    @BeforeEach
    void importTinyDataset() {
        CliRun r = CliRun.of("import", "--db", db(), "--name", "ml", "--format", "movielens-100k",
                Fixtures.path("ml100k-tiny/u.data").toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private CliRun recommend(String out) {
        return CliRun.of("recommend", "--db", db(), "--dataset", "ml", "--algo", "popular", "--n", "2", "--out", out);
    }

    @Test
    void replacingAnExistingFileSaysSoOnStderr() {
        Path out = folder.resolve("recs.csv");

        CliRun first = recommend(out.toString());
        CliRun second = recommend(out.toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).doesNotContain("replaced");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("replaced " + out);
    }

    @Test
    void namedPipeAsOutIsRefusedWithoutWaitingForAReader() {
        Path fifo = folder.resolve("recs.csv");
        assumeTrue(NamedPipes.mkfifo(fifo), "mkfifo is available");

        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> recommend(fifo.toString()));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + fifo
                + " is a named pipe (FIFO); expected a regular file or the name of a new file");
    }

    @Test
    void partFileLeftByAKilledRunIsDeletedByTheNextExport() throws IOException {
        Path stale = Files.writeString(folder.resolve(".recs.csv.999999999-1.part"), "half an export");

        CliRun r = recommend(folder.resolve("recs.csv").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(stale).doesNotExist();
    }

    @Test
    void evaluateRefusesDashBecauseItsStdoutHoldsTheResults() {
        CliRun r = CliRun.of("evaluate", "--db", db(), "--dataset", "ml", "--algo", "popular", "--split",
                "holdout:0.2", "--no-save", "--out", "-");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: --out -: evaluate prints its results on standard output;"
                + " give a file name");
    }

    @Test
    void generateIntoAFolderWithEarlierFilesSaysWhichItReplaced() {
        Path shop = folder.resolve("shop");
        String[] args = {"generate", "--out", shop.toString(), "--users", "10", "--items", "8", "--density", "0.3"};

        CliRun first = CliRun.of(args);
        CliRun second = CliRun.of(args);

        assertThat(first.err()).doesNotContain("replaced");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("replaced " + shop.resolve("ratings.csv"))
                .contains("replaced " + shop.resolve("items.csv"));
    }
}
