package org.recworkbench.store.importer;

import org.recworkbench.export.AtomicFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens the files an import reads: {@code -} is standard input; anything else must be a readable regular file (a
 * named pipe without a writer would block forever, so pipes are refused: redirect them to {@code -} instead).
 */
final class InputFiles {

    static final String STDIN = "-";

    private InputFiles() {
    }

    static boolean isStdin(Path file) {
        return STDIN.equals(file.toString());
    }

    /** The name messages and the dataset's source list use: the file name, or "stdin". */
    static String displayName(Path file) {
        return isStdin(file) ? "stdin" : String.valueOf(file.getFileName());
    }

    /** The size in bytes for progress, 0 when unknown (standard input). */
    static long size(Path file) throws IOException {
        return isStdin(file) ? 0 : Files.size(file);
    }

    /** Opens the file after checking it is a readable regular file; problems become located messages. */
    static InputStream open(Path file) {
        if (isStdin(file)) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input belongs to the process
                }
            };
        }
        if (!Files.exists(file)) {
            throw new ImportException(file, 0, 0, "file not found (" + file.toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file, 0, 0, "is " + AtomicFile.kindOf(file) + ", not a regular file; expected"
                    + " a file (to read a pipe, give - and redirect it to standard input)");
        }
        if (!Files.isReadable(file)) {
            throw permissionDenied(file);
        }
        try {
            return Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw permissionDenied(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(file, 0, 0, "file not found (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new ImportException(file, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static ImportException permissionDenied(Path file) {
        return new ImportException(file, 0, 0, "permission denied; expected a file you may read (check its"
                + " permissions)");
    }
}
