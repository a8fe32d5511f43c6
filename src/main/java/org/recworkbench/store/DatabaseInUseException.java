package org.recworkbench.store;

import java.nio.file.Path;

/** Another process holds the database file open. */
public final class DatabaseInUseException extends StoreException {

    private static final long serialVersionUID = 1L;

    public DatabaseInUseException(Path database, Throwable cause) {
        super("The database " + database + " is in use by another process (another Recommender Workbench window or"
                + " command?). Close it, or choose a different database with --db.", cause);
    }
}
