package org.recworkbench.ui.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;

import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.ui.datasets.DatasetsViewModel;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** The shell's remembered state and shortcuts' actions, without a stage. */
class ShellViewModelTest {

    @TempDir
    Path folder;

    private final Preferences preferences = Preferences.userRoot().node("org/recworkbench/test/shell"
            + System.nanoTime());
    private final FxJobs jobs = new FxJobs();

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void clean() throws Exception {
        // waits for running jobs, so none still writes into the temporary folder when JUnit deletes it
        jobs.shutdownAndWait(60, TimeUnit.SECONDS);
        preferences.removeNode();
    }

    @Test
    void theLastSectionAndThemeAreRememberedAndRestored() throws Exception {
        ShellViewModel first = fx(() -> new ShellViewModel(folder.resolve("db"), jobs, preferences));
        assertThat(first.sectionProperty().get()).isEqualTo(Section.DATASETS);
        fx(() -> first.onShowSection(9));
        assertThat(first.sectionProperty().get()).isEqualTo(Section.HISTORY);
        fx(() -> first.darkProperty().set(true));
        fx(() -> first.onShowSection(42));
        assertThat(first.sectionProperty().get()).as("out of range: unchanged").isEqualTo(Section.HISTORY);

        ShellViewModel second = fx(() -> new ShellViewModel(folder.resolve("db"), jobs, preferences));
        assertThat(second.sectionProperty().get()).isEqualTo(Section.HISTORY);
        assertThat(second.darkProperty().get()).isTrue();
    }

    /** Holds a workspace open in its own process until its standard input closes, as a CLI import would. */
    public static final class HoldWorkspace {
        public static void main(String[] args) throws Exception {
            try (Workspace held = Workspace.open(Path.of(args[0]))) {
                System.out.println("open");
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void aWorkspaceHeldByAnotherProcessDisablesTheActionsAndRefreshOpensItOnceReleased() throws Exception {
        Path db = folder.resolve("held");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldWorkspace.class.getName(), db.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");
            ShellViewModel shell = fx(() -> new ShellViewModel(db, jobs, preferences));
            DatasetsViewModel datasets = shell.datasets();
            fx(shell::onOpen);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.errorProperty().get() != null);

            assertThat(shell.workspaceProperty().get()).isNull();
            assertThat(datasets.unavailableReasonProperty().get()).contains("in use by another process")
                    .endsWith("Press Refresh to try again.");
            fx(() -> datasets.onImport(ImportRequest.of("x", ImportFormat.CSV, folder.resolve("x.csv"))));
            assertThat(datasets.messageProperty().get()).as("an import says why it cannot run")
                    .contains("in use by another process");

            fx(datasets::onRefresh);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.statusProperty().get()
                    .equals("Could not open the workspace"));
            assertThat(shell.workspaceProperty().get()).as("still held").isNull();

            holder.getOutputStream().close();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
            fx(datasets::onRefresh);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.workspaceProperty().get() != null);

            assertThat(datasets.unavailableReasonProperty().get()).isNull();
            // the opened workspace starts background jobs (listing, importing the bundled samples): let them end
            // before closing, so nothing still writes into the folder when JUnit deletes it
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> jobs.snapshot().isEmpty());
            fx(shell::onClose);
        } finally {
            holder.destroy();
        }
    }

    @Test
    void anUnknownRememberedSectionFallsBackToDatasets() throws Exception {
        preferences.put(ShellViewModel.LAST_SECTION, "NO_SUCH_VIEW");
        ShellViewModel shell = fx(() -> new ShellViewModel(folder.resolve("db"), jobs, preferences));
        assertThat(shell.sectionProperty().get()).isEqualTo(Section.DATASETS);
    }

    @Test
    void theHeaderShowsTheAlgorithmItsParametersAndTheUser() throws Exception {
        ShellViewModel shell = fx(() -> new ShellViewModel(folder.resolve("db"), jobs, preferences));
        assertThat(shell.selectionSummary().get()).startsWith("item-knn (defaults)");
        fx(() -> shell.session().setParam("k", 40));
        assertThat(shell.selectionSummary().get()).startsWith("item-knn (k=40)");
        var hybrid = org.recworkbench.algo.AlgorithmRegistry.require("hybrid");
        fx(() -> {
            shell.session().setParam(hybrid, "cf.k", 12);
            shell.session().algorithmProperty().set(hybrid);
        });
        // the components chosen always show; of the rest, what differs from its default
        assertThat(shell.selectionSummary().get()).startsWith("hybrid (cf=item-knn, cf.k=12, content=content-tfidf)");
        assertThat(About.text()).contains("CC BY 4.0").contains("https://doi.org/10.24432/C5BW33")
                .contains("never bundled");
    }
}
