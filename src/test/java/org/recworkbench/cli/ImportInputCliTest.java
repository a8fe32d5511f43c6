package org.recworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.NamedPipes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What import says about input it cannot or should not read: permissions, pipes, huge fields, odd names. */
class ImportInputCliTest {

    @TempDir
    Path folder;

    private String db() {
        return folder.resolve("db").toString();
    }

    private CliRun importCsv(String name, Path file, String... more) {
        String[] base = {"import", "--db", db(), "--name", name, "--format", "csv"};
        String[] args = new String[base.length + more.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        args[args.length - 1] = file.toString();
        return CliRun.of(args);
    }

    private Path ratings() throws IOException {
        return Files.writeString(folder.resolve("ratings.csv"), "user,item,rating\nu1,i1,4\nu2,i1,5\n");
    }

    @Test
    void unreadableFileSaysPermissionDenied() throws IOException {
        Path file = ratings();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root reads any file, so there is nothing to deny");

        CliRun r = importCsv("x", file, "--header");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: ratings.csv: permission denied; expected a file you may read"
                + " (check its permissions)");
    }

    @Test
    void namedPipeIsRefusedInsteadOfWaitingForAWriter() {
        Path fifo = folder.resolve("ratings.csv");
        assumeTrue(NamedPipes.mkfifo(fifo), "mkfifo is available");

        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> importCsv("x", fifo));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: ratings.csv: is a named pipe (FIFO), not a regular file;"
                + " expected a file (to read a pipe, give - and redirect it to standard input)");
    }

    @Test
    void directoryIsRefused() throws IOException {
        Path directory = Files.createDirectory(folder.resolve("ratings.csv"));

        CliRun r = importCsv("x", directory);

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("ratings.csv: is a directory, not a regular file").doesNotContain("\tat ");
    }

    @Test
    void dashReadsStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("u1,i1,4\nu2,i1,5\nu2,i2,3\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = importCsv("piped", Path.of("-"), "--json");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.json().get("interactions").getAsInt()).isEqualTo(3);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void errorsInStandardInputAreLocatedAsStdin() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("u1,i1,4\nu2,i1,x\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = importCsv("piped", Path.of("-"));

            assertThat(r.err().strip()).startsWith("error: stdin:2:3: rating \"x\" is not a number");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void hugeFieldIsCutInTheMessage() throws IOException {
        String huge = "x".repeat(10 * 1024 * 1024);
        Path file = Files.writeString(folder.resolve("big.csv"), "u1,i1," + huge + "\n");

        CliRun r = importCsv("x", file);

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().length()).isLessThan(600);
        assertThat(r.err()).startsWith("error: big.csv:1:3: rating \"xxxx")
                .contains("… (" + (huge.length() - 200) + " more characters)\" is not a number");
    }

    @Test
    void controlCharactersInQuotedInputAreShownAsEscapes() throws IOException {
        Path file = Files.writeString(folder.resolve("esc.csv"), "u1,i1,\"4\u001B[2J\nx\"\n");

        CliRun r = importCsv("x", file);

        assertThat(r.err()).contains("rating \"4\\u001B[2J\\nx\" is not a number").doesNotContain("\u001B");
    }

    @Test
    void oneHeaderColumnInTwoRolesIsRefusedNamingTheColumn() throws IOException {
        CliRun r = importCsv("x", ratings(), "--header", "--columns", "user=user,item=user");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: --columns gives column \"user\" two roles, user and item;"
                + " expected one role per column");
    }

    @Test
    void headerNamingAColumnTwiceIsRefusedWhenTheMappingUsesThatName() throws IOException {
        Path file = Files.writeString(folder.resolve("twice.csv"), "id,id,rating\nu1,i1,4\n");

        CliRun r = importCsv("x", file, "--header", "--columns", "user=id,item=id,rating=rating");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("twice.csv:1: the header names column \"id\" twice (columns 1 and 2)");
    }

    @Test
    void datasetNameWithControlCharactersIsRefused() throws IOException {
        CliRun r = importCsv("shop\u001B[31mred", ratings(), "--header");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: Dataset names may not contain control characters (line breaks,"
                + " tabs, escape); found \\u001B at character 5 of \"shop\\u001B[31mred\"");
        assertThat(r.err()).doesNotContain("\u001B");
    }

    @Test
    void datasetNameLengthCountsCharactersNotUtf16Units() throws IOException {
        String emoji = "\uD83C\uDF4E";
        CliRun fits = importCsv(emoji.repeat(200), ratings(), "--header", "--json");
        CliRun tooLong = importCsv(emoji.repeat(201), ratings(), "--header");

        assertThat(fits.code()).as(fits.err()).isZero();
        assertThat(fits.json().get("dataset").getAsString()).isEqualTo(emoji.repeat(200));
        assertThat(tooLong.err().strip()).isEqualTo("error: Dataset names may have at most 200 characters; this one"
                + " has 201");
    }
}
