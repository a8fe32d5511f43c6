package org.recworkbench.ui;

import javafx.stage.Stage;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.common.FxThreadGuard;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench window on its own workspace and preferences node, opened and closed as the window tests need. */
final class OpenWindow {

    final ShellViewModel shell;
    final FxJobs jobs;
    private final Preferences preferences;

    private OpenWindow(ShellViewModel shell, FxJobs jobs, Preferences preferences) {
        this.shell = shell;
        this.jobs = jobs;
        this.preferences = preferences;
    }

    /** Builds the window on the stage and opens the workspace (on the FX thread, from a TestFX start method). */
    static OpenWindow open(Stage stage, Path workspace, String preferencesNode) {
        FxThreadGuard.clear();
        FxJobs jobs = new FxJobs();
        Preferences preferences = Preferences.userRoot().node(preferencesNode);
        ShellViewModel shell = new ShellViewModel(workspace, jobs, preferences);
        stage.setScene(WorkbenchApp.buildScene(shell));
        stage.show();
        shell.onOpen();
        return new OpenWindow(shell, jobs, preferences);
    }

    Preferences preferences() {
        return preferences;
    }

    /**
     * Stops the jobs, closes the workspace and forgets the preferences; a test that reopened the window passes the
     * shell and jobs it uses now. Fails if the window started heavy engine work on the FX thread while it was open.
     */
    void close(ShellViewModel current, FxJobs currentJobs) throws Exception {
        WaitForAsyncUtils.asyncFx(currentJobs::shutdown).get(10, TimeUnit.SECONDS);
        currentJobs.shutdownAndWait(60, TimeUnit.SECONDS);
        current.onClose();
        preferences.removeNode();
        var violations = FxThreadGuard.violations();
        FxThreadGuard.clear();
        assertThat(violations).as(() -> "heavy work on the FX application thread:\n" + violations.stream()
                .map(FxThreadGuard.Violation::describe).collect(Collectors.joining("\n"))).isEmpty();
    }
}
