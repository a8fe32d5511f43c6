package org.recworkbench.ui.datasets;

import org.recworkbench.ui.common.I18n;
import org.recworkbench.data.SyntheticDatasetFiles;
import org.recworkbench.data.SyntheticSpec;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.ImportSummary;
import org.recworkbench.store.importer.ImportedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobRunner;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The list of stored datasets; refreshed in the background whenever the workspace changes. */
public final class DatasetsViewModel {

    private final JobRunner jobs;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final ObservableList<DatasetRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(I18n.t("datasets.status.opening"));
    private final ObjectProperty<DatasetInfo> selected;
    private final String preferred;

    /**
     * @param selected  the window's shared dataset selection
     * @param preferred the dataset to select when nothing valid is selected (if it exists)
     */
    public DatasetsViewModel(JobRunner jobs, ReadOnlyObjectProperty<Workspace> workspace,
                             ObjectProperty<DatasetInfo> selected, String preferred) {
        this.jobs = jobs;
        this.workspace = workspace;
        this.selected = selected;
        this.preferred = preferred;
        if (workspace.get() != null) {
            unavailableReason.set(null);
        }
        workspace.addListener((obs, old, now) -> unavailableReason.set(now == null ? opening() : null));
    }

    public ObjectProperty<DatasetInfo> selectedProperty() {
        return selected;
    }

    private boolean replacingRows;

    public void onSelect(DatasetRow row) {
        if (row != null && !replacingRows) {
            selected.set(row.info());
        }
    }

    public ObservableList<DatasetRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the shell runs to try opening the workspace again (Refresh while it is not open). */
    private Runnable reopen = () -> {
    };
    private final ReadOnlyStringWrapper unavailableReason = new ReadOnlyStringWrapper(opening());

    static String opening() {
        return I18n.t("datasets.status.stillOpening");
    }

    public void setReopen(Runnable reopen) {
        this.reopen = reopen;
    }

    /**
     * Why Import, Generate, Rename and Delete cannot work now (shown on the disabled buttons), or null once the
     * workspace is open.
     */
    public ReadOnlyStringProperty unavailableReasonProperty() {
        return unavailableReason.getReadOnlyProperty();
    }

    /** The shell could not open the workspace (another process holds it, for instance): says so and how to retry. */
    public void workspaceUnavailable(String reason) {
        String why = I18n.t("datasets.status.retry", reason);
        unavailableReason.set(why);
        message.set(why);
    }

    /** Lists the datasets again, or, while the workspace is not open, tries to open it again. */
    public void onRefresh() {
        if (workspace.get() == null) {
            message.set(I18n.t("datasets.status.reopening"));
            reopen.run();
            return;
        }
        refresh(null);
    }

    /** Says why an action cannot run when the workspace is not open; true when it can. */
    private boolean requireOpen() {
        if (workspace.get() != null) {
            return true;
        }
        message.set(unavailableReason.get());
        return false;
    }

    /** Reloads the list, then shows {@code done} (or the number of datasets). */
    private void refresh(String done) {
        Workspace open = workspace.get();
        if (open == null) {
            return;
        }
        jobs.interactive(this, I18n.t("datasets.job.list"), (progress, cancel) -> open.datasets().list(), list -> {
            show(list);
            if (done != null) {
                message.set(done);
            }
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    /** Imports a file as a new dataset (all or nothing) and selects it; the summary says what was skipped. */
    public void onImport(ImportRequest request) {
        if (!requireOpen()) {
            return;
        }
        Workspace open = workspace.get();
        jobs.submit(I18n.t("datasets.job.import", request.file().getFileName()), (progress, cancel) -> {
            ImportedData data = open.datasets().importFile(request, progress, cancel);
            return new Imported(open.datasets().require(data.dataset().name()), data.summary());
        }, this::imported, failure -> message.set(ErrorMessages.readable(failure)));
    }

    private record Imported(DatasetInfo info, ImportSummary summary) {
    }

    private void imported(Imported imported) {
        selected.set(imported.info());
        refresh(importSummary(imported.info(), imported.summary()));
    }

    static String importSummary(DatasetInfo info, ImportSummary s) {
        StringBuilder b = new StringBuilder(I18n.t("datasets.imported", info.name(), count(info.interactions()),
                count(info.users()), count(info.items()), count(s.rowsRead()), count(s.kept()), count(s.skipped())));
        s.skippedByReason().forEach((reason, n) -> b.append(String.format(Locale.ROOT, "; %s: %,d", reason, n)));
        if (s.duplicates() > 0) {
            b.append(I18n.t("datasets.imported.duplicates", count(s.duplicates())));
        }
        return b.append(I18n.t("datasets.imported.end")).toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public void onRename(DatasetInfo dataset, String newName) {
        Workspace open = workspace.get();
        if (!requireOpen() || dataset == null) {
            return;
        }
        jobs.submit(I18n.t("datasets.job.rename", dataset.name()), (progress, cancel) -> {
            open.datasets().rename(dataset.name(), newName);
            return newName.strip();
        }, name -> refresh(I18n.t("datasets.renamed", dataset.name(), name)), failure -> message.set(ErrorMessages.readable(failure)));
    }

    public void onDelete(DatasetInfo dataset) {
        Workspace open = workspace.get();
        if (!requireOpen() || dataset == null) {
            return;
        }
        jobs.submit(I18n.t("datasets.job.delete", dataset.name()), (progress, cancel) -> {
            open.datasets().delete(dataset.name());
            return dataset.name();
        }, name -> {
            if (selected.get() != null && selected.get().id() == dataset.id()) {
                selected.set(null);
            }
            refresh(I18n.t("datasets.deleted", name));
        }, failure -> message.set(ErrorMessages.readable(failure)));
    }

    /** Generates a synthetic dataset (written to a temporary folder, then imported like any CSV). */
    public void onGenerate(String name, SyntheticSpec spec) {
        Workspace open = workspace.get();
        if (!requireOpen()) {
            return;
        }
        jobs.submit(I18n.t("datasets.job.generate", name), (progress, cancel) -> {
            Path folder = Files.createTempDirectory("recworkbench-synthetic");
            try {
                SyntheticDatasetFiles.write(spec, folder, progress.stage(0, 0.4), cancel);
                ImportRequest request = new ImportRequest(name, ImportFormat.CSV,
                        folder.resolve(SyntheticDatasetFiles.RATINGS), folder.resolve(SyntheticDatasetFiles.ITEMS),
                        null, ",", true, spec.implicit(), null, false);
                ImportedData data = open.datasets().importFile(request, progress.stage(0.4, 1), cancel);
                return new Imported(open.datasets().require(data.dataset().name()), data.summary());
            } finally {
                deleteQuietly(folder);
            }
        }, this::imported, failure -> message.set(ErrorMessages.readable(failure)));
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }

    /**
     * Edits the rows in place, keeping those whose dataset did not change: replacing them all makes the table
     * rebuild every cell, a long pause for the FX thread while a big import or a fit uses the core.
     */
    private void updateRows(List<DatasetInfo> datasets) {
        Map<DatasetInfo, DatasetRow> existing = new HashMap<>();
        rows.forEach(r -> existing.put(r.info(), r));
        List<DatasetRow> target = datasets.stream().map(d -> existing.getOrDefault(d, new DatasetRow(d))).toList();
        Set<DatasetRow> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(target);
        rows.removeIf(r -> !kept.contains(r));
        for (int i = 0; i < target.size(); i++) {
            if (i >= rows.size() || rows.get(i) != target.get(i)) {
                rows.add(i, target.get(i));
            }
        }
        if (rows.size() > target.size()) {
            rows.remove(target.size(), rows.size());
        }
    }

    /** Shows a list read elsewhere (the shell lists the datasets in the job that opens the workspace). */
    public void show(List<DatasetInfo> datasets) {
        // replacing the rows moves the table's selection, which would write back here: ignore that
        DatasetInfo current = selected.get();
        replacingRows = true;
        try {
            updateRows(datasets);
        } finally {
            replacingRows = false;
        }
        message.set(datasets.isEmpty() ? I18n.t("datasets.none")
                : I18n.t(datasets.size() == 1 ? "datasets.count.one" : "datasets.count", String.valueOf(datasets.size())));
        DatasetInfo kept = current == null ? null
                : datasets.stream().filter(d -> d.id() == current.id()).findFirst().orElse(null);
        if (kept == null) {
            kept = datasets.stream().filter(d -> d.name().equals(preferred)).findFirst()
                    .orElse(datasets.isEmpty() ? null : datasets.get(0));
        }
        selected.set(kept);
    }
}
