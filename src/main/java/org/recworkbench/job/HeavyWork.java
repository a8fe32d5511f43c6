package org.recworkbench.job;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Marks the engine's entry points whose cost grows with the dataset (load, import, fit, similarity builds,
 * evaluations, exports of every user, synthetic generation) so that a host can check they never run on a thread
 * that must stay responsive. The engine knows no UI toolkit: the window installs the check (is this the FX
 * application thread?) and decides what a violation means; the command line installs nothing, and then
 * {@link #enter} costs one volatile read.
 *
 * <p>Only entry points that are heavy in proportion to the dataset are marked; small work a view model does on the
 * FX thread (re-scoring ten items, one user's explanation) is not.
 */
public final class HeavyWork {

    /** Told when heavy work starts on a forbidden thread. */
    @FunctionalInterface
    public interface Listener {

        /**
         * @param what  the entry point, e.g. {@code "Algorithm.fit item-knn"}
         * @param where the stack of the call (a throwable that is never thrown)
         */
        void forbidden(String what, Throwable where);

        /** Told about every heavy entry, on any thread, before the thread check; for counting. */
        default void entered(String what) {
        }
    }

    private record Check(BooleanSupplier onForbiddenThread, Listener listener) {
    }

    private static volatile Check check;

    private HeavyWork() {
    }

    /** Called at the top of a heavy entry point; does nothing unless a check is installed and it fires. */
    public static void enter(String what) {
        Check c = check;
        if (c == null) {
            return;
        }
        c.listener().entered(what);
        if (c.onForbiddenThread().getAsBoolean()) {
            c.listener().forbidden(what, new Throwable("heavy work on a forbidden thread: " + what));
        }
    }

    /**
     * Installs the thread check, replacing any earlier one.
     *
     * @param onForbiddenThread true when the calling thread must not do heavy work
     * @param listener          told about each violation, on the offending thread
     */
    public static void forbidOn(BooleanSupplier onForbiddenThread, Listener listener) {
        check = new Check(Objects.requireNonNull(onForbiddenThread), Objects.requireNonNull(listener));
    }

    /** Removes the check: every thread may do heavy work again. */
    public static void allowEverywhere() {
        check = null;
    }

    /** Whether a check is installed. */
    public static boolean checked() {
        return check != null;
    }
}
