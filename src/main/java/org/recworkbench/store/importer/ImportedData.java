package org.recworkbench.store.importer;

import org.recworkbench.data.Dataset;

import java.util.List;

/** A parsed source, complete in memory and not yet stored. */
public record ImportedData(Dataset dataset, ImportFormat format, List<String> sourceFiles, String checksum,
                           ImportSummary summary) {

    public ImportedData {
        sourceFiles = List.copyOf(sourceFiles);
    }
}
