package org.recworkbench.ui.explore;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetProfile;
import org.recworkbench.data.DatasetProfiler;
import org.recworkbench.data.ExploreSeries;
import org.recworkbench.ui.common.JobRunner;

import java.util.Locale;

/** The selected dataset's profile as chart series and searchable item and user tables. */
public final class ExploreViewModel {

    private final JobRunner jobs;
    private final ReadOnlyObjectWrapper<DatasetProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ExploreSeries> series = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObservableList<ExploreSeries.ItemRow> items = FXCollections.observableArrayList();
    private final ObservableList<ExploreSeries.UserRow> users = FXCollections.observableArrayList();
    private final FilteredList<ExploreSeries.ItemRow> visibleItems = new FilteredList<>(items);
    private final FilteredList<ExploreSeries.UserRow> visibleUsers = new FilteredList<>(users);
    private final StringProperty search = new SimpleStringProperty("");

    private final ReadOnlyObjectProperty<Dataset> data;
    private boolean visible;
    private Dataset shown;

    /**
     * @param data the dataset the window works on (the session's); it is profiled only while the
     *             view is visible, so other views do not pay for it
     */
    public ExploreViewModel(JobRunner jobs, ReadOnlyObjectProperty<Dataset> data) {
        this.jobs = jobs;
        this.data = data;
        data.addListener((obs, old, now) -> {
            // another dataset's profile must not stay on screen while this one is profiled (or until it is shown)
            profile.set(null);
            series.set(null);
            items.clear();
            users.clear();
            refresh();
        });
        search.addListener((obs, old, now) -> filter(now));
    }

    /** Called when the view is shown or hidden. */
    public void setVisible(boolean visible) {
        this.visible = visible;
        refresh();
    }

    private void refresh() {
        Dataset d = data.get();
        if (!visible || d == null || d == shown) {
            return;
        }
        shown = d;
        jobs.interactive(this, I18n.t("explore.job.profile", d.name()), (progress, cancel) -> new Computed(DatasetProfiler.profile(d),
                ExploreSeries.of(d)), computed -> {
            profile.set(computed.profile());
            series.set(computed.series());
            items.setAll(computed.series().items());
            users.setAll(computed.series().users());
        }, failure -> shown = null, () -> shown = null);
    }

    private record Computed(DatasetProfile profile, ExploreSeries series) {
    }

    private void filter(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        visibleItems.setPredicate(row -> t.isEmpty() || row.id().toLowerCase(Locale.ROOT).contains(t)
                || row.title().toLowerCase(Locale.ROOT).contains(t)
                || row.categories().toLowerCase(Locale.ROOT).contains(t));
        visibleUsers.setPredicate(row -> t.isEmpty() || row.id().toLowerCase(Locale.ROOT).contains(t));
    }

    /** One line of facts under the charts. */
    public static String facts(DatasetProfile p) {
        return I18n.t("explore.facts", f("%,d", p.users()), f("%,d", p.items()), f("%,d", p.interactions()),
                f("%.4f", 100 * p.density()), number(p.valueMin()), number(p.valueMax()), f("%.3f", p.valueMean()),
                f("%.1f", 100 * p.topDecileItemShare()), f("%,d", p.coldUsers()), f("%,d", p.coldItems()),
                String.valueOf(DatasetProfiler.COLD_THRESHOLD));
    }

    private static String f(String format, Object value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public ReadOnlyObjectProperty<DatasetProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExploreSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<ExploreSeries.ItemRow> visibleItems() {
        return visibleItems;
    }

    public ObservableList<ExploreSeries.UserRow> visibleUsers() {
        return visibleUsers;
    }
}
