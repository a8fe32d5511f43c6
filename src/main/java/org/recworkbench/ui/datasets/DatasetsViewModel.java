package org.recworkbench.ui.datasets;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.FxJobs;

import java.util.List;

/** The list of stored datasets; refreshed in the background whenever the workspace changes. */
public final class DatasetsViewModel {

    private final FxJobs jobs;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final ObservableList<DatasetRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Opening the workspace…");
    private final ObjectProperty<DatasetInfo> selected;
    private final String preferred;

    /**
     * @param selected  the window's shared dataset selection
     * @param preferred the dataset to select when nothing valid is selected (if it exists)
     */
    public DatasetsViewModel(FxJobs jobs, ReadOnlyObjectProperty<Workspace> workspace,
                             ObjectProperty<DatasetInfo> selected, String preferred) {
        this.jobs = jobs;
        this.workspace = workspace;
        this.selected = selected;
        this.preferred = preferred;
    }

    public ObjectProperty<DatasetInfo> selectedProperty() {
        return selected;
    }

    public void onSelect(DatasetRow row) {
        if (row != null) {
            selected.set(row.info());
        }
    }

    public ObservableList<DatasetRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void onRefresh() {
        Workspace open = workspace.get();
        if (open == null) {
            return;
        }
        jobs.submit("Listing datasets", (progress, cancel) -> open.datasets().list(), this::show,
                failure -> message.set(ErrorMessages.readable(failure)));
    }

    private void show(List<DatasetInfo> datasets) {
        rows.setAll(datasets.stream().map(DatasetRow::new).toList());
        message.set(datasets.isEmpty() ? "No datasets yet." : datasets.size() + " datasets");
        DatasetInfo current = selected.get();
        DatasetInfo kept = current == null ? null
                : datasets.stream().filter(d -> d.id() == current.id()).findFirst().orElse(null);
        if (kept == null) {
            kept = datasets.stream().filter(d -> d.name().equals(preferred)).findFirst()
                    .orElse(datasets.isEmpty() ? null : datasets.get(0));
        }
        selected.set(kept);
    }
}
