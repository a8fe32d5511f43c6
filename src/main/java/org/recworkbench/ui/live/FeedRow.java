package org.recworkbench.ui.live;

import org.recworkbench.ui.common.I18n;
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
 * @param time          when it happened (UTC, to the second), or "event n" for data without timestamps
 * @param clock         the same, short: month, day, hours and minutes
 * @param latencyMillis applying it and refreshing the user's list
 */
public record FeedRow(int position, String time, String clock, String user, String itemId, String title, double value,
                      boolean skipped, boolean hit, double latencyMillis) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static FeedRow of(ReplaySession.Step step, Dataset source) {
        Event e = step.event();
        int item = source.items().indexOf(e.item());
        String title = item < 0 ? "" : source.catalog().title(item);
        boolean timed = e.time() != RatingMatrix.NO_TIMESTAMP;
        String time = timed ? TIME.format(Instant.ofEpochSecond(e.time()))
                : I18n.t("live.event", String.valueOf(step.position() + 1));
        String clock = timed ? CLOCK.format(Instant.ofEpochSecond(e.time())) : time;
        return new FeedRow(step.position(), time, clock, e.user(), e.item(), title.isEmpty() ? e.item() : title, e.value(),
                step.skipped(), step.hit(), step.nanos() / 1e6);
    }

    /** ✓ when the item was in the user's top-N before the event, ✗ when not, "skipped" for an unknown item. */
    public String outcome() {
        return skipped ? I18n.t("live.skipped") : hit ? "✓" : "✗";
    }

    /** The whole story of the event in one line, for a tooltip. */
    public String summary() {
        // without times, time and clock are the same "event N"
        return I18n.t("live.feedSummary", time + (time.equals(clock) ? "" : " UTC"), user, title, itemId,
                valueText(), skipped ? I18n.t("live.skipped.why")
                        : (hit ? I18n.t("live.hit.why") : I18n.t("live.miss")) + " · " + latencyText() + " ms");
    }

    public String latencyText() {
        return skipped ? "" : String.format(Locale.ROOT, "%.3f", latencyMillis);
    }

    public String valueText() {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
