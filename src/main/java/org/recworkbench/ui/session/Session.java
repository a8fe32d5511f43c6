package org.recworkbench.ui.session;

import org.recworkbench.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.store.DatasetInfo;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * What the views share, owned in one place: the workspace, the selected dataset and its loaded data, the algorithm
 * with its parameters (remembered per algorithm), the selected user and the fitted model. View models depend on the
 * session, never on each other. FX thread only.
 */
public final class Session {

    private final JobRunner jobs;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final ObjectProperty<DatasetInfo> selectedDataset;
    private final ReadOnlyObjectWrapper<Dataset> data = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Algorithm<?>> algorithm = new SimpleObjectProperty<>();
    /** Parameters by algorithm id: switching away and back keeps what was set. */
    private final ObservableMap<String, ParamValues> remembered = FXCollections.observableHashMap();
    private final ObjectBinding<ParamValues> params;
    private final ReadOnlyObjectWrapper<Model> model = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty user = new SimpleIntegerProperty(-1);
    private final ObservableList<String> userIds = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper loadMessage = new ReadOnlyStringWrapper("");
    private final Object loading = new Object();

    /** A session with no workspace of its own (view-model tests hand it datasets with {@link #useDataset}). */
    public Session(JobRunner jobs) {
        this(jobs, new ReadOnlyObjectWrapper<Workspace>().getReadOnlyProperty(), new SimpleObjectProperty<>());
    }

    /**
     * @param workspace       the open workspace (null until opened)
     * @param selectedDataset the dataset chosen in the Datasets view; its data is loaded here when it changes
     */
    public Session(JobRunner jobs, ReadOnlyObjectProperty<Workspace> workspace,
                   ObjectProperty<DatasetInfo> selectedDataset) {
        this.jobs = jobs;
        this.workspace = workspace;
        this.selectedDataset = selectedDataset;
        this.params = paramsOf(algorithm);
        algorithm.set(AlgorithmRegistry.require("item-knn"));
        selectedDataset.addListener((obs, old, now) -> load(now));
        workspace.addListener((obs, old, now) -> load(selectedDataset.get()));
    }

    private void load(DatasetInfo info) {
        Workspace open = workspace.get();
        if (info == null || open == null) {
            return;
        }
        loadMessage.set(I18n.t("app.loading", info.name()));
        jobs.interactive(loading, I18n.t("app.job.load", info.name()), (progress, cancel) -> open.datasets().load(info.name()),
                loaded -> {
                    loadMessage.set("");
                    useDataset(loaded);
                }, failure -> loadMessage.set(ErrorMessages.readable(failure)), () -> loadMessage.set(""));
    }

    /** Makes a loaded dataset the one every view works on: the fitted model is dropped, its most active user picked. */
    public void useDataset(Dataset d) {
        model.set(null);
        user.set(-1);
        data.set(d);
        userIds.setAll(d == null ? List.of() : d.users().ids());
        user.set(d == null || d.userCount() == 0 ? -1 : mostActiveUser(d));
    }

    /**
     * The user with the most interactions, up to {@link #TYPICAL_MOST}: on MovieLens-100K that is everyone, while
     * MovieLens-25M's most active user has 32,202 ratings, whose item-kNN list takes minutes where a user of 1,000
     * takes seconds. A dataset whose users all have more opens on the least active of them.
     */
    static int mostActiveUser(Dataset d) {
        int best = -1;
        int fewest = 0;
        for (int u = 0; u < d.userCount(); u++) {
            int n = d.ratings().rowLength(u);
            if (n <= TYPICAL_MOST && (best < 0 || n > d.ratings().rowLength(best))) {
                best = u;
            }
            if (n < d.ratings().rowLength(fewest)) {
                fewest = u;
            }
        }
        return best >= 0 ? best : fewest;
    }

    static final int TYPICAL_MOST = 1000;

    /** The algorithms in chooser order: by family, then id. */
    public static List<Algorithm<?>> algorithms() {
        List<Algorithm<?>> all = new ArrayList<>(AlgorithmRegistry.all());
        all.sort((a, b) -> a.family() != b.family() ? a.family().compareTo(b.family()) : a.id().compareTo(b.id()));
        return all;
    }

    /**
     * Keeps the parameters set per algorithm in {@code node} (one key per algorithm id, {@code k=100;normalise=z-score}),
     * so the next start offers them again; stored values an algorithm no longer accepts are skipped.
     */
    public void rememberIn(Preferences node) {
        for (Algorithm<?> a : AlgorithmRegistry.all()) {
            String stored = node.get(a.id(), null);
            if (stored == null) {
                continue;
            }
            try {
                ParamValues values = ParamValues.parse(a.params(), stored.isEmpty() ? List.of()
                        : List.of(stored.split(";")));
                setParams(a, values);
            } catch (RuntimeException stale) {
                node.remove(a.id());
            }
        }
        remembered.addListener((MapChangeListener<String, ParamValues>) change -> {
            if (change.wasAdded()) {
                node.put(change.getKey(), stored(change.getValueAdded()));
            } else {
                node.remove(change.getKey());
            }
        });
    }

    /** Exact values (not the rounded ones of {@link ParamValues#toString()}), in the CLI's name=value form. */
    private static String stored(ParamValues values) {
        StringBuilder b = new StringBuilder();
        values.asMap().forEach((name, value) -> b.append(b.length() == 0 ? "" : ";").append(name).append('=')
                .append(value));
        return b.toString();
    }

    /** The parameters last set for an algorithm in this session, or its defaults. */
    public ParamValues paramsFor(Algorithm<?> a) {
        ParamValues kept = remembered.get(a.id());
        return kept != null ? kept : a.defaults();
    }

    /** The parameters of whichever algorithm {@code of} names, following both (null when it names none). */
    public ObjectBinding<ParamValues> paramsOf(ObservableValue<? extends Algorithm<?>> of) {
        return Bindings.createObjectBinding(() -> of.getValue() == null ? null : paramsFor(of.getValue()), of,
                remembered);
    }

    /** Sets one parameter of an algorithm (validated by its spec); the views showing it follow. */
    public void setParam(Algorithm<?> a, String name, Object value) {
        setParams(a, paramsFor(a).with(name, value));
    }

    public void setParams(Algorithm<?> a, ParamValues values) {
        if (values.equals(a.defaults())) {
            remembered.remove(a.id());
        } else {
            remembered.put(a.id(), values);
        }
    }

    /** Sets one parameter of the current algorithm. */
    public void setParam(String name, Object value) {
        setParam(algorithm.get(), name, value);
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public ObjectProperty<DatasetInfo> selectedDatasetProperty() {
        return selectedDataset;
    }

    /** The selected dataset's data once loaded. */
    public ReadOnlyObjectProperty<Dataset> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ObjectProperty<Algorithm<?>> algorithmProperty() {
        return algorithm;
    }

    /** The current algorithm's parameters. */
    public ObjectBinding<ParamValues> paramsProperty() {
        return params;
    }

    /** The model fitted on the current data (by Tune & Recommend), or null. */
    public ReadOnlyObjectProperty<Model> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public void setModel(Model fitted) {
        model.set(fitted);
    }

    /** The selected user: an index into the data's users, or −1. */
    public IntegerProperty userProperty() {
        return user;
    }

    /** The selected user's external id, or "" when none. */
    public String userId() {
        Dataset d = data.get();
        int u = user.get();
        return d == null || u < 0 || u >= d.userCount() ? "" : d.users().id(u);
    }

    public ObservableList<String> userIds() {
        return userIds;
    }

    /** "Loading …" while the selected dataset loads, its error if it failed, else empty. */
    public ReadOnlyStringProperty loadMessageProperty() {
        return loadMessage.getReadOnlyProperty();
    }

    public JobRunner jobs() {
        return jobs;
    }
}
