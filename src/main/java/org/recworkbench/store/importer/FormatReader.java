package org.recworkbench.store.importer;

/** Streams the files of one source format into an {@link ImportSession}. */
interface FormatReader {

    ImportedData read(ImportRequest request, ImportSession session);
}
