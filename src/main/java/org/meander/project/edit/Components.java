package org.meander.project.edit;

import org.meander.project.LabelMask;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Clean-ups by connected component, with OpenCV's flood fill and component labelling, which do in native code what
 * would otherwise be a hand-written breadth-first search over up to 16 million pixels.
 *
 * <p>Foreground is 8-connected (pixels touching at a corner belong together, as a thin diagonal channel does) and so,
 * as its complement, background is 4-connected: a diagonal line of water closes a hole, since the background cannot
 * leak through a corner that the foreground is taken to join.
 */
final class Components {

    private static final byte OUTSIDE = 2;

    private Components() {
    }

    /** Background not 4-connected to the image border becomes foreground. */
    static LabelMask fillHoles(LabelMask label) {
        int width = label.width();
        int height = label.height();
        Mat mask = MaskMats.toMat(label);
        Mat framed = new Mat();
        Mat inside = new Mat();
        try {
            // A one-pixel background frame joins all the border background, so one fill from a corner reaches it all.
            Core.copyMakeBorder(mask, framed, 1, 1, 1, 1, Core.BORDER_CONSTANT, new Scalar(0));
            Imgproc.floodFill(framed, new Mat(), new Point(0, 0), new Scalar(OUTSIDE), new Rect(), new Scalar(0),
                    new Scalar(0), 4);
            framed.submat(1, height + 1, 1, width + 1).copyTo(inside);
            byte[] pixels = new byte[width * height];
            inside.get(0, 0, pixels);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = pixels[i] == OUTSIDE ? (byte) 0 : (byte) 1;
            }
            return new LabelMask(width, height, pixels);
        } finally {
            mask.release();
            framed.release();
            inside.release();
        }
    }

    /** Only the largest foreground component (8-connected) stays foreground; the first of equals wins. */
    static LabelMask largest(LabelMask label) {
        Labelling labelling = Labelling.of(label);
        int largest = 0;
        // Component 0 is the background.
        double[] areas = labelling.areas();
        for (int component = 1; component < areas.length; component++) {
            if (largest == 0 || areas[component] > areas[largest]) {
                largest = component;
            }
        }
        byte[] pixels = new byte[label.pixels().length];
        if (largest > 0) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = labelling.componentOf()[i] == largest ? (byte) 1 : (byte) 0;
            }
        }
        return new LabelMask(label.width(), label.height(), pixels);
    }

    /** Foreground components of fewer than {@code minPixels} pixels, 8-connected, become background. */
    static LabelMask removeIslands(LabelMask label, int minPixels) {
        byte[] pixels = label.pixels().clone();
        if (minPixels <= 1) {
            return new LabelMask(label.width(), label.height(), pixels);
        }
        Labelling labelling = Labelling.of(label);
        for (int i = 0; i < pixels.length; i++) {
            int component = labelling.componentOf()[i];
            // Component 0 is the background, whatever its size.
            if (component > 0 && labelling.areas()[component] < minPixels) {
                pixels[i] = 0;
            }
        }
        return new LabelMask(label.width(), label.height(), pixels);
    }

    /** How many connected regions the pixels that differ between two masks of one size make. */
    static int changedRegions(LabelMask before, LabelMask after, boolean eightConnected) {
        byte[] changed = new byte[before.pixels().length];
        boolean any = false;
        for (int i = 0; i < changed.length; i++) {
            if (before.pixels()[i] != after.pixels()[i]) {
                changed[i] = 1;
                any = true;
            }
        }
        if (!any) {
            return 0;
        }
        Mat mask = MaskMats.toMat(new LabelMask(before.width(), before.height(), changed));
        Mat components = new Mat();
        try {
            // component 0 is what did not change
            return Imgproc.connectedComponents(mask, components, eightConnected ? 8 : 4, CvType.CV_32S) - 1;
        } finally {
            mask.release();
            components.release();
        }
    }

    /**
     * OpenCV's 8-connected labelling of a label's foreground: each pixel's component (0 for the background) and
     * each component's area in pixels.
     */
    private record Labelling(int[] componentOf, double[] areas) {

        static Labelling of(LabelMask label) {
            Mat mask = MaskMats.toMat(label);
            Mat components = new Mat();
            Mat stats = new Mat();
            Mat centroids = new Mat();
            try {
                int count = Imgproc.connectedComponentsWithStats(mask, components, stats, centroids, 8,
                        CvType.CV_32S);
                double[] areas = new double[count];
                for (int component = 0; component < count; component++) {
                    areas[component] = stats.get(component, Imgproc.CC_STAT_AREA)[0];
                }
                int[] componentOf = new int[label.pixels().length];
                components.get(0, 0, componentOf);
                return new Labelling(componentOf, areas);
            } finally {
                mask.release();
                components.release();
                stats.release();
                centroids.release();
            }
        }
    }
}
