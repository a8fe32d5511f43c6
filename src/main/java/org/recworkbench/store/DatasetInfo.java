package org.recworkbench.store;

import org.recworkbench.data.DatasetKind;

import java.time.Instant;
import java.util.List;

/** A stored dataset's catalogue entry: what it is and where it came from, without its contents. */
public record DatasetInfo(int id, String name, DatasetKind kind, String format, List<String> sourceFiles,
                          String checksum, Instant createdAt, int users, int items, int interactions, long rowsRead,
                          long rowsSkipped, long duplicates) {

    public DatasetInfo {
        sourceFiles = List.copyOf(sourceFiles);
    }

    public double density() {
        return users == 0 || items == 0 ? 0 : (double) interactions / ((double) users * items);
    }
}
