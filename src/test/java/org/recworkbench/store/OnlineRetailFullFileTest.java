package org.recworkbench.store;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.ImportedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real UCI Online Retail file (CC BY 4.0; not in the repository), checked against the counts its NOTICE states:
 * 541,909 lines, 135,080 without CustomerID, 4,372 customers in all. It is looked for in the shared data folder
 * beside the project ({@code ../shared/data}), or where {@code RECWORKBENCH_SHARED_DATA} points; on a machine
 * without it these tests are skipped, not failed.
 */
class OnlineRetailFullFileTest {

    private static final Path RELATIVE = Path.of("online-retail", "online_retail.csv");
    private static final Path FILE = locate();

    private static Path locate() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("RECWORKBENCH_SHARED_DATA");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "shared", "data"));
        candidates.add(Path.of("..", "..", "shared", "data"));
        candidates.add(Path.of("/work", "shared", "data"));
        return candidates.stream().map(folder -> folder.resolve(RELATIVE)).filter(Files::isRegularFile).findFirst()
                .orElse(null);
    }

    @BeforeEach
    void requireTheSharedFile() {
        Assumptions.assumeTrue(FILE != null, "the UCI Online Retail file is not on this machine (../shared/data)");
    }

    @TempDir
    Path folder;

    @Test
    void importsTheWholeFileWithTheDocumentedCounts() {
        List<Double> progress = new ArrayList<>();
        try (Workspace workspace = Workspace.open(folder.resolve("db"))) {
            ImportedData data = workspace.datasets().importFile(
                    ImportRequest.of("retail", ImportFormat.ONLINE_RETAIL, FILE),
                    (fraction, message) -> progress.add(fraction), Cancellation.NEVER);

            assertThat(data.summary().rowsRead()).isEqualTo(541_909);
            assertThat(data.summary().skippedByReason().get("no CustomerID")).isEqualTo(135_080);
            assertThat(data.dataset().kind()).isEqualTo(DatasetKind.IMPLICIT);
            // 4,372 customers have lines; 33 of them have only cancellations or returns
            assertThat(data.summary().users()).isEqualTo(4_339);
            assertThat(data.summary().kept()).isEqualTo(data.summary().interactions() + data.summary().duplicates());
            assertThat(workspace.datasets().load("retail").interactionCount()).isEqualTo(data.summary().interactions());
        }
        List<Double> known = progress.stream().filter(f -> f >= 0).toList();
        assertThat(known).isSortedAccordingTo(Double::compare);
        assertThat(known.size()).isGreaterThan(10);
        assertThat(known.get(known.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void theFileIsLargeEnoughToProveStreaming() throws Exception {
        assertThat(Files.size(FILE)).isGreaterThan(50_000_000L);
    }
}
