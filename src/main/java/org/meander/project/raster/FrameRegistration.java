package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgproc.Imgproc;
import org.opencv.video.Video;

/**
 * Finds where a frame from a second camera (a near-infrared frame) lies on its colour tile. Two cameras side by side
 * see the same ground from a little apart and with other lenses, so their frames differ by a shift and a scale (the
 * Elwha airborne frames: about 63 px across, 52 px down and 12%), and laying one over the other pixel for pixel mixes
 * different places.
 *
 * <p>The bands differ in brightness (water is bright in colour and dark in near-infrared, forest the other way), but
 * edges are where they are in both: the two pictures are compared by their gradient magnitudes. A coarse search over
 * scale and shift finds the neighbourhood; OpenCV's enhanced correlation coefficient (ECC, Evangelidis and Psarakis
 * 2008) then fits an affine warp, from a small picture to a full-size one. The warp is kept only when it correlates
 * clearly better than the frame laid over the tile as it is.
 */
public final class FrameRegistration {

    /** Long side of the pictures in the coarse search: fine enough for the neighbourhood ECC converges from. */
    static final int COARSE_SIDE = 160;
    /** Long sides of the pictures ECC refines on, coarse to fine; the finest is capped by the tile's own size. */
    static final int[] REFINE_SIDES = {256, 512, 1024};
    /** Long side of the pictures both candidate warps are scored on. */
    static final int SCORE_SIDE = 512;
    /** Tile pixels per frame pixel tried in the coarse search, once the frame is resized to the tile's width. */
    static final double SMALLEST_SCALE = 0.7;
    static final double LARGEST_SCALE = 1.45;
    static final double SCALE_STEP = 0.025;
    /** How far, as a share of the tile's long side, the coarse search looks for a shift. */
    static final double LARGEST_SHIFT = 0.25;
    /**
     * Gradient correlations at or above this mean that the pictures show the same edges (the 25 Elwha pairs score
     * 0.32 to 0.69 aligned, 0.01 to 0.13 laid as they are).
     */
    static final double SAME_EDGES = 0.3;
    /** A found warp must beat the frame as it is by this much to be used. */
    static final double CLEARLY_BETTER = 0.05;
    /** Warps closer than this, in frame pixels at every corner, are the same. */
    static final double SAME_WARP_PIXELS = 0.5;
    /** Below this share of the tile covered by the frame, a correlation says too little. */
    static final double LEAST_COVERAGE = 0.25;

    /** What the registration concluded. */
    public enum Verdict {
        /** The frame laid over the tile as it is shows the tile's edges: nothing to move. */
        LINES_UP,
        /** The frame lines up once warped. */
        ALIGNED,
        /** No warp, the frame as it is included, shows the tile's edges: not the same ground, or too blurred. */
        UNCERTAIN
    }

    /**
     * @param warp        where each tile pixel lies in the frame (the frame as laid over the tile unless ALIGNED)
     * @param correlation the gradient correlation under {@code warp}, from -1 to 1
     * @param coverage    the share of the tile's pixels the frame covers under {@code warp}
     */
    public record Registration(Verdict verdict, FrameWarp warp, double correlation, double coverage) {
    }

    private FrameRegistration() {
    }

    /** Registers {@code frame} (one band is read, the first) on {@code tile} (its colours are averaged). */
    public static Registration register(BufferedImage tile, BufferedImage frame) {
        OpenCvLibrary.ensureLoaded();
        Mat tileGrey = greyOf(tile);
        Mat frameGrey = firstBandOf(frame.getRaster());
        try {
            return register(tileGrey, frameGrey);
        } finally {
            tileGrey.release();
            frameGrey.release();
        }
    }

    private static Registration register(Mat tile, Mat frame) {
        FrameWarp asLaid = FrameWarp.stretched(tile.cols(), tile.rows(), frame.cols(), frame.rows());
        FrameWarp found = refine(tile, frame, coarseSearch(tile, frame));
        double scoreFactor = factorFor(tile, SCORE_SIDE);
        Pyramid scored = new Pyramid(tile, frame, scoreFactor, 1.0);
        double asLaidCorrelation = scored.correlation(asLaid);
        double foundCorrelation = scored.correlation(found);
        scored.release();
        double foundCoverage = coverage(found, tile.cols(), tile.rows(), frame.cols(), frame.rows());
        boolean better = foundCorrelation >= SAME_EDGES && foundCoverage >= LEAST_COVERAGE
                && foundCorrelation >= asLaidCorrelation + CLEARLY_BETTER;
        if (better && found.distance(asLaid, tile.cols(), tile.rows()) >= SAME_WARP_PIXELS) {
            return new Registration(Verdict.ALIGNED, found, foundCorrelation, foundCoverage);
        }
        Verdict verdict = asLaidCorrelation >= SAME_EDGES || better ? Verdict.LINES_UP : Verdict.UNCERTAIN;
        return new Registration(verdict, asLaid, asLaidCorrelation, 1.0);
    }

    /**
     * The frame resized by each trial scale, searched for the middle of the tile; the best match's scale and shift.
     * Both are first made about the same size (the frame resized to the tile's width).
     */
    private static FrameWarp coarseSearch(Mat tile, Mat frame) {
        double tileFactor = factorFor(tile, COARSE_SIDE);
        double widthRatio = tile.cols() / (double) frame.cols();
        Mat tileEdges = edges(resized(tile, tileFactor), 1.0);
        int insetX = tileEdges.cols() / 10;
        int insetY = tileEdges.rows() / 10;
        Mat middle = tileEdges.submat(insetY, tileEdges.rows() - insetY, insetX, tileEdges.cols() - insetX);
        int pad = (int) Math.round(LARGEST_SHIFT * Math.max(tileEdges.cols(), tileEdges.rows()));
        double bestScore = Double.NEGATIVE_INFINITY;
        FrameWarp best = FrameWarp.stretched(tile.cols(), tile.rows(), frame.cols(), frame.rows());
        Mat padded = new Mat();
        Mat scores = new Mat();
        for (double scale = SMALLEST_SCALE; scale <= LARGEST_SCALE + 1e-9; scale += SCALE_STEP) {
            double frameFactor = tileFactor * widthRatio * scale;
            Mat frameEdges = edges(resized(frame, frameFactor), 1.0);
            Core.copyMakeBorder(frameEdges, padded, pad, pad, pad, pad, Core.BORDER_CONSTANT);
            frameEdges.release();
            if (padded.cols() < middle.cols() || padded.rows() < middle.rows()) {
                continue;
            }
            Imgproc.matchTemplate(padded, middle, scores, Imgproc.TM_CCOEFF_NORMED);
            Core.MinMaxLocResult match = Core.minMaxLoc(scores);
            if (match.maxVal > bestScore) {
                bestScore = match.maxVal;
                // a coarse tile pixel u lies at u - inset in the middle, at u - inset + match in the padded frame
                FrameWarp shift = FrameWarp.translation(match.maxLoc.x - insetX - pad, match.maxLoc.y - insetY - pad);
                best = FrameWarp.resizing(1 / frameFactor, 1 / frameFactor).after(shift)
                        .after(FrameWarp.resizing(tileFactor, tileFactor));
            }
        }
        padded.release();
        scores.release();
        tileEdges.release();
        return best;
    }

    /** ECC's affine fit from {@code start}, on pictures small to full size; where ECC fails, the last fit stands. */
    private static FrameWarp refine(Mat tile, Mat frame, FrameWarp start) {
        FrameWarp warp = start;
        double[] blurs = {2.0, 1.5, 1.0};
        TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 100, 1e-5);
        for (int level = 0; level < REFINE_SIDES.length; level++) {
            double factor = factorFor(tile, REFINE_SIDES[level]);
            Pyramid pictures = new Pyramid(tile, frame, factor, blurs[level]);
            Mat matrix = new Mat(2, 3, CvType.CV_32F);
            matrix.put(0, 0, toFloats(pictures.toLevel(warp).matrix()));
            try {
                Video.findTransformECC(pictures.tileEdges, pictures.frameEdges, matrix, Video.MOTION_AFFINE,
                        criteria, new Mat(), 5);
                float[] fitted = new float[6];
                matrix.get(0, 0, fitted);
                warp = pictures.fromLevel(FrameWarp.of(toDoubles(fitted)));
            } catch (CvException e) {
                // ECC gives up when the pictures do not correlate; the scores decide what the last fit is worth
            } finally {
                matrix.release();
                pictures.release();
            }
            if (factor == 1.0) {
                break;
            }
        }
        return warp;
    }

    /** The share of a tile's pixels whose place in the frame lies inside the frame. */
    public static double coverage(FrameWarp warp, int width, int height, int frameWidth, int frameHeight) {
        long inside = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                inside += covers(warp, x, y, frameWidth, frameHeight) ? 1 : 0;
            }
        }
        return inside / (double) ((long) width * height);
    }

    /** Whether tile pixel (x, y) lands inside the frame, where interpolation reads only the frame's own pixels. */
    static boolean covers(FrameWarp warp, int x, int y, int frameWidth, int frameHeight) {
        double fx = warp.frameX(x, y);
        double fy = warp.frameY(x, y);
        return fx >= 0 && fy >= 0 && fx <= frameWidth - 1 && fy <= frameHeight - 1;
    }

    /** The factor that brings the tile's long side to {@code side}, never above 1. */
    private static double factorFor(Mat tile, int side) {
        return Math.min(1.0, side / (double) Math.max(tile.cols(), tile.rows()));
    }

    /** The tile and the frame resized by one factor (the frame first brought to the tile's width), as edges. */
    private static final class Pyramid {
        final Mat tileEdges;
        final Mat frameEdges;
        final double tileFactor;
        final double frameFactor;

        Pyramid(Mat tile, Mat frame, double factor, double blur) {
            this.tileFactor = factor;
            this.frameFactor = factor * tile.cols() / frame.cols();
            this.tileEdges = edges(resized(tile, tileFactor), blur);
            this.frameEdges = edges(resized(frame, frameFactor), blur);
        }

        /** A full-size warp as it reads between these resized pictures. */
        FrameWarp toLevel(FrameWarp warp) {
            return FrameWarp.resizing(frameFactor, frameFactor).after(warp)
                    .after(FrameWarp.resizing(1 / tileFactor, 1 / tileFactor));
        }

        FrameWarp fromLevel(FrameWarp warp) {
            return FrameWarp.resizing(1 / frameFactor, 1 / frameFactor).after(warp)
                    .after(FrameWarp.resizing(tileFactor, tileFactor));
        }

        /** Pearson's correlation of the tile's edges and the frame's, warped onto the tile, where the frame reaches. */
        double correlation(FrameWarp warp) {
            FrameWarp level = toLevel(warp);
            Mat matrix = new Mat(2, 3, CvType.CV_64F);
            matrix.put(0, 0, level.matrix());
            Mat warped = new Mat();
            Imgproc.warpAffine(frameEdges, warped, matrix, tileEdges.size(),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT);
            matrix.release();
            int width = tileEdges.cols();
            int height = tileEdges.rows();
            float[] a = new float[width * height];
            float[] b = new float[width * height];
            tileEdges.get(0, 0, a);
            warped.get(0, 0, b);
            warped.release();
            double n = 0;
            double sa = 0;
            double sb = 0;
            double saa = 0;
            double sbb = 0;
            double sab = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (covers(level, x, y, frameEdges.cols(), frameEdges.rows())) {
                        int i = y * width + x;
                        n++;
                        sa += a[i];
                        sb += b[i];
                        saa += a[i] * a[i];
                        sbb += b[i] * b[i];
                        sab += a[i] * b[i];
                    }
                }
            }
            double covariance = sab - sa * sb / n;
            double spread = Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
            return n < 2 || spread == 0 ? 0 : covariance / spread;
        }

        void release() {
            tileEdges.release();
            frameEdges.release();
        }
    }

    /** Gradient magnitude after a Gaussian blur, shifted and scaled to mean 0 and deviation 1 (padding is neutral). */
    private static Mat edges(Mat grey, double blur) {
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(grey, blurred, new Size(0, 0), blur);
        grey.release();
        Mat dx = new Mat();
        Mat dy = new Mat();
        Imgproc.Sobel(blurred, dx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(blurred, dy, CvType.CV_32F, 0, 1);
        blurred.release();
        Mat magnitude = new Mat();
        Core.magnitude(dx, dy, magnitude);
        dx.release();
        dy.release();
        org.opencv.core.MatOfDouble mean = new org.opencv.core.MatOfDouble();
        org.opencv.core.MatOfDouble deviation = new org.opencv.core.MatOfDouble();
        Core.meanStdDev(magnitude, mean, deviation);
        double sd = Math.max(deviation.get(0, 0)[0], 1e-6);
        magnitude.convertTo(magnitude, CvType.CV_32F, 1 / sd, -mean.get(0, 0)[0] / sd);
        return magnitude;
    }

    private static Mat resized(Mat picture, double factor) {
        Mat out = new Mat();
        if (factor == 1.0) {
            picture.copyTo(out);
        } else {
            Imgproc.resize(picture, out, new Size(), factor, factor, factor < 1 ? Imgproc.INTER_AREA
                    : Imgproc.INTER_LINEAR);
        }
        return out;
    }

    /** The tile's mean of red, green and blue, as 32-bit floats. */
    private static Mat greyOf(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] grey = new float[width * height];
        int[] argb = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                int pixel = argb[x];
                grey[y * width + x] = ((pixel >> 16 & 0xff) + (pixel >> 8 & 0xff) + (pixel & 0xff)) / 3f;
            }
        }
        Mat mat = new Mat(height, width, CvType.CV_32F);
        mat.put(0, 0, grey);
        return mat;
    }

    private static Mat firstBandOf(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        float[] values = raster.getSamples(raster.getMinX(), raster.getMinY(), width, height, 0,
                new float[width * height]);
        Mat mat = new Mat(height, width, CvType.CV_32F);
        mat.put(0, 0, values);
        return mat;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
