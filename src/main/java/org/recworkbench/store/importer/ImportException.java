package org.recworkbench.store.importer;

import org.recworkbench.data.InvalidInputException;

import java.nio.file.Path;

/** Bad content in a source file, located by file, line and column (1-based; 0 when not applicable). */
public final class ImportException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    public ImportException(Path file, int line, int column, String problem) {
        super(location(file, line, column) + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String location(Path file, int line, int column) {
        StringBuilder s = new StringBuilder(InputFiles.displayName(file));
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.toString();
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
