package org.recworkbench.store;

import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The datasets bundled in {@code sample-data/} (packaged as class-path resources), listed in
 * {@code sample-data/catalog.csv}, imported into a new workspace on its first start.
 */
public final class SampleData {

    static final String CATALOG = "sample-data/catalog.csv";
    static final String IMPORTED_SETTING = "samples.imported";
    /** The sample the window opens on. */
    public static final String FIRST_CHOICE = "teaching-shop";

    /** One line of the catalogue: how to import one bundled dataset. */
    public record Entry(String name, ImportFormat format, String file, String items, List<String> columns,
                        boolean header) {
    }

    private SampleData() {
    }

    public static List<Entry> catalog() {
        try (InputStream in = resource(CATALOG);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Entry> entries = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                entries.add(new Entry(f[0], ImportFormat.fromCliName(f[1]), f[2], f[3].isEmpty() ? null : f[3],
                        f[4].isEmpty() ? null : Arrays.asList(f[4].split(",")), Boolean.parseBoolean(f[5])));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled sample catalogue", e);
        }
    }

    /**
     * Imports every bundled dataset the first time a workspace is opened; later starts do nothing, even when the
     * user has deleted the samples since.
     *
     * @return the number of datasets imported now
     */
    public static int importOnFirstStart(Workspace workspace, Progress progress, Cancellation cancellation) {
        if (workspace.setting(IMPORTED_SETTING) != null) {
            return 0;
        }
        List<Entry> entries = catalog();
        int imported = 0;
        Path folder = null;
        try {
            folder = Files.createTempDirectory("recworkbench-samples");
            for (int k = 0; k < entries.size(); k++) {
                Entry e = entries.get(k);
                Progress step = progress.stage((double) k / entries.size(), (k + 1.0) / entries.size());
                step.report(0, "Importing sample " + e.name());
                if (workspace.datasets().find(e.name()).isPresent()) {
                    continue;
                }
                Path file = extract(e.file(), folder);
                Path items = e.items() == null ? null : extract(e.items(), folder);
                ImportRequest request = new ImportRequest(e.name(), e.format(), file, items, e.columns(), ",",
                        e.header(), false, null, false);
                workspace.datasets().importFile(request, step, cancellation);
                imported++;
            }
            workspace.putSetting(IMPORTED_SETTING, "true");
            return imported;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the bundled samples: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static Path extract(String relative, Path folder) throws IOException {
        Path target = folder.resolve(relative);
        Files.createDirectories(target.getParent());
        try (InputStream in = resource("sample-data/" + relative)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SampleData.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("bundled resource " + name + " is missing");
        }
        return in;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
