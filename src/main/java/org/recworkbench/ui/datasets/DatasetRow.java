package org.recworkbench.ui.datasets;

import org.recworkbench.store.DatasetInfo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One line of the dataset table, formatted for display. */
public record DatasetRow(DatasetInfo info) {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    public String name() {
        return info.name();
    }

    public String kind() {
        return org.recworkbench.ui.common.EngineText.kind(info.kind());
    }

    public int users() {
        return info.users();
    }

    public int items() {
        return info.items();
    }

    public int interactions() {
        return info.interactions();
    }

    /** Counts with thousands separators, as shown in the table. */
    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public String density() {
        return String.format(Locale.ROOT, "%.2f%%", 100 * info.density());
    }

    public String created() {
        return CREATED.format(info.createdAt());
    }
}
