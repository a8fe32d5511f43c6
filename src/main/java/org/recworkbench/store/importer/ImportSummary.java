package org.recworkbench.store.importer;

import java.util.Map;

/**
 * What an import did: data rows read (blank lines and headers excluded), rows skipped by reason, and how many
 * kept rows repeated an earlier (user, item) pair and were merged into it.
 */
public record ImportSummary(long rowsRead, Map<String, Long> skippedByReason, long duplicates, int interactions,
                            int users, int items) {

    public ImportSummary {
        skippedByReason = Map.copyOf(skippedByReason);
    }

    public long skipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows that went into the dataset, before duplicates were merged. */
    public long kept() {
        return rowsRead - skipped();
    }
}
