package org.recworkbench.data;

/** Whether values are ratings on a scale (explicit) or counts/quantities of interactions (implicit). */
public enum DatasetKind {
    EXPLICIT, IMPLICIT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DatasetKind fromLabel(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
