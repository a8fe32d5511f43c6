package org.recworkbench.store.importer;

import org.recworkbench.data.InvalidInputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything an import needs.
 *
 * @param itemsFile  optional item file; for MovieLens formats the sibling file is used when this is null
 * @param columns    csv only: role of each column (user, item, rating, timestamp, or _ to ignore), or
 *                   role=HeaderName pairs; null to guess from the first row
 * @param delimiter  csv only
 * @param implicit   csv: the values are counts/quantities, not ratings (implied when there is no rating column)
 * @param scale      optional allowed rating range; null accepts any finite number
 */
public record ImportRequest(String datasetName, ImportFormat format, Path file, Path itemsFile,
                            List<String> columns, String delimiter, boolean header, boolean implicit,
                            RatingScale scale, boolean replace) {

    public ImportRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        datasetName = DatasetNames.check(datasetName);
        if (itemsFile != null && InputFiles.isStdin(file) && InputFiles.isStdin(itemsFile)) {
            throw new InvalidInputException("Only one file can be read from standard input (-); give --items a file");
        }
        columns = columns == null ? null : List.copyOf(columns);
        delimiter = delimiter == null ? "," : delimiter;
        if (delimiter.isEmpty()) {
            throw new InvalidInputException("The delimiter must not be empty");
        }
    }

    /** A request with the defaults of the given format: no item file, no mapping, comma, no header. */
    public static ImportRequest of(String datasetName, ImportFormat format, Path file) {
        return new ImportRequest(datasetName, format, file, null, null, ",", false, false, null, false);
    }

    public ImportRequest withItems(Path items) {
        return new ImportRequest(datasetName, format, file, items, columns, delimiter, header, implicit, scale, replace);
    }

    public ImportRequest withCsv(List<String> columnRoles, String delimiterText, boolean hasHeader,
                                 boolean isImplicit) {
        return new ImportRequest(datasetName, format, file, itemsFile, columnRoles, delimiterText, hasHeader,
                isImplicit, scale, replace);
    }

    public ImportRequest withScale(RatingScale ratingScale) {
        return new ImportRequest(datasetName, format, file, itemsFile, columns, delimiter, header, implicit,
                ratingScale, replace);
    }

    public ImportRequest withReplace(boolean replaceExisting) {
        return new ImportRequest(datasetName, format, file, itemsFile, columns, delimiter, header, implicit, scale,
                replaceExisting);
    }

    /** Turns the CLI spellings "tab", "\t", "space", "pipe", "semicolon" into the delimiter itself. */
    public static String parseDelimiter(String text) {
        if (text == null) {
            return ",";
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "tab", "\\t" -> "\t";
            case "space" -> " ";
            case "pipe" -> "|";
            case "semicolon" -> ";";
            case "comma" -> ",";
            default -> text;
        };
    }
}
