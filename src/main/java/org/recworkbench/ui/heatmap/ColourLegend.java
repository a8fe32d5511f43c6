package org.recworkbench.ui.heatmap;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The heatmap's colour scale from −1 to 1 with ticks, drawn on a canvas (also into exported images). */
public final class ColourLegend extends Canvas {

    public ColourLegend() {
        super(320, 38);
        draw(getGraphicsContext2D(), 0, 0, getWidth(), Color.web("#444444"));
    }

    /** Draws the bar and its ticks into any graphics context, at (x, y), this wide. */
    static void draw(GraphicsContext g, double x, double y, double width, Color text) {
        double bar = 14;
        double left = x + 12;
        double span = width - 24;
        for (int px = 0; px < span; px++) {
            g.setFill(DivergingColours.color(-1 + 2 * px / (span - 1)));
            g.fillRect(left + px, y, 1.5, bar);
        }
        g.setStroke(Color.gray(0.45));
        g.setLineWidth(1);
        g.strokeRect(left, y, span, bar);
        g.setFill(text);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = -1; t <= 1.0001; t += 0.5) {
            double px = left + (t + 1) / 2 * span;
            g.strokeLine(px, y + bar, px, y + bar + 4);
            g.fillText(t == 0 ? "0" : String.format(java.util.Locale.ROOT, "%+.1f", t), px, y + bar + 6);
        }
    }
}
