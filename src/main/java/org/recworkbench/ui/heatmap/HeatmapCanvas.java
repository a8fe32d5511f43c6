package org.recworkbench.ui.heatmap;

import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.recworkbench.similarity.SimilarityHeatmap;

import java.util.function.BiConsumer;

/**
 * A similarity matrix drawn as one image (one pixel per cell, scaled without smoothing), not as thousands of nodes.
 * Scroll zooms around the pointer, dragging pans, a click selects a cell, a double click resets the view; the
 * hovered and selected cells are reported through properties.
 */
public final class HeatmapCanvas extends Region {

    private static final double MAX_CELL = 64;
    /** Largest side of the pre-scaled image, in pixels (zoom stops there). */
    private static final int MAX_SIDE = 4096;

    private final Canvas canvas = new Canvas();
    // hover and selection are nodes over the canvas, so moving the pointer redraws no pixels of the image
    private final Rectangle rowBand = overlay(Color.rgb(0, 0, 0, 0.08), null);
    private final Rectangle columnBand = overlay(Color.rgb(0, 0, 0, 0.08), null);
    private final Rectangle selectionBox = overlay(Color.TRANSPARENT, Color.BLACK);
    private final ObjectProperty<SimilarityHeatmap> heatmap = new SimpleObjectProperty<>();
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(-1);
    private final IntegerProperty selectedColumn = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper hoverRow = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper hoverColumn = new ReadOnlyIntegerWrapper(-1);
    private WritableImage image;
    private int[] colours;
    private WritableImage scaled;
    private double scaledCell;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private boolean drawPending;
    private BiConsumer<Integer, Integer> onCellClicked = (r, c) -> { };

    public HeatmapCanvas() {
        getChildren().addAll(canvas, rowBand, columnBand, selectionBox);
        getStyleClass().add("heatmap");
        setMinSize(120, 120);
        setPrefSize(560, 560);
        heatmap.addListener((obs, old, now) -> {
            image = now == null ? null : render(now);
            colours = now == null ? null : colours(now);
            scaled = null;
            resetView();
        });
        selectedRow.addListener((obs, old, now) -> placeOverlays());
        selectedColumn.addListener((obs, old, now) -> placeOverlays());
        canvas.setOnScroll(this::onScroll);
        canvas.setOnMousePressed(this::onPressed);
        canvas.setOnMouseDragged(this::onDragged);
        canvas.setOnMouseReleased(this::onReleased);
        canvas.setOnMouseMoved(this::onMoved);
        canvas.setOnMouseExited(e -> hover(-1, -1));
    }

    private static Rectangle overlay(Color fill, Color stroke) {
        Rectangle r = new Rectangle();
        r.setFill(fill);
        r.setStroke(stroke);
        r.setStrokeWidth(2);
        r.setMouseTransparent(true);
        r.setManaged(false);
        r.setVisible(false);
        return r;
    }

    private static int[] colours(SimilarityHeatmap h) {
        int n = h.size();
        int[] argb = new int[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                argb[r * n + c] = DivergingColours.argb(h.value(r, c));
            }
        }
        return argb;
    }

    /**
     * The matrix at the current cell size, nearest-neighbour, built once per zoom level: panning then copies pixels
     * instead of rescaling the whole image every frame (which costs 30 ms a frame in software rendering).
     */
    private WritableImage scaledImage(double cell) {
        if (scaled != null && scaledCell == cell) {
            return scaled;
        }
        int n = heatmap.get().size();
        int side = Math.max(1, (int) Math.ceil(cell * n));
        WritableImage out = new WritableImage(side, side);
        PixelWriter w = out.getPixelWriter();
        int[] line = new int[side];
        int[] column = new int[side];
        for (int x = 0; x < side; x++) {
            column[x] = Math.min(n - 1, (int) (x / cell));
        }
        int previousRow = -1;
        for (int y = 0; y < side; y++) {
            int r = Math.min(n - 1, (int) (y / cell));
            if (r != previousRow) {
                for (int x = 0; x < side; x++) {
                    line[x] = colours[r * n + column[x]];
                }
                previousRow = r;
            }
            w.setPixels(0, y, side, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), line, 0, side);
        }
        scaled = out;
        scaledCell = cell;
        return out;
    }

    /** One pixel per cell, coloured by the diverging map. */
    static WritableImage render(SimilarityHeatmap h) {
        int n = h.size();
        WritableImage img = new WritableImage(n, n);
        PixelWriter w = img.getPixelWriter();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                w.setArgb(c, r, DivergingColours.argb(h.value(r, c)));
            }
        }
        return img;
    }

    public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
    }

    public ObjectProperty<SimilarityHeatmap> heatmapProperty() {
        return heatmap;
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public IntegerProperty selectedColumnProperty() {
        return selectedColumn;
    }

    public ReadOnlyIntegerProperty hoverRowProperty() {
        return hoverRow.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hoverColumnProperty() {
        return hoverColumn.getReadOnlyProperty();
    }

    /** The matrix fitted to the square area again. */
    public void resetView() {
        zoom = 1;
        panX = 0;
        panY = 0;
        draw();
    }

    /** Side of one cell in pixels at the current zoom. */
    public double cellSize() {
        SimilarityHeatmap h = heatmap.get();
        return h == null ? 0 : Math.min(getWidth(), getHeight()) / h.size() * zoom;
    }

    /** Where the centre of cell (r, c) is on screen, in this region's coordinates (for tests and keyboard use). */
    public double[] cellCentre(int r, int c) {
        double cell = cellSize();
        return new double[] {panX + (c + 0.5) * cell, panY + (r + 0.5) * cell};
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** Many drag or wheel events can arrive within one frame: draw once for all of them. */
    private void requestDraw() {
        if (!drawPending) {
            drawPending = true;
            Platform.runLater(() -> {
                drawPending = false;
                draw();
            });
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        SimilarityHeatmap h = heatmap.get();
        if (h != null && image != null && cellSize() > 0) {
            g.drawImage(scaledImage(cellSize()), Math.round(panX), Math.round(panY));
        }
        placeOverlays();
    }

    private void placeOverlays() {
        SimilarityHeatmap h = heatmap.get();
        double cell = cellSize();
        double side = h == null ? 0 : cell * h.size();
        int hr = hoverRow.get();
        int hc = hoverColumn.get();
        boolean hovering = h != null && hr >= 0 && hc >= 0;
        rowBand.setVisible(hovering);
        columnBand.setVisible(hovering);
        if (hovering) {
            rowBand.setX(panX);
            rowBand.setY(panY + hr * cell);
            rowBand.setWidth(side);
            rowBand.setHeight(cell);
            columnBand.setX(panX + hc * cell);
            columnBand.setY(panY);
            columnBand.setWidth(cell);
            columnBand.setHeight(side);
        }
        int sr = selectedRow.get();
        int sc = selectedColumn.get();
        boolean selected = h != null && sr >= 0 && sc >= 0 && sr < h.size() && sc < h.size();
        selectionBox.setVisible(selected);
        if (selected) {
            double box = Math.max(cell, 6);
            selectionBox.setX(panX + sc * cell - (box - cell) / 2);
            selectionBox.setY(panY + sr * cell - (box - cell) / 2);
            selectionBox.setWidth(box);
            selectionBox.setHeight(box);
        }
    }

    private int[] cellAt(double x, double y) {
        SimilarityHeatmap h = heatmap.get();
        double cell = cellSize();
        if (h == null || cell <= 0) {
            return null;
        }
        int c = (int) Math.floor((x - panX) / cell);
        int r = (int) Math.floor((y - panY) / cell);
        return r >= 0 && c >= 0 && r < h.size() && c < h.size() ? new int[] {r, c} : null;
    }

    private void onScroll(ScrollEvent e) {
        SimilarityHeatmap h = heatmap.get();
        if (h == null || e.getDeltaY() == 0) {
            return;
        }
        double fit = Math.min(getWidth(), getHeight()) / h.size();
        double factor = e.getDeltaY() > 0 ? 1.25 : 0.8;
        double maxCell = Math.min(MAX_CELL, (double) MAX_SIDE / h.size());
        double newZoom = Math.max(1, Math.min(Math.max(1, maxCell / fit), zoom * factor));
        double scale = newZoom / zoom;
        // keep the point under the pointer where it is
        panX = e.getX() - (e.getX() - panX) * scale;
        panY = e.getY() - (e.getY() - panY) * scale;
        zoom = newZoom;
        clampPan();
        requestDraw();
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
    }

    private void onDragged(MouseEvent e) {
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) {
            return;
        }
        dragged = true;
        panX += dx;
        panY += dy;
        pressX = e.getX();
        pressY = e.getY();
        clampPan();
        requestDraw();
    }

    private void onReleased(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() == 2) {
            resetView();
            return;
        }
        int[] cell = cellAt(e.getX(), e.getY());
        if (cell != null) {
            selectedRow.set(cell[0]);
            selectedColumn.set(cell[1]);
            onCellClicked.accept(cell[0], cell[1]);
        }
    }

    private void onMoved(MouseEvent e) {
        int[] cell = cellAt(e.getX(), e.getY());
        hover(cell == null ? -1 : cell[0], cell == null ? -1 : cell[1]);
    }

    private void hover(int r, int c) {
        if (r != hoverRow.get() || c != hoverColumn.get()) {
            hoverRow.set(r);
            hoverColumn.set(c);
            placeOverlays();
        }
    }

    /** The matrix may not be dragged entirely out of view. */
    private void clampPan() {
        SimilarityHeatmap h = heatmap.get();
        if (h == null) {
            return;
        }
        double side = cellSize() * h.size();
        double w = getWidth();
        double ht = getHeight();
        panX = Math.max(Math.min(0, w - side) - side * 0.5, Math.min(Math.max(0, w - side) + side * 0.5, panX));
        panY = Math.max(Math.min(0, ht - side) - side * 0.5, Math.min(Math.max(0, ht - side) + side * 0.5, panY));
    }
}
