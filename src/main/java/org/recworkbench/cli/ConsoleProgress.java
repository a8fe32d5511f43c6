package org.recworkbench.cli;

import org.recworkbench.job.Progress;

import java.io.PrintStream;

/** Progress on stderr, only when a person is watching a terminal, at most once per 5% step. */
final class ConsoleProgress implements Progress {

    private final PrintStream err;
    private int lastStep = -1;

    private ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    static Progress forTerminal() {
        return System.console() == null ? Progress.NONE : new ConsoleProgress(System.err);
    }

    @Override
    public synchronized void report(double fraction, String message) {
        if (fraction < 0) {
            return;
        }
        int step = (int) (fraction * 20);
        if (step != lastStep) {
            lastStep = step;
            err.printf("\r%3d%% %-60.60s", (int) (fraction * 100), message);
            if (step >= 20) {
                err.println();
            }
            err.flush();
        }
    }
}
