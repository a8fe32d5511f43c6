package org.recworkbench.ui.common;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.store.StoreException;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Turns a failure into a sentence for the user; the stack trace only goes into expandable details. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String readable(Throwable error) {
        Throwable t = error;
        while (t != null && !(t instanceof InvalidInputException) && !(t instanceof StoreException)
                && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof InvalidInputException || t instanceof StoreException) {
            return t.getMessage();
        }
        return I18n.t("common.error.unexpected", error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : " — " + error.getMessage()));
    }

    public static String details(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
