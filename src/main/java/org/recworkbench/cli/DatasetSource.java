package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --db} and {@code --dataset}: where a command's data comes from, loaded into memory and the store closed. */
public final class DatasetSource {

    @Mixin
    DatabaseOption db;

    @Option(names = "--dataset", required = true, description = "Dataset name")
    String dataset;

    /** The dataset, loaded into memory with the store closed again. */
    public Dataset load() {
        try (Workspace workspace = db.open()) {
            return workspace.datasets().load(dataset);
        }
    }
}
