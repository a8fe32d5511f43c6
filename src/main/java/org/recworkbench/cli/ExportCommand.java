package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Splitter;
import org.recworkbench.eval.Splitters;
import org.recworkbench.eval.ValidationSplit;
import org.recworkbench.export.AtomicFolder;
import org.recworkbench.export.DatasetExport;
import org.recworkbench.export.ExportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", description = "Write a dataset, or the parts of a split (the folds evaluate uses with the "
        + "same --split and --seed), as files for Surprise, Spark, implicit/scipy, sklearn, RecBole or pandas.")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "csv, surprise, spark, mm, libsvm or recbole")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "A file (csv and surprise without "
            + "--split; - for stdout) or a folder (the other formats, and every --split)")
    String out;

    @Option(names = "--split", paramLabel = "SPEC",
            description = "Export the parts of this split, as evaluate --split: holdout:0.2, user-holdout:F, "
                    + "given:N, kfold:K, temporal:F, leave-last:N, leave-one-out")
    String split;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the split (default 42, as evaluate)")
    Long seed;

    @Option(names = "--validation", paramLabel = "F", description = "Also carve a validation part, a fraction F of "
            + "each fold's training data, as evaluate --validation does")
    Double validation;

    @Option(names = "--force", description = "Replace a non-empty output folder")
    boolean force;

    @Option(names = "--json", description = "Print the manifest as one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = ExportFormat.parse(format);
        Splitter splitter = splitter();
        boolean folder = splitter != null || !f.singleFile();
        if (f == ExportFormat.RECBOLE && splitter != null && !(splitter instanceof ValidationSplit)) {
            throw new InvalidInputException("--format recbole with --split needs a validation part (RecBole's "
                    + "benchmark files are train, valid and test): add --validation F");
        }
        if (folder && OutputFile.STDOUT.equals(out)) {
            throw new InvalidInputException("--out -: " + (splitter != null ? "a split" : "--format " + f.label())
                    + " writes several files; give a folder");
        }
        if (json && OutputFile.STDOUT.equals(out)) {
            throw new InvalidInputException("--json prints on standard output; give --out a file name");
        }
        Dataset data = source.load();
        List<DatasetExport.Part> parts;
        Map<String, Object> manifest;
        if (!folder) {
            parts = DatasetExport.whole(data, f, "ratings");
            OutputFile.write(spec, out, w -> DatasetExport.writeFile(data, f, w));
            manifest = DatasetExport.manifest(data, f, null, null, parts, "ratings");
            Map<String, Object> file = new java.util.LinkedHashMap<>();
            file.put("file", out);
            file.put("part", "ratings");
            file.put("fold", null);
            file.put("entries", data.interactionCount());
            manifest.put("files", List.of(file));
        } else {
            long s = seed == null ? 42 : seed;
            Path target = Path.of(out).toAbsolutePath().normalize();
            String base = target.getFileName() == null ? "export" : target.getFileName().toString();
            parts = splitter == null ? DatasetExport.whole(data, f, base) : splitParts(data, splitter, s, f, base);
            String splitSpec = splitter == null ? null : splitter.spec();
            Long recordedSeed = splitter == null ? null : s;
            java.util.concurrent.atomic.AtomicReference<Map<String, Object>> written =
                    new java.util.concurrent.atomic.AtomicReference<>();
            boolean replaced = AtomicFolder.write(Path.of(out), force,
                    dir -> written.set(DatasetExport.writeFolder(dir, data, f, splitSpec, recordedSeed, parts,
                            base)));
            OutputFile.noticeReplaced(spec, Path.of(out), replaced);
            manifest = written.get();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Output.json(stdout, manifest);
            return 0;
        }
        if (OutputFile.STDOUT.equals(out)) {
            return 0;
        }
        stdout.printf(java.util.Locale.ROOT, "%s: %d interactions as %s to %s%s%n", data.name(),
                data.interactionCount(), f.label(), out, splitter == null ? ""
                        : ", split " + splitter.spec() + ", seed " + manifest.get("seed"));
        for (DatasetExport.Part p : parts) {
            stdout.printf(java.util.Locale.ROOT, "  %s: %d entries%n", folder ? p.file() : out, p.entries().size());
        }
        stdout.println("load: " + manifest.get("load"));
        stdout.flush();
        return 0;
    }

    /** The split's parts; a split the data cannot take (temporal without timestamps) is bad input. */
    private static List<DatasetExport.Part> splitParts(Dataset data, Splitter splitter, long seed, ExportFormat f,
                                                       String base) {
        try {
            return DatasetExport.split(data, splitter, seed, f, base);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--split " + splitter.spec() + ": " + e.getMessage(), e);
        }
    }

    private Splitter splitter() {
        if (split == null) {
            if (seed != null || validation != null) {
                throw new InvalidInputException((seed != null ? "--seed" : "--validation")
                        + " applies to a split; give --split too");
            }
            return null;
        }
        Splitter parsed;
        try {
            parsed = Splitters.parse(split);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--split: " + e.getMessage());
        }
        if (validation == null) {
            return parsed;
        }
        if (parsed instanceof ValidationSplit) {
            throw new InvalidInputException("give the validation part either in --split (/validation:F) or with "
                    + "--validation, not both");
        }
        try {
            return new ValidationSplit(parsed, validation);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--validation: " + e.getMessage());
        }
    }
}
