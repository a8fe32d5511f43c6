package org.recworkbench.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A job as the status bar shows it: its title, latest progress and state, and a way to cancel it. */
public interface RunningJob extends JobHandle {

    /** Where a job is in its life until it ends. */
    enum State {
        WAITING("waiting"), RUNNING("running"), CANCELLING("cancelling");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The state in the window's language. */
        public String label() {
            return I18n.orElse("common.jobState." + name(), label);
        }
    }

    String title();

    JobRunner.Lane lane();

    ReadOnlyStringProperty messageProperty();

    /** Completed share in [0, 1], or −1 when unknown. */
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyObjectProperty<State> stateProperty();
}
