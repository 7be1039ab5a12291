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
        Mat mask = MaskMats.toMat(label);
        Mat components = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            int count = Imgproc.connectedComponentsWithStats(mask, components, stats, centroids, 8, CvType.CV_32S);
            int largest = 0;
            double largestArea = 0;
            // Component 0 is the background.
            for (int component = 1; component < count; component++) {
                double area = stats.get(component, Imgproc.CC_STAT_AREA)[0];
                if (area > largestArea) {
                    largest = component;
                    largestArea = area;
                }
            }
            byte[] pixels = new byte[label.pixels().length];
            if (largest > 0) {
                int[] componentOf = new int[pixels.length];
                components.get(0, 0, componentOf);
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = componentOf[i] == largest ? (byte) 1 : (byte) 0;
                }
            }
            return new LabelMask(label.width(), label.height(), pixels);
        } finally {
            mask.release();
            components.release();
            stats.release();
            centroids.release();
        }
    }

    /** Foreground components of fewer than {@code minPixels} pixels, 8-connected, become background. */
    static LabelMask removeIslands(LabelMask label, int minPixels) {
        byte[] pixels = label.pixels().clone();
        if (minPixels <= 1) {
            return new LabelMask(label.width(), label.height(), pixels);
        }
        Mat mask = MaskMats.toMat(label);
        Mat components = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            int count = Imgproc.connectedComponentsWithStats(mask, components, stats, centroids, 8, CvType.CV_32S);
            boolean[] small = new boolean[count];
            // Component 0 is the background, whatever its size.
            for (int component = 1; component < count; component++) {
                small[component] = stats.get(component, Imgproc.CC_STAT_AREA)[0] < minPixels;
            }
            int[] componentOf = new int[pixels.length];
            components.get(0, 0, componentOf);
            for (int i = 0; i < pixels.length; i++) {
                if (small[componentOf[i]]) {
                    pixels[i] = 0;
                }
            }
            return new LabelMask(label.width(), label.height(), pixels);
        } finally {
            mask.release();
            components.release();
            stats.release();
            centroids.release();
        }
    }
}
