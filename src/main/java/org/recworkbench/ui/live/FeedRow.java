package org.recworkbench.ui.live;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.stream.Event;
import org.recworkbench.stream.ReplaySession;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One replayed event in the feed.
 *
 * @param position      the event's number in the log (0-based)
 * @param time          when it happened (UTC), or "event n" for data without timestamps
 * @param latencyMillis applying it and refreshing the user's list
 */
public record FeedRow(int position, String time, String user, String itemId, String title, double value,
                      boolean skipped, boolean hit, double latencyMillis) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static FeedRow of(ReplaySession.Step step, Dataset source) {
        Event e = step.event();
        int item = source.items().indexOf(e.item());
        String title = item < 0 ? "" : source.catalog().title(item);
        String time = e.time() == RatingMatrix.NO_TIMESTAMP ? "event " + (step.position() + 1)
                : TIME.format(Instant.ofEpochSecond(e.time()));
        return new FeedRow(step.position(), time, e.user(), e.item(), title.isEmpty() ? e.item() : title, e.value(),
                step.skipped(), step.hit(), step.nanos() / 1e6);
    }

    /** ✓ when the item was in the user's top-N before the event, ✗ when not, "skipped" for an unknown item. */
    public String outcome() {
        return skipped ? "skipped" : hit ? "✓" : "✗";
    }

    public String latencyText() {
        return skipped ? "" : String.format(Locale.ROOT, "%.3f", latencyMillis);
    }

    public String valueText() {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
