package org.recworkbench.ui.common;

import javafx.scene.control.ListCell;
import org.recworkbench.algo.Algorithm;

/** An algorithm in a chooser: "Family · id". */
public final class AlgorithmCell extends ListCell<Algorithm<?>> {
    @Override
    protected void updateItem(Algorithm<?> item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.family().label() + " · " + item.id());
    }
}
