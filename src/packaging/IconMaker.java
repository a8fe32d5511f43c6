import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

/**
 * Draws the application icon (src/packaging/linux/recworkbench.png): a rating matrix, a few of its cells filled,
 * and a star for "recommended". Drawn here, not taken from any artwork. Regenerate with
 * {@code java -Djava.awt.headless=true src/packaging/IconMaker.java src/packaging/linux/recworkbench.png}.
 */
public final class IconMaker {

    private IconMaker() {
    }

    public static void main(String[] args) throws IOException {
        int size = 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // background: a rounded square, blue to teal
        g.setPaint(new GradientPaint(0, 0, new Color(0x1F4E9A), size, size, new Color(0x178F8F)));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56));

        // a 4 x 4 rating matrix; filled cells are known ratings, shaded by value
        int[][] ratings = {{5, 0, 3, 0}, {0, 4, 0, 2}, {4, 0, 0, 5}, {0, 3, 5, 0}};
        int cell = 36;
        int gap = 6;
        int left = 34;
        int top = 34;
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                int x = left + c * (cell + gap);
                int y = top + r * (cell + gap);
                int v = ratings[r][c];
                if (v == 0) {
                    g.setColor(new Color(255, 255, 255, 70));
                    g.setStroke(new BasicStroke(3f));
                    g.drawRoundRect(x + 1, y + 1, cell - 2, cell - 2, 10, 10);
                } else {
                    g.setColor(new Color(255, 255, 255, 110 + 29 * v));
                    g.fillRoundRect(x, y, cell, cell, 10, 10);
                }
            }
        }

        // the recommendation: a gold star over the lower right corner
        double cx = 178;
        double cy = 178;
        Polygon star = new Polygon();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? 64 : 27;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            star.addPoint((int) Math.round(cx + radius * Math.cos(angle)), (int) Math.round(cy + radius * Math.sin(angle)));
        }
        g.setColor(new Color(0, 0, 0, 60));
        g.translate(4, 5);
        g.fillPolygon(star);
        g.translate(-4, -5);
        g.setColor(new Color(0xFFC83D));
        g.fillPolygon(star);
        g.setColor(new Color(0xB7791F));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolygon(star);
        g.dispose();

        File out = new File(args.length > 0 ? args[0] : "recworkbench.png");
        if (out.getParentFile() != null) {
            out.getParentFile().mkdirs();
        }
        ImageIO.write(image, "png", out);
    }
}
