package org.recworkbench.ui.common;

/** What a view model keeps of a job it started: it can ask it to stop and see whether it has ended. */
public interface JobHandle {

    /** A handle of nothing: already ended, cancelling does nothing. */
    JobHandle NONE = new JobHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean ended() {
            return true;
        }
    };

    /** Asks the job to stop; safe to call at any time, any number of times (FX thread). */
    void cancel();

    /** True once the job has left the runner and its callback has run. */
    boolean ended();
}
