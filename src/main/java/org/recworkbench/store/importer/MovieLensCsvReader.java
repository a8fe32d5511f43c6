package org.recworkbench.store.importer;

import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The "latest" MovieLens layout: {@code ratings.csv}, {@code movies.csv} and optional {@code tags.csv}. */
final class MovieLensCsvReader implements FormatReader {

    static final RatingScale DEFAULT_SCALE = new RatingScale(0.5f, 5);
    private static final String NO_GENRES = "(no genres listed)";

    @Override
    public ImportedData read(ImportRequest request, ImportSession session) {
        Path movies = Records.siblingOrGiven(request.itemsFile(), request.file(), "movies.csv");
        if (movies != null) {
            readMovies(session, movies);
            Path tags = Records.siblingOrGiven(null, movies, "tags.csv");
            if (tags != null) {
                readTags(session, tags);
            }
        }
        RatingScale scale = request.scale() == null ? DEFAULT_SCALE : request.scale();
        long rows = 0;
        try (DelimitedReader in = session.open(request.file(), StandardCharsets.UTF_8, ",", true,
                session.progress().stage(0.1, 1))) {
            Records.expectHeader(in, List.of("userId", "movieId", "rating", "timestamp"));
            while (in.next()) {
                Records.expectFields(in, 4, "\",\"", "userId,movieId,rating,timestamp");
                String user = FieldParser.id(in, 0, "userId");
                String item = FieldParser.id(in, 1, "movieId");
                float rating = FieldParser.number(in, 2, "rating", scale);
                int ts = FieldParser.timestamp(in, 3);
                session.countRow();
                session.addInteraction(user, item, rating, ts);
                rows++;
            }
            Records.rejectEmpty(in, rows, "lines of userId,movieId,rating,timestamp after the header");
        }
        return session.finish(request.datasetName(), request.format(), DatasetKind.EXPLICIT, DuplicatePolicy.KEEP_LAST);
    }

    private static void readMovies(ImportSession session, Path file) {
        try (DelimitedReader in = session.open(file, StandardCharsets.UTF_8, ",", true,
                session.progress().stage(0, 0.05))) {
            Records.expectHeader(in, List.of("movieId", "title", "genres"));
            while (in.next()) {
                Records.expectFields(in, 3, "\",\"", "movieId,title,genres");
                String item = FieldParser.id(in, 0, "movieId");
                String genres = in.field(2);
                session.describeItem(item, in.field(1),
                        genres.isEmpty() || genres.equals(NO_GENRES) ? new String[0] : genres.split("\\|"), null);
            }
        }
    }

    private static void readTags(ImportSession session, Path file) {
        try (DelimitedReader in = session.open(file, StandardCharsets.UTF_8, ",", true,
                session.progress().stage(0.05, 0.1))) {
            Records.expectHeader(in, List.of("userId", "movieId", "tag", "timestamp"));
            while (in.next()) {
                Records.expectFields(in, 4, "\",\"", "userId,movieId,tag,timestamp");
                String item = FieldParser.id(in, 1, "movieId");
                String tag = in.field(2);
                if (!tag.isEmpty()) {
                    session.appendItemText(item, tag);
                }
            }
        }
    }
}
