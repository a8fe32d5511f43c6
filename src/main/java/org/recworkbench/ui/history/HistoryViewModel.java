package org.recworkbench.ui.history;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.recworkbench.data.Dataset;
import org.recworkbench.eval.DatasetChecksum;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.ExternalEvaluation;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Significance;
import org.recworkbench.eval.Splitter;
import org.recworkbench.eval.Splitters;
import org.recworkbench.export.AtomicFile;
import org.recworkbench.export.EvaluationExport;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ExternalRuns;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobRunner;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The run history: list and filter runs, delete, re-run exactly, compare two, export as CSV. */
public final class HistoryViewModel {

    private final JobRunner jobs;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final FilteredList<RunRow> visible = new FilteredList<>(runs);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Significance.Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public HistoryViewModel(JobRunner jobs, ReadOnlyObjectProperty<Workspace> workspace) {
        this.jobs = jobs;
        this.workspace = workspace;
        filter.addListener((obs, old, now) -> visible.setPredicate(row -> row.matches(now)));
        workspace.addListener((obs, old, now) -> onRefresh());
    }

    public void onRefresh() {
        refresh(null);
    }

    /** Reloads the list, then shows {@code done} (or the number of runs). */
    private void refresh(String done) {
        Workspace open = workspace.get();
        if (open == null) {
            return;
        }
        jobs.interactive(this, I18n.t("history.job.read"), (progress, cancel) -> open.runs().list(), list -> {
            runs.setAll(list.stream().map(RunRow::of).toList());
            message.set(done != null ? done : list.isEmpty()
                    ? I18n.t("history.noRuns") : I18n.t(list.size() == 1 ? "history.count.one" : "history.count",
                    String.valueOf(list.size())));
        }, this::fail);
    }

    public void onDelete(List<RunRow> rows) {
        Workspace open = workspace.get();
        if (open == null || rows.isEmpty()) {
            return;
        }
        List<Long> ids = rows.stream().map(RunRow::id).toList();
        jobs.submit(I18n.t("history.job.delete", String.valueOf(ids.size())), (progress, cancel) -> {
            ids.forEach(open.runs()::delete);
            return ids.size();
        }, n -> refresh(I18n.t(n == 1 ? "history.deleted.one" : "history.deleted", String.valueOf(n))), this::fail);
    }

    /** Runs a stored experiment again exactly and records the new run. */
    public void onRerun(RunRow row) {
        Workspace open = workspace.get();
        if (open == null || row == null) {
            return;
        }
        RunResult old = row.run();
        jobs.submit(I18n.t("history.job.rerun", old.runId()), (progress, cancel) -> {
            Dataset data = open.datasets().load(old.dataset());
            RunResult again;
            if (ExternalEvaluation.isExternal(old)) {
                // a list made elsewhere: read again only while the file is the one measured (same SHA-256)
                again = open.runs().save(ExternalRuns.repeat(old, data, open.datasets()::load, progress, cancel)
                        .run());
            } else {
                Splitter splitter = Splitters.resolve(old.split(), open.datasets()::load);
                again = open.runs().save(Experiment.of(old, splitter).run(data, progress, cancel));
            }
            boolean same = DatasetChecksum.of(data).equals(old.datasetChecksum());
            return new Rerun(again, same);
        }, rerun -> refresh(I18n.t(rerun.sameDataset() ? "history.rerun" : "history.rerun.changed",
                rerun.run().runId(), old.runId())), this::fail);
    }

    private record Rerun(RunResult run, boolean sameDataset) {
    }

    /** Compares two runs (B − A), with per-user significance tests when they share dataset, split and seed. */
    public void onCompare(RunRow a, RunRow b) {
        Workspace open = workspace.get();
        if (open == null || a == null || b == null) {
            return;
        }
        jobs.submit(I18n.t("history.job.compare", a.id(), b.id()), (progress, cancel) -> Significance.compare(
                open.runs().find(a.id()).orElseThrow(), open.runs().find(b.id()).orElseThrow()), c -> {
            comparison.set(c);
            message.set(I18n.t("history.compared", b.id(), a.id(), c.reason()));
        }, this::fail);
    }

    private Consumer<Path> onExported = path -> { };

    /** Told of every file an export wrote, after the message line says so (the shell shows a pop-up). */
    public void setOnExported(Consumer<Path> onExported) {
        this.onExported = onExported == null ? path -> { } : onExported;
    }

    /** Writes the given runs' results (aggregate and per fold) as CSV, atomically. */
    public void onExport(List<RunRow> rows, Path target) {
        List<RunResult> results = rows.stream().map(RunRow::run).toList();
        jobs.submit(I18n.t("history.job.export", String.valueOf(results.size())), (progress, cancel) -> {
            AtomicFile.write(target, w -> EvaluationExport.results(results, w));
            return target;
        }, path -> {
            message.set(I18n.t("common.export.wroteFile", path));
            onExported.accept(path);
        }, this::fail);
    }

    /** Writes one run's per-user values (fold, user id, one column per metric) as CSV, atomically. */
    public void onExportPerUser(RunRow row, Path target) {
        Workspace open = workspace.get();
        if (open == null || row == null) {
            return;
        }
        jobs.submit(I18n.t("history.job.exportUsers", row.id()), (progress, cancel) -> {
            RunResult run = open.runs().find(row.id()).orElseThrow(
                    () -> new org.recworkbench.data.InvalidInputException(I18n.t("history.gone", row.id())));
            Dataset data = open.datasets().load(run.dataset());
            AtomicFile.write(target, w -> EvaluationExport.perUser(run, data, w));
            return target;
        }, path -> {
            message.set(I18n.t("common.export.wroteFile", path));
            onExported.accept(path);
        }, this::fail);
    }

    private void fail(Throwable failure) {
        message.set(ErrorMessages.readable(failure));
    }

    public ObservableList<RunRow> visibleRuns() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<Significance.Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
