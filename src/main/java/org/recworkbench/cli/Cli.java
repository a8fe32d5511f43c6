package org.recworkbench.cli;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.CancelledException;
import org.recworkbench.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The headless entry point: picocli commands, exit code 2 for bad input, 1 for anything else. */
@Command(name = "recworkbench", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Cli.Version.class,
        description = "Recommender Workbench: import datasets, run and compare recommenders. Without a command the"
                + " window opens.",
        subcommands = {ImportCommand.class, DatasetsCommand.class, ProfileCommand.class, GenerateCommand.class,
                AlgorithmsCommand.class, RecommendCommand.class, ExplainCommand.class, SimilarityCommand.class,
                EvaluateCommand.class, SweepCommand.class, RunsCommand.class, CompareCommand.class,
                ServeCommand.class, ReplayCommand.class, ModelCommand.class, ExportCommand.class,
                ExamplesCommand.class, ExerciseCommand.class})
public final class Cli {

    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 1;
    /** {@code exercise --check}: the answers were read and marked, and some are wrong or missing. */
    public static final int ANSWERS_WRONG = 3;

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Cli());
        for (CliExtension extension : java.util.ServiceLoader.load(CliExtension.class)) {
            extension.commands().forEach(commandLine::addSubcommand);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println(message(e));
            cmd.getErr().flush();
            return exitCode(e);
        });
        int code;
        try {
            code = commandLine.execute(args);
        } catch (Error e) {
            err.println("internal error: " + e + " (please report this)");
            code = INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    static String message(Exception e) {
        if (e instanceof InvalidInputException || e instanceof StoreException) {
            return "error: " + e.getMessage();
        }
        if (e instanceof CancelledException) {
            return "cancelled";
        }
        if (e instanceof UncheckedIOException io) {
            return "error: " + io.getMessage();
        }
        return "internal error: " + e + " (please report this)";
    }

    static int exitCode(Exception e) {
        return e instanceof InvalidInputException || e instanceof UncheckedIOException ? BAD_INPUT : INTERNAL_ERROR;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Recommender Workbench " + version()};
        }

        public static String version() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return v == null ? "development" : v;
        }
    }
}
