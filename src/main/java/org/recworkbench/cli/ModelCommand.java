package org.recworkbench.cli;

import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.export.FactorCsv;
import org.recworkbench.export.ModelFile;
import org.recworkbench.job.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "model", description = "Models as files (.rwbm): fit once and save, show a file's header, export"
        + " factor models as CSV. recommend, explain and serve take --model FILE instead of --algo.",
        subcommands = {ModelCommand.Save.class, ModelCommand.Info.class, ModelCommand.ExportFactors.class})
public final class ModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new InvalidInputException("model needs a subcommand: save, info or export-factors");
    }

    @Command(name = "save", description = "Fit a model and write it to a model file (atomically).")
    public static final class Save implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatasetSource source;

        @Mixin
        AlgorithmOptions algorithm;

        @Option(names = "--out", required = true, paramLabel = "FILE.rwbm", description = "The model file to write")
        Path out;

        @Override
        public Integer call() {
            Dataset data = source.load();
            Model model = algorithm.fit(data);
            boolean replacing = Files.exists(out);
            ModelFile.save(model, out, Cli.Version.version());
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s %s: %s (%s) on %s, %s%n", replacing ? "replaced" : "wrote", out, model.algorithmId(),
                    model.params().summary(), data.name(), ModelFile.storesState(algorithm.algorithm())
                            ? "with its learned state" : "its recipe (refitted on load)");
            err.flush();
            return 0;
        }
    }

    @Command(name = "info", description = "Print a model file's header (format version, algorithm, parameters,"
            + " dataset fingerprint) and its state arrays, after checking the file.")
    public static final class Info implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "FILE.rwbm", description = "The model file")
        Path model;

        @Option(names = "--json", description = "Print one JSON object")
        boolean json;

        @Override
        public Integer call() {
            ModelFile.Contents contents = ModelFile.read(model);
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Object> arrays = new LinkedHashMap<>();
            contents.state().arrays().forEach((name, values) -> arrays.put(name, (values instanceof int[] ? "int"
                    : values instanceof float[] ? "float" : "double") + "[" + java.lang.reflect.Array.getLength(values) + "]"));
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("format-version", ModelFile.VERSION);
                o.put("header", contents.header());
                o.put("state", arrays);
                Output.json(out, o);
            } else {
                out.println("format-version=" + ModelFile.VERSION);
                contents.header().forEach((k, v) -> out.println(k + "=" + v));
                arrays.forEach((k, v) -> out.println("state." + k + "=" + v));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "export-factors", description = "Write a factor model's users.csv and items.csv (external id,"
            + " then one column per factor; dot decimals) for use in Python. Other models are refused.")
    public static final class ExportFactors implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "FILE.rwbm", description = "The model file")
        Path model;

        @Mixin
        DatasetSource source;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for users.csv, items.csv")
        Path out;

        @Override
        public Integer call() {
            ModelFile.Contents contents = ModelFile.read(model);
            if (!FactorCsv.hasFactors(contents.state())) {
                throw new InvalidInputException(model.getFileName() + " holds " + article(contents.algorithm()) + " " + contents.algorithm()
                        + " model, which has no user and item factors; export-factors takes "
                        + FactorCsv.FACTOR_ALGORITHMS);
            }
            Dataset data = source.load();
            // loading checks the fingerprint, the parameters and the state's sizes before anything is written
            ModelFile.load(contents, model.getFileName().toString(), data, ConsoleProgress.forTerminal(),
                    Cancellation.NEVER);
            FactorCsv.write(contents.state(), data, out);
            PrintWriter err = spec.commandLine().getErr();
            err.printf("wrote %s and %s%n", out.resolve(FactorCsv.USERS), out.resolve(FactorCsv.ITEMS));
            err.flush();
            return 0;
        }
    }

    private static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
