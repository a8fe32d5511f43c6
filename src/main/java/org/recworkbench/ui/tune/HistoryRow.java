package org.recworkbench.ui.tune;

/** One item the selected user has in the training data. */
public record HistoryRow(String itemId, String title, double value) {
}
