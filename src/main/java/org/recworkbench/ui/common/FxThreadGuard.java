package org.recworkbench.ui.common;

import javafx.application.Platform;
import org.recworkbench.job.HeavyWork;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Heavy engine work never runs on the FX application thread: installs {@link HeavyWork}'s thread check as
 * {@link Platform#isFxApplicationThread} and records each violation (what, and the stack of the call). The window
 * logs the first violation of each kind; the window tests assert that none was recorded, so a view model that
 * fits, loads or imports on the FX thread fails the build on any machine, however fast.
 */
public final class FxThreadGuard {

    /** Heavy work that started on the FX thread. */
    public record Violation(String what, Throwable where) {

        /** What it was and where it was called from, for a test failure message. */
        public String describe() {
            StringWriter stack = new StringWriter();
            where.printStackTrace(new PrintWriter(stack));
            return what + " on the FX application thread\n" + stack;
        }
    }

    private static final System.Logger LOG = System.getLogger(FxThreadGuard.class.getName());
    private static final List<Violation> VIOLATIONS = new CopyOnWriteArrayList<>();
    private static final Map<String, LongAdder> ENTERED = new ConcurrentHashMap<>();
    private static final HeavyWork.Listener LISTENER = new HeavyWork.Listener() {
        @Override
        public void forbidden(String what, Throwable where) {
            record(what, where);
        }

        @Override
        public void entered(String what) {
            int space = what.indexOf(' ');
            ENTERED.computeIfAbsent(space < 0 ? what : what.substring(0, space), k -> new LongAdder()).increment();
        }
    };

    private FxThreadGuard() {
    }

    /** Installs the check; calling it again (another scene in the same JVM) changes nothing. */
    public static void install() {
        HeavyWork.forbidOn(Platform::isFxApplicationThread, LISTENER);
    }

    private static void record(String what, Throwable where) {
        boolean first = VIOLATIONS.stream().noneMatch(v -> v.what().equals(what));
        VIOLATIONS.add(new Violation(what, where));
        if (first) {
            LOG.log(System.Logger.Level.WARNING, what + " ran on the FX application thread; the window stalls", where);
        }
    }

    /** The violations since the last {@link #clear}, oldest first. */
    public static List<Violation> violations() {
        return List.copyOf(VIOLATIONS);
    }

    /** How many times heavy work has started on the FX thread since the last {@link #clear}. */
    public static int count() {
        return VIOLATIONS.size();
    }

    /**
     * How often each kind of heavy entry point ({@code Algorithm.fit}, {@code Importer.parse}…) started, on any
     * thread, since the last {@link #clear}: shows which ones a window test exercised.
     */
    public static Map<String, Long> entered() {
        Map<String, Long> counts = new TreeMap<>();
        ENTERED.forEach((what, n) -> counts.put(what, n.sum()));
        return counts;
    }

    /** Forgets the violations and counts so far. */
    public static void clear() {
        VIOLATIONS.clear();
        ENTERED.clear();
    }
}
