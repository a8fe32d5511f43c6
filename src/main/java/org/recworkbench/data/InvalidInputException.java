package org.recworkbench.data;

/** Input the user can fix (a file, a flag, a parameter value); its message is shown as is, without a stack trace. */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
