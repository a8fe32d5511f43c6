package org.recworkbench.ui.datasets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a delimited file as the import dialog shows them, and the column names to map: the header's
 * names, or column 1, column 2 … without one.
 */
public record ImportPreview(List<String> columns, List<List<String>> rows) {

    public static final int ROWS = 10;

    public static ImportPreview read(Path file, String delimiter, boolean header) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter.isEmpty() ? "," : delimiter)
                .setIgnoreEmptyLines(true).setTrim(true).build();
        List<List<String>> rows = new ArrayList<>();
        List<String> names = null;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> fields = record.toList();
                if (header && names == null) {
                    names = fields;
                    continue;
                }
                rows.add(fields);
                if (rows.size() == ROWS) {
                    break;
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // a malformed line further down: show what parsed so far; the import itself reports the line
        }
        int width = names != null ? names.size() : rows.stream().mapToInt(List::size).max().orElse(0);
        if (names == null) {
            names = new ArrayList<>();
            for (int c = 1; c <= width; c++) {
                names.add(org.recworkbench.ui.common.I18n.t("datasets.import.column", String.valueOf(c)));
            }
        }
        return new ImportPreview(List.copyOf(names), List.copyOf(rows));
    }

    /**
     * The {@code columns} entries of an import request for roles chosen by column index (−1: none): positional
     * roles such as {@code user,item,_,rating}, one per column of the file.
     */
    public List<String> mapping(int user, int item, int rating, int timestamp) {
        List<String> roles = new ArrayList<>();
        int last = Math.max(columns.size() - 1, Math.max(Math.max(user, item), Math.max(rating, timestamp)));
        for (int c = 0; c <= last; c++) {
            roles.add(c == user ? "user" : c == item ? "item" : c == rating ? "rating" : c == timestamp ? "timestamp"
                    : "_");
        }
        return roles;
    }
}
