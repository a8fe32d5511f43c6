package org.recworkbench.cli;

import org.recworkbench.store.Workspace;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db} option every store-backed command shares. */
public final class DatabaseOption {

    @Option(names = "--db", paramLabel = "PATH",
            description = "Workspace database (without .mv.db). Default: ~/.recworkbench/workbench")
    Path database;

    public Workspace open() {
        return Workspace.open(database == null ? Workspace.defaultPath() : database);
    }
}
