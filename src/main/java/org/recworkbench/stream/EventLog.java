package org.recworkbench.stream;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset's interactions as a stream: in timestamp order, or in file order when the dataset has no timestamps
 * (equal timestamps keep the file's order too). A dataset stored before its file order was kept (or built without
 * one) falls back to stored order, by user then item. The first part trains a model; the rest is replayed.
 */
public final class EventLog {

    private final Dataset source;
    private final List<Event> events;

    private EventLog(Dataset source, List<Event> events) {
        this.source = source;
        this.events = events;
    }

    public static EventLog of(Dataset d) {
        RatingMatrix r = d.ratings();
        int n = r.size();
        int[] users = new int[n];
        for (int u = 0; u < d.userCount(); u++) {
            Arrays.fill(users, r.rowStart(u), r.rowStart(u) + r.rowLength(u), u);
        }
        Integer[] order = new Integer[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        if (r.hasTimestamps()) {
            Arrays.sort(order, (a, b) -> {
                int ta = r.rowTimestamp(a);
                int tb = r.rowTimestamp(b);
                return ta != tb ? Integer.compare(ta, tb) : Integer.compare(r.rowArrival(a), r.rowArrival(b));
            });
        } else if (r.hasArrivals()) {
            Arrays.sort(order, (a, b) -> Integer.compare(r.rowArrival(a), r.rowArrival(b)));
        }
        List<Event> events = new ArrayList<>(n);
        for (int p : order) {
            events.add(new Event(d.users().id(users[p]), d.items().id(r.rowItem(p)), r.rowValue(p),
                    r.rowTimestamp(p)));
        }
        return new EventLog(d, events);
    }

    /** The dataset the events come from. */
    public Dataset source() {
        return source;
    }

    public List<Event> events() {
        return events;
    }

    public boolean timed() {
        return source.ratings().hasTimestamps();
    }

    /** How the events are ordered, in a few words: "time", "file" or "stored (by user)". */
    public String order() {
        RatingMatrix r = source.ratings();
        return r.hasTimestamps() ? "time" : r.hasArrivals() ? "file" : "stored (by user)";
    }

    /** Where the replayed part starts: the first event after this share of the events. */
    public int split(double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new InvalidInputException("The training fraction must be between 0 and 1 (exclusive); got "
                    + trainFraction);
        }
        return (int) Math.round(events.size() * trainFraction);
    }

    /** The first {@code count} events as a dataset (with the source's item titles, categories and text). */
    public Dataset prefix(int count) {
        DatasetBuilder b = new DatasetBuilder(source.name() + " (first " + count + " events)", source.kind());
        for (int i = 0; i < source.itemCount(); i++) {
            b.item(source.items().id(i), source.catalog().title(i), source.catalog().categories(i)
                    .toArray(String[]::new), source.catalog().text(i));
        }
        for (int k = 0; k < count; k++) {
            Event e = events.get(k);
            if (e.time() == RatingMatrix.NO_TIMESTAMP) {
                b.add(e.user(), e.item(), e.value());
            } else {
                b.add(e.user(), e.item(), e.value(), e.time());
            }
        }
        return b.build();
    }
}
