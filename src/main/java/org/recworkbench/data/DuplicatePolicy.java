package org.recworkbench.data;

/** What happens when the same (user, item) pair occurs more than once in the source. */
public enum DuplicatePolicy {
    /** The last occurrence in file order wins (ratings that were revised). */
    KEEP_LAST,
    /** Values are added up and the earliest timestamp is kept (repeated purchases or clicks). */
    SUM_KEEP_FIRST_TIME
}
