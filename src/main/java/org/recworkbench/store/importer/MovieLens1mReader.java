package org.recworkbench.store.importer;

import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code ratings.dat} (UserID::MovieID::Rating::Timestamp) with {@code movies.dat} (MovieID::Title::Genres). */
final class MovieLens1mReader implements FormatReader {

    @Override
    public ImportedData read(ImportRequest request, ImportSession session) {
        Path movies = Records.siblingOrGiven(request.itemsFile(), request.file(), "movies.dat");
        if (movies != null) {
            try (DelimitedReader in = session.open(movies, StandardCharsets.ISO_8859_1, "::", false,
                    session.progress().stage(0, 0.05))) {
                while (in.next()) {
                    Records.expectFields(in, 3, "\"::\"", "MovieID::Title::Genres");
                    String item = FieldParser.id(in, 0, "movie id");
                    String genres = in.field(2);
                    session.describeItem(item, in.field(1), genres.isEmpty() ? new String[0] : genres.split("\\|"),
                            null);
                }
            }
        }
        RatingScale scale = request.scale() == null ? MovieLens100kReader.DEFAULT_SCALE : request.scale();
        long rows = 0;
        try (DelimitedReader in = session.open(request.file(), StandardCharsets.ISO_8859_1, "::", false,
                session.progress().stage(0.05, 1))) {
            while (in.next()) {
                Records.expectFields(in, 4, "\"::\"", "UserID::MovieID::Rating::Timestamp");
                String user = FieldParser.id(in, 0, "user");
                String item = FieldParser.id(in, 1, "movie id");
                float rating = FieldParser.number(in, 2, "rating", scale);
                int ts = FieldParser.timestamp(in, 3);
                session.countRow();
                session.addInteraction(user, item, rating, ts);
                rows++;
            }
            Records.rejectEmpty(in, rows, "lines of UserID::MovieID::Rating::Timestamp");
        }
        return session.finish(request.datasetName(), request.format(), DatasetKind.EXPLICIT, DuplicatePolicy.KEEP_LAST);
    }
}
