package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;
import org.recworkbench.data.RatingMatrix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Any delimited file with a column mapping. Without a rating column every row is one implicit interaction
 * (value 1); implicit values of repeated pairs are added up, explicit ratings keep the last.
 */
final class GenericCsvReader implements FormatReader {

    @Override
    public ImportedData read(ImportRequest request, ImportSession session) {
        if (request.itemsFile() != null) {
            readItems(session, request.itemsFile());
        }
        String delimiterName = Records.delimiterName(request.delimiter());
        ColumnMapping mapping = null;
        long rows = 0;
        try (DelimitedReader in = session.open(request.file(), StandardCharsets.UTF_8, request.delimiter(), true,
                session.progress().stage(0.05, 1))) {
            List<String> header = null;
            if (request.header()) {
                if (!in.next()) {
                    throw new ImportException(request.file(), 0, 0, "the file is empty; expected a header line");
                }
                header = in.fields();
            }
            if (request.columns() != null) {
                try {
                    mapping = ColumnMapping.parse(request.columns(), header);
                } catch (ColumnMapping.ContentMismatch e) {
                    throw in.error(0, e.getMessage());
                }
            }
            while (in.next()) {
                if (mapping == null) {
                    if (in.fieldCount() == 1) {
                        Records.expectFields(in, 2, delimiterName, "user,item[,rating[,timestamp]]");
                    }
                    try {
                        mapping = ColumnMapping.guess(in.fieldCount());
                    } catch (ColumnMapping.ContentMismatch e) {
                        throw in.error(0, e.getMessage());
                    }
                }
                Records.expectFields(in, mapping.width(), delimiterName, mapping.layout());
                String user = FieldParser.id(in, mapping.user(), "user");
                String item = FieldParser.id(in, mapping.item(), "item");
                float value = mapping.hasRating() ? FieldParser.number(in, mapping.rating(), "rating", request.scale())
                        : 1f;
                int ts = mapping.hasTimestamp() ? FieldParser.timestamp(in, mapping.timestamp())
                        : RatingMatrix.NO_TIMESTAMP;
                session.countRow();
                session.addInteraction(user, item, value, ts);
                rows++;
            }
            Records.rejectEmpty(in, rows, "lines of " + (mapping == null ? "user,item[,rating[,timestamp]]"
                    : mapping.layout()));
        }
        boolean implicit = request.implicit() || !mapping.hasRating();
        return session.finish(request.datasetName(), request.format(),
                implicit ? DatasetKind.IMPLICIT : DatasetKind.EXPLICIT,
                implicit ? DuplicatePolicy.SUM_KEEP_FIRST_TIME : DuplicatePolicy.KEEP_LAST);
    }

    /** An item file: comma-separated, quoted as RFC 4180, header naming item (or id), title, categories, text. */
    static void readItems(ImportSession session, Path file) {
        try (DelimitedReader in = session.open(file, StandardCharsets.UTF_8, ",", true,
                session.progress().stage(0, 0.05))) {
            if (!in.next()) {
                throw new ImportException(file, 0, 0, "the item file is empty; expected a header item,title,categories,text");
            }
            List<String> header = in.fields().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            int id = header.indexOf("item") >= 0 ? header.indexOf("item") : header.indexOf("id");
            if (id < 0) {
                throw in.error(0, "the item file's header must name an item (or id) column; found "
                        + Excerpt.of(String.join(",", header)));
            }
            int title = header.indexOf("title");
            int categories = header.indexOf("categories");
            int text = header.indexOf("text");
            while (in.next()) {
                Records.expectFields(in, header.size(), "\",\"", String.join(",", header));
                String item = FieldParser.id(in, id, "item");
                String categoryText = categories < 0 ? "" : in.field(categories);
                session.describeItem(item, title < 0 ? null : in.field(title),
                        categoryText.isEmpty() ? new String[0] : categoryText.split("\\|"),
                        text < 0 ? null : in.field(text));
            }
        }
    }
}
