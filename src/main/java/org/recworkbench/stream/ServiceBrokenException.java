package org.recworkbench.stream;

/** The live service stopped answering because an update failed half-way; the message says why. */
public final class ServiceBrokenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ServiceBrokenException(String reason) {
        super(reason);
    }
}
