package org.jujia.careplan;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** PNG signatures for tests: a drawn squiggle (as a canvas would give) and a blank pad. */
final class Signatures {

    private Signatures() {
    }

    static String drawnDataUrl() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(true));
    }

    static String blankDataUrl() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(false));
    }

    static byte[] png(boolean ink) {
        BufferedImage img = new BufferedImage(360, 140, BufferedImage.TYPE_INT_ARGB);
        if (ink) {
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x1a, 0x1a, 0x2e));
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int px = 20;
            int py = 90;
            for (int x = 20; x < 340; x += 8) {
                int y = 70 + (int) (35 * Math.sin(x / 17.0)) - (x % 48 == 0 ? 20 : 0);
                g.drawLine(px, py, x, y);
                px = x;
                py = y;
            }
            g.dispose();
        }
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
