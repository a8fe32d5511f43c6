package org.recworkbench.ui.live;

import java.util.List;

/**
 * A choice of half-life for "trending now": in seconds for data with timestamps, in events for data without.
 *
 * @param value the {@code RecommendationService.Options} half-life; 0 = plain counts
 */
public record HalfLife(String label, double value) {

    static final double HOUR = 3600;
    static final double DAY = 24 * HOUR;

    /** The choices for a dataset with or without timestamps; "off" first. */
    public static List<HalfLife> choices(boolean timed) {
        if (timed) {
            return List.of(new HalfLife("off", 0), new HalfLife("1 hour", HOUR), new HalfLife("1 day", DAY),
                    new HalfLife("7 days", 7 * DAY), new HalfLife("30 days", 30 * DAY));
        }
        return List.of(new HalfLife("off", 0), new HalfLife("100 events", 100), new HalfLife("1,000 events", 1000),
                new HalfLife("10,000 events", 10_000), new HalfLife("100,000 events", 100_000));
    }

    @Override
    public String toString() {
        return org.recworkbench.ui.common.I18n.orElse("live.halfLife." + label.replace(",", "").replace(' ', '-'), label);
    }
}
