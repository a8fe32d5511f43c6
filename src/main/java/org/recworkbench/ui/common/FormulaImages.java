package org.recworkbench.ui.common;

import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * LaTeX rendered by JLaTeXMath into JavaFX images. Rendering happens on its own daemon thread (the first formula
 * loads fonts, a few hundred milliseconds) and never on the FX thread; a formula JLaTeXMath cannot parse comes
 * back as null, and callers show its text instead.
 */
public final class FormulaImages {

    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "formula-renderer");
        t.setDaemon(true);
        return t;
    });

    private FormulaImages() {
    }

    /** Renders in the background and hands the image (or null) to {@code done} on the FX thread. */
    public static void render(String latex, float size, boolean dark, Consumer<WritableImage> done) {
        RENDERER.execute(() -> {
            WritableImage image = renderNow(latex, size, dark);
            Platform.runLater(() -> done.accept(image));
        });
    }

    /** Renders on the calling thread; null when the formula does not parse. */
    public static WritableImage renderNow(String latex, float size, boolean dark) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
        int w = Math.max(1, icon.getIconWidth());
        int h = Math.max(1, icon.getIconHeight());
        BufferedImage buffer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = buffer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.setForeground(dark ? new Color(230, 237, 243) : new Color(31, 35, 40));
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        int[] argb = buffer.getRGB(0, 0, w, h, null, 0, w);
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }
}
