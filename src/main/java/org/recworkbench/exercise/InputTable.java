package org.recworkbench.exercise;

import java.util.List;

/**
 * A small table of an exercise's input, as shown to the student: a caption, the column headers (the first names
 * the row labels' column) and rows of cells already formatted (an empty cell is a missing value).
 */
public record InputTable(String caption, List<String> header, List<List<String>> rows) {

    public InputTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
