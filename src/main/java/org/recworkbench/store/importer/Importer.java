package org.recworkbench.store.importer;

import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

/** Parses a source into an {@link ImportedData} without touching the database. */
public final class Importer {

    private Importer() {
    }

    public static ImportedData parse(ImportRequest request, Progress progress, Cancellation cancellation) {
        HeavyWork.enter("Importer.parse " + request.datasetName());
        FormatReader reader = switch (request.format()) {
            case MOVIELENS_100K -> new MovieLens100kReader();
            case MOVIELENS_1M -> new MovieLens1mReader();
            case MOVIELENS_CSV -> new MovieLensCsvReader();
            case CSV -> new GenericCsvReader();
            case ONLINE_RETAIL -> new OnlineRetailReader();
        };
        return reader.read(request, new ImportSession(progress, cancellation));
    }
}
