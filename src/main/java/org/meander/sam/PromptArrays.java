package org.meander.sam;

import java.util.List;

/**
 * A point batch as the prompt encoder takes it: coordinates scaled from the image to the model's resized frame
 * (x * resized width / original width, in double precision like SamProcessor), flattened.
 */
public record PromptArrays(double[] points, int[] labels, double[] boxes) {

    public static PromptArrays of(List<Prompt> prompts, ImageSize original, ImageSize resized) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompt to decode");
        }
        int n = prompts.get(0).points().size();
        boolean withBox = prompts.get(0).box() != null;
        for (Prompt p : prompts) {
            if (p.points().size() != n || (p.box() != null) != withBox) {
                throw new IllegalArgumentException("prompts decoded together need the same number of points ("
                        + n + ") and all or none a box; decode them separately");
            }
        }
        double sx = (double) resized.width() / original.width();
        double sy = (double) resized.height() / original.height();
        double[] points = new double[prompts.size() * n * 2];
        int[] labels = new int[prompts.size() * n];
        double[] boxes = withBox ? new double[prompts.size() * 4] : null;
        for (int p = 0; p < prompts.size(); p++) {
            Prompt prompt = prompts.get(p);
            for (int i = 0; i < n; i++) {
                Point point = prompt.points().get(i);
                points[2 * (p * n + i)] = (point.x() * sx);
                points[2 * (p * n + i) + 1] = (point.y() * sy);
                labels[p * n + i] = point.label();
            }
            if (withBox) {
                Box box = prompt.box();
                boxes[4 * p] = (box.x0() * sx);
                boxes[4 * p + 1] = (box.y0() * sy);
                boxes[4 * p + 2] = (box.x1() * sx);
                boxes[4 * p + 3] = (box.y1() * sy);
            }
        }
        return new PromptArrays(points, labels, boxes);
    }
}
