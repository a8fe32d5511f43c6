package org.recworkbench.ui.common;

import javafx.scene.control.ListCell;
import org.recworkbench.algo.Algorithm;

/** An algorithm in a chooser: "Family · id". */
public final class AlgorithmCell extends ListCell<Algorithm<?>> {

    private final boolean compact;

    public AlgorithmCell() {
        this(false);
    }

    private AlgorithmCell(boolean compact) {
        this.compact = compact;
    }

    /** For a narrow chooser's button: the id alone ("item-knn"); the list still shows the family. */
    public static AlgorithmCell compact() {
        return new AlgorithmCell(true);
    }

    @Override
    protected void updateItem(Algorithm<?> item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : compact ? item.id() : EngineText.family(item.family()) + " · " + item.id());
    }
}
