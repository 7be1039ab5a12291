import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws Meander's icon: a river meandering across green land, outlined as a segmentation mask is, with one
 * prompt point on it. Run from the repository root: java installers/MakeIcon.java assets/meander.png
 */
public class MakeIcon {

    public static void main(String[] args) throws Exception {
        int size = 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x5b8c4a), 0, 248, new Color(0x2f5a34)));
        g.fill(tile);
        g.setClip(tile);

        Path2D river = new Path2D.Double();
        river.moveTo(-10, 60);
        river.curveTo(90, 20, 150, 120, 70, 140);
        river.curveTo(0, 160, 60, 250, 150, 200);
        river.curveTo(220, 160, 250, 220, 270, 240);
        // the mask's outline first, wider, so the water sits inside it
        g.setColor(new Color(0xff40c0));
        g.setStroke(new BasicStroke(46, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(river);
        g.setPaint(new GradientPaint(0, 40, new Color(0x9fd8ff), 256, 230, new Color(0x2f86d0)));
        g.setStroke(new BasicStroke(36, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(river);

        g.setClip(null);
        g.setColor(new Color(0x1f8f3a));
        g.fill(new Ellipse2D.Double(150, 186, 28, 28));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(5));
        g.draw(new Ellipse2D.Double(150, 186, 28, 28));
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}
