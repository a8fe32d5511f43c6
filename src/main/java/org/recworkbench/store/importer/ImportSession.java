package org.recworkbench.store.importer;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;
import org.recworkbench.data.IdIndex;
import org.recworkbench.data.InteractionsBuilder;
import org.recworkbench.data.ItemCatalog;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state one import accumulates while format readers stream their files: id indices, interactions,
 * item descriptions, counters and the checksum of every byte read.
 */
final class ImportSession {

    private static final String[] NO_CATEGORIES = new String[0];

    private final Progress progress;
    private final Cancellation cancellation;
    private final MessageDigest digest;
    private final IdIndex.Builder users = new IdIndex.Builder(1 << 12);
    private final IdIndex.Builder items = new IdIndex.Builder(1 << 12);
    private final InteractionsBuilder interactions = new InteractionsBuilder(1 << 16);
    private final List<String> titles = new ArrayList<>();
    private final List<String[]> categories = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final List<String> sourceFiles = new ArrayList<>();
    private long rowsRead;

    ImportSession(Progress progress, Cancellation cancellation) {
        this.progress = progress;
        this.cancellation = cancellation;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Opens a source file; its bytes join the checksum and its name the dataset's source list. */
    DelimitedReader open(Path file, Charset charset, String delimiter, boolean quotes, Progress fileProgress) {
        sourceFiles.add(InputFiles.displayName(file));
        return new DelimitedReader(file, charset, delimiter, quotes, digest, fileProgress, cancellation);
    }

    Progress progress() {
        return progress;
    }

    void countRow() {
        rowsRead++;
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void addInteraction(String user, String item, float value, int timestamp) {
        int itemIndex = itemIndex(item);
        interactions.add(users.indexOf(user), itemIndex, value, timestamp);
    }

    /** Registers an item (if new) and returns its index; new items start without description. */
    int itemIndex(String item) {
        int index = items.indexOf(item);
        if (index == titles.size()) {
            titles.add("");
            categories.add(NO_CATEGORIES);
            texts.add("");
        }
        return index;
    }

    boolean knowsItem(String item) {
        return items.find(item) >= 0;
    }

    /** Longest title and joined category list the store keeps; longer ones are shortened (README policy). */
    static final int MAX_TITLE = 2000;
    /** Longest item text the store keeps. */
    static final int MAX_TEXT = 1_000_000;

    void describeItem(String item, String title, String[] itemCategories, String text) {
        int index = itemIndex(item);
        if (title != null) {
            titles.set(index, shorten(title, MAX_TITLE));
        }
        if (itemCategories != null) {
            categories.set(index, fitCategories(itemCategories));
        }
        if (text != null) {
            texts.set(index, shorten(text, MAX_TEXT));
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Keeps whole categories while their '|'-joined length fits the store's column. */
    private static String[] fitCategories(String[] all) {
        int length = -1;
        int kept = 0;
        while (kept < all.length && length + 1 + all[kept].length() <= MAX_TITLE) {
            length += 1 + all[kept].length();
            kept++;
        }
        String[] fitted = java.util.Arrays.copyOf(all, kept);
        if (kept == 0 && all.length > 0) {
            fitted = new String[] {shorten(all[0], MAX_TITLE)};
        }
        return fitted;
    }

    /** Appends text to an item's description (tags, repeated descriptions). */
    void appendItemText(String item, String more) {
        int index = itemIndex(item);
        String current = texts.get(index);
        texts.set(index, shorten(current.isEmpty() ? more : current + ' ' + more, MAX_TEXT));
    }

    String itemTitle(String item) {
        return titles.get(itemIndex(item));
    }

    ImportedData finish(String name, ImportFormat format, DatasetKind kind, DuplicatePolicy policy) {
        cancellation.throwIfCancelled();
        if (interactions.size() == 0) {
            throw new ImportException(Path.of(sourceFiles.isEmpty() ? "input" : sourceFiles.get(sourceFiles.size() - 1)),
                    0, 0, "no interactions found" + (skipped.isEmpty() ? "" : " (all rows were skipped: " + skipped + ")"));
        }
        progress.report(-1, "Building the rating matrix");
        InteractionsBuilder.Result built = interactions.build(users.size(), items.size(), policy);
        ItemCatalog catalog = new ItemCatalog(titles.toArray(String[]::new), categories.toArray(String[][]::new),
                texts.toArray(String[]::new));
        Dataset dataset = new Dataset(name, kind, users.build(), items.build(), built.matrix(), catalog);
        ImportSummary summary = new ImportSummary(rowsRead, skipped, built.duplicates(), dataset.interactionCount(),
                dataset.userCount(), dataset.itemCount());
        return new ImportedData(dataset, format, sourceFiles, HexFormat.of().formatHex(digest.digest()), summary);
    }
}
