package org.recworkbench.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Text that does not fit shows its whole self in a tooltip. {@link #install(Labeled)} watches one label, button or
 * cell; {@link #install(TableView)} and {@link #install(ListView)} decorate the cell factories of a table's columns
 * or a list, so every cell whose text the skin cuts (the ellipsis) carries a tooltip with the full text.
 * <p>
 * Columns and lists of long free text (titles, explanations, parameters) are marked {@link #FREE_TEXT}: their cells
 * may be cut because the tooltip carries the rest; everything else (numbers, ids, headers, buttons) is laid out so it
 * is never cut, which the layout test checks.
 */
public final class ClippedText {

    /** Style class of a table column or list view whose cells hold free text that may be cut (with a tooltip). */
    public static final String FREE_TEXT = "free-text";
    private static final String INSTALLED = ClippedText.class.getName();

    private ClippedText() {
    }

    /** Marks columns as free text (cut with a tooltip rather than widened). */
    @SafeVarargs
    public static void freeText(TableColumn<?, ?>... columns) {
        for (TableColumn<?, ?> column : columns) {
            if (!column.getStyleClass().contains(FREE_TEXT)) {
                column.getStyleClass().add(FREE_TEXT);
            }
        }
    }

    /**
     * Decorates the cell factory of every leaf column (call after the view has set its own cell factories): each
     * cell shows a tooltip with its text while the text is cut.
     */
    public static <S> TableView<S> install(TableView<S> table) {
        for (TableColumn<S, ?> column : table.getColumns()) {
            decorate(column);
        }
        return table;
    }

    private static <S, T> void decorate(TableColumn<S, T> column) {
        if (!column.getColumns().isEmpty()) {
            for (TableColumn<S, ?> child : column.getColumns()) {
                decorate(child);
            }
            return;
        }
        if (column.getProperties().containsKey(INSTALLED)) {
            return;
        }
        column.getProperties().put(INSTALLED, Boolean.TRUE);
        Callback<TableColumn<S, T>, TableCell<S, T>> factory = column.getCellFactory();
        column.setCellFactory(c -> {
            TableCell<S, T> cell = factory.call(c);
            install(cell);
            return cell;
        });
    }

    /** The same for the cells of a list (after its own cell factory is set; the default cell if none is). */
    public static <T> ListView<T> install(ListView<T> list) {
        if (list.getProperties().containsKey(INSTALLED)) {
            return list;
        }
        list.getProperties().put(INSTALLED, Boolean.TRUE);
        Callback<ListView<T>, ListCell<T>> factory = list.getCellFactory();
        list.setCellFactory(l -> {
            ListCell<T> cell;
            if (factory != null) {
                cell = factory.call(l);
            } else {
                cell = new ListCell<>() {
                    @Override
                    protected void updateItem(T item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty || item == null ? null : item.toString());
                    }
                };
            }
            install(cell);
            return cell;
        });
        return list;
    }

    /** Shows the labeled's full text in a tooltip while its skin cuts it; a tooltip set by the view is kept. */
    public static <L extends Labeled> L install(L labeled) {
        if (labeled.getProperties().containsKey(INSTALLED)) {
            return labeled;
        }
        labeled.getProperties().put(INSTALLED, Boolean.TRUE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(labeled.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        Runnable update = () -> {
            Text shown = displayedText(labeled);
            String text = labeled.getText();
            boolean cut = shown != null && text != null && !text.isEmpty() && !text.equals(shown.getText());
            if (cut && labeled.getTooltip() == null) {
                labeled.setTooltip(tip);
            } else if (!cut && labeled.getTooltip() == tip) {
                labeled.setTooltip(null);
            }
        };
        ChangeListener<Object> onChange = (obs, old, now) -> update.run();
        labeled.textProperty().addListener(onChange);
        labeled.needsLayoutProperty().addListener((obs, old, needs) -> {
            if (!needs) {
                update.run();
            }
        });
        labeled.skinProperty().addListener((obs, old, skin) -> {
            Text shown = displayedText(labeled);
            if (shown != null) {
                shown.textProperty().addListener(onChange);
            }
        });
        Text shown = displayedText(labeled);
        if (shown != null) {
            shown.textProperty().addListener(onChange);
        }
        return labeled;
    }

    /** Whether the skin shows the labeled's text cut (laid out at least once). */
    public static boolean isCut(Labeled labeled) {
        Text shown = displayedText(labeled);
        String text = labeled.getText();
        return shown != null && text != null && !text.isEmpty() && !text.equals(shown.getText());
    }

    private static Text displayedText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && "LabeledText".equals(child.getClass().getSimpleName())) {
                return t;
            }
        }
        return null;
    }
}
