package org.recworkbench.ui.datasets;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.SyntheticSpec;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** Import with a column mapping, rename, delete and generate on a real workspace file. */
class DatasetsViewModelTest {

    @TempDir
    Path folder;

    private Workspace workspace;
    private FxJobs jobs;
    private DatasetsViewModel vm;
    private final SimpleObjectProperty<DatasetInfo> selected = new SimpleObjectProperty<>();

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        workspace = Workspace.open(folder.resolve("db"));
        jobs = new FxJobs();
        vm = fx(() -> new DatasetsViewModel(jobs, new ReadOnlyObjectWrapper<>(workspace).getReadOnlyProperty(),
                selected, "none"));
    }

    @AfterEach
    void close() {
        jobs.shutdown();
        workspace.close();
    }

    private Path orders() throws Exception {
        Path csv = folder.resolve("orders.csv");
        Files.writeString(csv, String.join("\n", "when;customer;product;qty", "2024-01-01;c1;p1;2",
                "2024-01-02;c1;p2;1", "2024-01-02;c2;p1;5", "2024-01-04;c2;p1;1", ""),
                StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void thePreviewShowsTheHeaderAndRowsAndMapsRolesToPositions() throws Exception {
        ImportPreview preview = ImportPreview.read(orders(), ";", true);
        assertThat(preview.columns()).containsExactly("when", "customer", "product", "qty");
        assertThat(preview.rows()).hasSize(4);
        assertThat(preview.rows().get(0)).containsExactly("2024-01-01", "c1", "p1", "2");
        assertThat(preview.mapping(1, 2, 3, -1)).containsExactly("_", "user", "item", "rating");
        ImportPreview noHeader = ImportPreview.read(orders(), ";", false);
        assertThat(noHeader.columns()).containsExactly("column 1", "column 2", "column 3", "column 4");
    }

    @Test
    void anImportWithAMappingIsSummarisedAndSelectedThenRenamedAndDeleted() throws Exception {
        ImportPreview preview = ImportPreview.read(orders(), ";", true);
        ImportRequest request = new ImportRequest("orders", ImportFormat.CSV, orders(), null,
                preview.mapping(1, 2, 3, -1), ";", true, true, null, false);
        fx(() -> vm.onImport(request));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("Imported")
                || vm.messageProperty().get().contains("orders.csv"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.messageProperty().get()).startsWith("Imported");
        assertThat(selected.get().name()).isEqualTo("orders");
        // four rows; (c2, p1) twice: implicit values are added up into one interaction
        assertThat(vm.messageProperty().get()).isEqualTo("Imported orders: 3 interactions, 2 users, 2 items "
                + "(rows read 4, kept 4, skipped 0; duplicate pairs merged 1)");

        fx(() -> vm.onRename(selected.get(), "purchases"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.rows().stream()
                .anyMatch(r -> r.name().equals("purchases")));
        assertThat(workspace.datasets().find("orders")).isEmpty();

        DatasetInfo purchases = workspace.datasets().require("purchases");
        fx(() -> vm.onDelete(purchases));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("Deleted"));
        assertThat(workspace.datasets().list()).isEmpty();
    }

    @Test
    void anotherImportKeepsTheRowsOfUnchangedDatasetsSoTheTableDoesNotRebuildThem() throws Exception {
        ImportPreview preview = ImportPreview.read(orders(), ";", true);
        for (String name : List.of("b-orders", "a-orders", "c-orders")) {
            ImportRequest request = new ImportRequest(name, ImportFormat.CSV, orders(), null,
                    preview.mapping(1, 2, 3, -1), ";", true, true, null, false);
            List<DatasetRow> before = fx(() -> List.copyOf(vm.rows()));
            fx(() -> vm.onImport(request));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.rows().size() == before.size() + 1);
            List<DatasetRow> after = fx(() -> List.copyOf(vm.rows()));
            assertThat(after).filteredOn(r -> !r.name().equals(name)).containsExactlyElementsOf(before)
                    .allSatisfy(r -> assertThat(before).anySatisfy(b -> assertThat(b).isSameAs(r)));
        }
        assertThat(vm.rows()).extracting(DatasetRow::name).containsExactly("a-orders", "b-orders", "c-orders");

        fx(() -> vm.onRename(workspace.datasets().require("b-orders"), "z-orders"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.rows().stream()
                .anyMatch(r -> r.name().equals("z-orders")));
        assertThat(vm.rows()).extracting(DatasetRow::name).containsExactly("a-orders", "c-orders", "z-orders");
    }

    @Test
    void aBadFileLeavesNothingAndSaysWhereTheProblemIs() throws Exception {
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "user,item,rating\nu1,i1,4\nu2,i2,five\n", StandardCharsets.UTF_8);
        ImportRequest request = new ImportRequest("bad", ImportFormat.CSV, bad, null, null, ",", true, false, null,
                false);
        fx(() -> vm.onImport(request));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !jobs.running().isEmpty()
                || vm.messageProperty().get().contains("bad.csv"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> jobs.running().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.messageProperty().get()).startsWith("bad.csv:3:3: rating \"five\" is not a number");
        assertThat(vm.messageProperty().get()).contains("bad.csv").doesNotContain("Exception");
        assertThat(workspace.datasets().list()).isEmpty();
    }

    @Test
    void aGeneratedDatasetIsImportedAndSelected() throws Exception {
        fx(() -> vm.onGenerate("synthetic", new SyntheticSpec(50, 30, 0.2, 7, 4, false)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> selected.get() != null && !vm.rows().isEmpty());
        assertThat(selected.get().name()).isEqualTo("synthetic");
        assertThat(selected.get().users()).isEqualTo(50);
        assertThat(workspace.datasets().load("synthetic").catalog().title(0)).isNotBlank();
        assertThat(List.copyOf(vm.rows())).isNotEmpty();
    }
}
