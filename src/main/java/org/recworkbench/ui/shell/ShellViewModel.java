package org.recworkbench.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.SampleData;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.datasets.DatasetsViewModel;
import org.recworkbench.ui.history.HistoryViewModel;
import org.recworkbench.ui.tune.TuneViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** State of the main window: the open workspace, the chosen section, the status line, the shared selection. */
public final class ShellViewModel {

    private final Path databasePath;
    private final FxJobs jobs;
    private final DatasetsViewModel datasets;
    private final TuneViewModel tune;
    private final HistoryViewModel history;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DATASETS);
    private final ObjectProperty<DatasetInfo> selectedDataset = new SimpleObjectProperty<>();
    private final StringBinding datasetSummary;

    public ShellViewModel(Path databasePath, FxJobs jobs) {
        this.databasePath = databasePath;
        this.jobs = jobs;
        this.datasets = new DatasetsViewModel(jobs, workspace.getReadOnlyProperty(), selectedDataset,
                SampleData.FIRST_CHOICE);
        this.tune = new TuneViewModel(jobs, workspace.getReadOnlyProperty(), selectedDataset);
        this.history = new HistoryViewModel(jobs, workspace.getReadOnlyProperty());
        this.datasetSummary = Bindings.createStringBinding(() -> summary(selectedDataset.get()), selectedDataset);
    }

    /** Opens the workspace in the background, importing the bundled samples the first time. */
    public void onOpen() {
        status.set("Opening " + databasePath + " …");
        jobs.submit("Opening workspace", (progress, cancel) -> {
            Workspace opened = Workspace.open(databasePath);
            try {
                int imported = SampleData.importOnFirstStart(opened, progress, cancel);
                return new Opened(opened, imported);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            workspace.set(opened.workspace());
            status.set(opened.samplesImported() > 0
                    ? "Created " + databasePath + " and imported " + opened.samplesImported() + " sample datasets"
                    : "Workspace " + databasePath);
            datasets.onRefresh();
        }, failure -> {
            status.set("Could not open the workspace");
            error.set(ErrorMessages.readable(failure));
        });
    }

    private record Opened(Workspace workspace, int samplesImported) {
    }

    public void onClose() {
        Workspace open = workspace.get();
        if (open != null) {
            open.close();
        }
    }

    public List<Section> sections() {
        return List.of(Section.values());
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The latest readable error, or null; the view shows it in a dialog. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The dataset every section works on. */
    public ObjectProperty<DatasetInfo> selectedDatasetProperty() {
        return selectedDataset;
    }

    /** One line for the header: name, kind and size of the selected dataset. */
    public StringBinding datasetSummary() {
        return datasetSummary;
    }

    static String summary(DatasetInfo d) {
        if (d == null) {
            return "No dataset selected";
        }
        return String.format(Locale.ROOT, "%s · %s · %,d users × %,d items · %,d interactions", d.name(),
                d.kind().label(), d.users(), d.items(), d.interactions());
    }

    public DatasetsViewModel datasets() {
        return datasets;
    }

    public HistoryViewModel history() {
        return history;
    }

    public TuneViewModel tune() {
        return tune;
    }

    public FxJobs jobs() {
        return jobs;
    }
}
