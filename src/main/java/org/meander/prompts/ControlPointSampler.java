package org.meander.prompts;

import org.meander.project.LabelMask;
import org.meander.sam.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The seed tutorial's control-point sampler: positive points from the class region and negative points from the
 * background, spread out by clearing a disc around each one, so that fine-tuning sees a fresh, well-spread prompt
 * every epoch. A region too small for the points asked yields padding points instead.
 */
public final class ControlPointSampler {

    private final ControlPointSettings settings;

    public ControlPointSampler(ControlPointSettings settings) {
        this.settings = settings;
    }

    /** Exactly positives + negatives points, positives first, each kind's padding after its real points. */
    public List<Point> sample(LabelMask mask, RandomGenerator random) {
        List<Point> points = new ArrayList<>(settings.positives() + settings.negatives());
        points.addAll(sampleKind(mask, PointKind.POSITIVE, settings.positives(), random));
        points.addAll(sampleKind(mask, PointKind.NEGATIVE, settings.negatives(), random));
        return points;
    }

    private List<Point> sampleKind(LabelMask mask, PointKind kind, int pointsAsked, RandomGenerator random) {
        List<Point> points = new ArrayList<>(pointsAsked);
        if (pointsAsked == 0) {
            return points;
        }
        Region region = new Region(samplingRegion(mask, kind, settings.erode()), mask.width(), mask.height());
        double spacing = kind.spacing(region.size(), pointsAsked);
        while (points.size() < pointsAsked && region.size() > 0) {
            int pixel = region.draw(random);
            points.add(new Point(pixel % mask.width(), pixel / mask.width(), kind.label));
            region.removeDisc(pixel, spacing);
        }
        while (points.size() < pointsAsked) {
            points.add(new Point(0, 0, Point.PADDING));
        }
        return points;
    }

    /** The pixels of the kind's region, eroded when asked, by an amount that grows with the region's size. */
    static boolean[] samplingRegion(LabelMask mask, PointKind kind, boolean erode) {
        byte[] pixels = mask.pixels();
        boolean[] region = new boolean[pixels.length];
        int count = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] == kind.maskValue) {
                region[i] = true;
                count++;
            }
        }
        if (!erode) {
            return region;
        }
        return SquareErosion.erode(region, mask.width(), mask.height(), kind.erosionIterations(count),
                kind.outsideIsMember);
    }
}
