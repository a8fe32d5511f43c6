package org.recworkbench.ui.heatmap;

import javafx.scene.paint.Color;

/** A blue–white–red colour map centred on 0 over [−1, 1] (ColorBrewer RdBu end points); NaN is grey. */
final class DivergingColours {

    private static final int[] NEGATIVE = {33, 102, 172};
    private static final int[] ZERO = {247, 247, 247};
    private static final int[] POSITIVE = {178, 24, 43};
    private static final int NAN = 0xFF9E9E9E;

    private DivergingColours() {
    }

    /** The colour as 0xAARRGGBB, for a PixelWriter. */
    static int argb(double value) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        double t = Math.max(-1, Math.min(1, value));
        int[] end = t < 0 ? NEGATIVE : POSITIVE;
        double f = Math.abs(t);
        int r = (int) Math.round(ZERO[0] + (end[0] - ZERO[0]) * f);
        int g = (int) Math.round(ZERO[1] + (end[1] - ZERO[1]) * f);
        int b = (int) Math.round(ZERO[2] + (end[2] - ZERO[2]) * f);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    static Color color(double value) {
        int argb = argb(value);
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
    }
}
