package org.meander.project.edit;

import org.meander.project.LabelMask;
import org.meander.project.raster.OpenCvLibrary;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Copies label masks into and out of OpenCV's matrices, one unsigned byte per pixel. */
final class MaskMats {

    private MaskMats() {
    }

    /** A new 8-bit single-channel matrix holding the mask's 0s and 1s; the caller releases it. */
    static Mat toMat(LabelMask mask) {
        OpenCvLibrary.ensureLoaded();
        Mat mat = new Mat(mask.height(), mask.width(), CvType.CV_8UC1);
        mat.put(0, 0, mask.pixels());
        return mat;
    }
}
