package org.recworkbench.store;

/** A failure of the workspace database that is not the user's input; its message is readable on its own. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
