package org.recworkbench.export;

import com.google.gson.GsonBuilder;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.eval.DatasetChecksum;
import org.recworkbench.eval.Fold;
import org.recworkbench.eval.Splitter;
import org.recworkbench.eval.ValidationSplit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dataset, or the parts of a split, as files for other tools: the data files in an {@link ExportFormat}, the id
 * mappings of the integer-id formats, and {@value #MANIFEST} recording what was exported (dataset and checksum,
 * split and seed, entries per file, columns, how to load it). The parts of a split are exactly the folds
 * {@code evaluate} measures with the same split and seed.
 */
public final class DatasetExport {

    public static final String MANIFEST = "manifest.json";
    public static final String USERS = "users.csv";
    public static final String ITEMS = "items.csv";

    /**
     * One data file: its path inside the export folder, the part it holds (ratings, train, validation or test),
     * the fold number (1-based; 0 when there are no folds) and its entries (over the dataset's indices).
     */
    public record Part(String file, String part, int fold, RatingMatrix entries) {
    }

    private DatasetExport() {
    }

    /**
     * The whole dataset as one part, {@code ratings.<ext>} ({@code NAME.inter} for recbole).
     *
     * @param base the export folder's name, which RecBole's files carry
     */
    public static List<Part> whole(Dataset data, ExportFormat format, String base) {
        return List.of(new Part(fileName(format, "", base, "ratings"), "ratings", 0, data.ratings()));
    }

    /** {@code folder + part + ext}; for recbole {@code folder + NAME.part.inter} (NAME the folder's own name). */
    static String fileName(ExportFormat format, String folder, String base, String part) {
        if (format != ExportFormat.RECBOLE) {
            return folder + part + format.extension();
        }
        String name = folder.isEmpty() ? base : folder.substring(0, folder.length() - 1);
        return folder + name + (part.equals("ratings") ? "" : "." + (part.equals("validation") ? "valid" : part))
                + format.extension();
    }

    /**
     * The parts of {@code splitter}'s folds with {@code seed}: {@code train}, {@code test} and, for a
     * {@link ValidationSplit}, {@code validation} (carved out of train exactly as evaluate carves it); several folds
     * go to {@code fold-1/}, {@code fold-2/}, … .
     */
    public static List<Part> split(Dataset data, Splitter splitter, long seed, ExportFormat format, String base) {
        Splitter outer = splitter instanceof ValidationSplit v ? v.outer() : splitter;
        List<Fold> folds = outer.split(data, seed);
        List<Fold> carved = splitter instanceof ValidationSplit ? splitter.split(data, seed) : null;
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < folds.size(); k++) {
            String folder = folds.size() > 1 ? "fold-" + (k + 1) + "/" : "";
            int fold = folds.size() > 1 ? k + 1 : 0;
            if (carved == null) {
                parts.add(new Part(fileName(format, folder, base, "train"), "train", fold,
                        folds.get(k).train().ratings()));
            } else {
                parts.add(new Part(fileName(format, folder, base, "train"), "train", fold,
                        carved.get(k).train().ratings()));
                parts.add(new Part(fileName(format, folder, base, "validation"), "validation", fold,
                        carved.get(k).test()));
            }
            parts.add(new Part(fileName(format, folder, base, "test"), "test", fold, folds.get(k).test()));
        }
        return parts;
    }

    /**
     * Writes {@code parts}, the id mappings (integer-id formats) and the manifest into {@code folder}.
     *
     * @param split the split's spec, or null for the whole dataset
     * @param seed  the split's seed, or null for the whole dataset
     * @param base  the name the export folder will have (RecBole's dataset name)
     * @return the manifest as written
     */
    public static Map<String, Object> writeFolder(Path folder, Dataset data, ExportFormat format, String split,
                                                  Long seed, List<Part> parts, String base) throws IOException {
        for (Part part : parts) {
            Path file = folder.resolve(part.file());
            Files.createDirectories(file.getParent());
            String comment = "dataset " + data.name() + ", " + part.part()
                    + (part.fold() > 0 ? " of fold " + part.fold() : "")
                    + (split == null ? "" : ", split " + split + ", seed " + seed);
            writeText(file, w -> InteractionFiles.write(format, data, part.entries(), comment, w));
        }
        if (format.integerIds()) {
            writeText(folder.resolve(USERS), w -> InteractionFiles.users(format, data, w));
            writeText(folder.resolve(ITEMS), w -> InteractionFiles.items(format, data, w));
        }
        Map<String, Object> manifest = manifest(data, format, split, seed, parts, base);
        writeText(folder.resolve(MANIFEST), w -> w.write(new GsonBuilder().disableHtmlEscaping().serializeNulls()
                .setPrettyPrinting().create().toJson(manifest) + "\n"));
        return manifest;
    }

    /** What {@link #MANIFEST} holds (also printed by {@code export --json}). */
    public static Map<String, Object> manifest(Dataset data, ExportFormat format, String split, Long seed,
                                               List<Part> parts, String base) {
        boolean times = data.ratings().hasTimestamps();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", data.name());
        m.put("checksum", DatasetChecksum.of(data));
        m.put("kind", data.kind().label());
        m.put("users", data.userCount());
        m.put("items", data.itemCount());
        m.put("interactions", data.interactionCount());
        m.put("format", format.label());
        m.put("split", split);
        m.put("seed", seed);
        m.put("columns", format.columns(times));
        m.put("values", data.kind() == org.recworkbench.data.DatasetKind.IMPLICIT ? "the stored count or quantity of each interaction"
                : "the rating");
        List<Map<String, Object>> files = new ArrayList<>();
        for (Part part : parts) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", part.file());
            f.put("part", part.part());
            f.put("fold", part.fold() == 0 ? null : part.fold());
            f.put("entries", part.entries().size());
            files.add(f);
        }
        m.put("files", files);
        if (format.integerIds()) {
            m.put("users_file", USERS);
            m.put("items_file", ITEMS);
        }
        m.put("load", format.loadHint(times, parts.get(0).file(), scale(data.ratings()))
                .replace("ITEMS", Integer.toString(data.itemCount())).replace("DATASET", recBoleDataset(parts, base))
                .replace("PARENT", parts.get(0).fold() > 0 ? base : ".").replace("BENCHMARK", split == null ? ""
                        : ", 'benchmark_filename': ['train', 'valid', 'test']"));
        return m;
    }

    /** RecBole's dataset name: the folder holding the .inter files (fold-1 for the first of several folds). */
    private static String recBoleDataset(List<Part> parts, String base) {
        String file = parts.get(0).file();
        int slash = file.indexOf('/');
        return slash < 0 ? base : file.substring(0, slash);
    }

    /** "MIN, MAX" of the values, for Surprise's rating_scale. */
    static String scale(RatingMatrix r) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                min = Math.min(min, r.rowValue(p));
                max = Math.max(max, r.rowValue(p));
            }
        }
        return r.size() == 0 ? "1, 5" : String.format(Locale.ROOT, "%s, %s", InteractionFiles.value(min),
                InteractionFiles.value(max));
    }

    /** A whole dataset in one file (csv, surprise): the data only, no mapping or manifest. */
    public static void writeFile(Dataset data, ExportFormat format, Writer out) throws IOException {
        InteractionFiles.write(format, data, data.ratings(), "dataset " + data.name(), out);
    }

    private static void writeText(Path file, AtomicFile.Content content) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(w);
        }
    }
}
