package org.recworkbench.store.importer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every importer takes any bytes: it either parses them or refuses them with an {@link InvalidInputException} (a
 * located, plain message) — never another exception, an endless loop or a message that echoes megabytes of input.
 * <p>
 * In a normal build each target replays its committed corpus ({@code ImporterFuzzTestInputs/<target>/} beside this
 * class in src/test/resources: the valid fixtures, the malformed corpus and the crashes found while fuzzing); with
 * {@code -Pfuzz} Jazzer mutates them for a bounded time per target (docs/benchmarks.md has the figures).
 */
class ImporterFuzzTest {

    /** The longest refusal message accepted: a message quotes input, but cut. */
    private static final int MESSAGE_LIMIT = 2_000;

    private static Path folder;

    @BeforeAll
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("importer-fuzz");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * All seven targets in one, the first byte choosing which: Jazzer fuzzes one target per JVM, so the bounded run
     * of {@code mvn verify} and the long one of {@code -Pfuzz} fuzz this one (its corpus holds every other target's
     * inputs behind their selector byte).
     */
    @FuzzTest(maxDuration = "5m")
    void anyImporter(byte[] data) {
        byte[] file = data.length == 0 ? data : java.util.Arrays.copyOfRange(data, 1, data.length);
        switch (data.length == 0 ? 0 : (data[0] & 0xff) % 7) {
            case 0 -> movieLens100k(file);
            case 1 -> movieLens100kItems(file);
            case 2 -> movieLens1m(file);
            case 3 -> movieLensCsv(file);
            case 4 -> genericCsv(file);
            case 5 -> genericCsvWithHeader(file);
            default -> onlineRetail(file);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void movieLens100k(byte[] data) {
        parse(ImportRequest.of("fuzz", ImportFormat.MOVIELENS_100K, write("u.data", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void movieLens100kItems(byte[] data) {
        Path ratings = write("u.data", "1\t1\t5\t881250949\n2\t2\t3\t881250950\n".getBytes());
        parse(ImportRequest.of("fuzz", ImportFormat.MOVIELENS_100K, ratings).withItems(write("u.item", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void movieLens1m(byte[] data) {
        parse(ImportRequest.of("fuzz", ImportFormat.MOVIELENS_1M, write("ratings.dat", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void movieLensCsv(byte[] data) {
        parse(ImportRequest.of("fuzz", ImportFormat.MOVIELENS_CSV, write("ratings.csv", data)));
    }

    @FuzzTest(maxDuration = "5m")
    void genericCsv(byte[] data) {
        parse(ImportRequest.of("fuzz", ImportFormat.CSV, write("ratings.csv", data))
                .withCsv(List.of("user", "item", "rating", "timestamp"), ",", false, false));
    }

    @FuzzTest(maxDuration = "5m")
    void genericCsvWithHeader(byte[] data) {
        parse(ImportRequest.of("fuzz", ImportFormat.CSV, write("ratings.csv", data))
                .withCsv(List.of("user=customer", "item=product", "rating=stars"), ";", true, false));
    }

    @FuzzTest(maxDuration = "5m")
    void onlineRetail(byte[] data) {
        parse(ImportRequest.of("fuzz", ImportFormat.ONLINE_RETAIL, write("retail.csv", data)));
    }

    private static void parse(ImportRequest request) {
        try {
            Importer.parse(request, Progress.NONE, Cancellation.NEVER);
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.getMessage().length()).as("message length").isLessThanOrEqualTo(MESSAGE_LIMIT);
        }
    }

    private static Path write(String name, byte[] data) {
        try {
            return Files.write(folder.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
