package org.recworkbench.cli;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.export.AtomicFile;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Every {@code --out FILE} of the command line: written through {@link AtomicFile}, and "replaced FILE" on stderr
 * when a file was there before. {@code -} means standard output where a command prints nothing else there.
 */
final class OutputFile {

    static final String STDOUT = "-";

    private OutputFile() {
    }

    /** {@code out} is a file name or {@code -} for standard output. */
    static void write(CommandSpec spec, String out, AtomicFile.Content content) {
        if (STDOUT.equals(out)) {
            PrintWriter stdout = spec.commandLine().getOut();
            try {
                content.writeTo(stdout);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write to standard output: " + e.getMessage(), e);
            }
            stdout.flush();
            return;
        }
        toFile(spec, Path.of(out), content);
    }

    /** For commands whose standard output holds their results: {@code -} is refused. */
    static void writeFile(CommandSpec spec, String option, Path out, AtomicFile.Content content) {
        if (STDOUT.equals(out.toString())) {
            throw new InvalidInputException(option + " -: " + spec.name() + " prints its results on standard"
                    + " output; give a file name");
        }
        toFile(spec, out, content);
    }

    /** Prints "replaced FILE" on stderr when {@code existed}; for commands that write several files themselves. */
    static void noticeReplaced(CommandSpec spec, Path file, boolean existed) {
        if (existed) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("replaced " + file);
            err.flush();
        }
    }

    private static void toFile(CommandSpec spec, Path out, AtomicFile.Content content) {
        noticeReplaced(spec, out, AtomicFile.write(out, content));
    }
}
