package org.recworkbench.ui.live;

/** The cumulative prequential hit rate@N after {@code replayed} replayed events. */
public record HitRatePoint(int replayed, double hitRate) {
}
