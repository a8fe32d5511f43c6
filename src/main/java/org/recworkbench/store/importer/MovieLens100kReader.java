package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code u.data} (tab: user item rating timestamp) with {@code u.item} and {@code u.genre} when present. */
final class MovieLens100kReader implements FormatReader {

    static final RatingScale DEFAULT_SCALE = new RatingScale(1, 5);
    private static final List<String> DEFAULT_GENRES = List.of("unknown", "Action", "Adventure", "Animation",
            "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical",
            "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");
    private static final int ITEM_FIXED_FIELDS = 5;

    @Override
    public ImportedData read(ImportRequest request, ImportSession session) {
        Path items = Records.siblingOrGiven(request.itemsFile(), request.file(), "u.item");
        if (items != null) {
            Path genreFile = Records.siblingOrGiven(null, items, "u.genre");
            List<String> genres = genreFile == null ? DEFAULT_GENRES : readGenres(session, genreFile);
            readItems(session, items, genres);
        }
        RatingScale scale = request.scale() == null ? DEFAULT_SCALE : request.scale();
        long rows = 0;
        try (DelimitedReader in = session.open(request.file(), StandardCharsets.ISO_8859_1, "\t", false,
                session.progress().stage(0.1, 1))) {
            while (in.next()) {
                Records.expectFields(in, 4, "tab", "user item rating timestamp");
                String user = FieldParser.id(in, 0, "user");
                String item = FieldParser.id(in, 1, "item");
                float rating = FieldParser.number(in, 2, "rating", scale);
                int ts = FieldParser.timestamp(in, 3);
                session.countRow();
                session.addInteraction(user, item, rating, ts);
                rows++;
            }
            Records.rejectEmpty(in, rows, "lines of user<TAB>item<TAB>rating<TAB>timestamp");
        }
        return session.finish(request.datasetName(), request.format(), DatasetKind.EXPLICIT, DuplicatePolicy.KEEP_LAST);
    }

    private static List<String> readGenres(ImportSession session, Path file) {
        List<String> genres = new ArrayList<>();
        try (DelimitedReader in = session.open(file, StandardCharsets.ISO_8859_1, "|", false, session.progress())) {
            while (in.next()) {
                Records.expectFields(in, 2, "\"|\"", "genre|index");
                genres.add(in.field(0));
            }
        }
        return genres.isEmpty() ? DEFAULT_GENRES : genres;
    }

    private static void readItems(ImportSession session, Path file, List<String> genres) {
        int expected = ITEM_FIXED_FIELDS + genres.size();
        try (DelimitedReader in = session.open(file, StandardCharsets.ISO_8859_1, "|", false,
                session.progress().stage(0, 0.1))) {
            while (in.next()) {
                Records.expectFields(in, expected, "\"|\"",
                        "id|title|release date|video release date|IMDb URL|" + genres.size() + " genre flags");
                String item = FieldParser.id(in, 0, "item");
                List<String> itemGenres = new ArrayList<>();
                for (int g = 0; g < genres.size(); g++) {
                    String flag = in.field(ITEM_FIXED_FIELDS + g);
                    if (flag.equals("1")) {
                        itemGenres.add(genres.get(g));
                    } else if (!flag.equals("0")) {
                        throw in.error(ITEM_FIXED_FIELDS + g + 1, "genre flag \"" + Excerpt.of(flag) + "\" for "
                                + genres.get(g) + " is not 0 or 1");
                    }
                }
                String released = in.field(2);
                session.describeItem(item, in.field(1), itemGenres.toArray(String[]::new),
                        released.isEmpty() ? "" : "released " + released);
            }
        }
    }
}
