package org.recworkbench.ui.live;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands what the replay thread produced to the FX thread at most once per pulse: an {@link AnimationTimer} runs
 * while updates keep arriving and stops on the first pulse that finds none, so an idle view costs nothing and a
 * replay at full speed costs one drain per frame however many events it applies.
 */
final class PulseDelivery {

    private final PendingUpdates pending;
    private final Consumer<PendingUpdates.Batch> apply;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!flush()) {
                stop();
                scheduled.set(false);
                // anything added after the drain above and before the flag cleared would wait for a signal
                if (!pending.isEmpty()) {
                    signal();
                }
            }
        }
    };

    PulseDelivery(PendingUpdates pending, Consumer<PendingUpdates.Batch> apply) {
        this.pending = pending;
        this.apply = apply;
    }

    /** From any thread, after adding to the pending updates. */
    void signal() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                Platform.runLater(timer::start);
            } catch (IllegalStateException toolkitGone) {
                // the application is exiting: nobody is left to show the update
            }
        }
    }

    /** Applies whatever is pending now (FX thread); false when there was nothing. */
    boolean flush() {
        PendingUpdates.Batch batch = pending.drain();
        if (batch == null) {
            return false;
        }
        apply.accept(batch);
        return true;
    }
}
