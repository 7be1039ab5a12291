package org.meander.project.vector;

import java.util.List;

/**
 * A polygon as GeoJSON gives one: its outer ring, then its holes, each ring's points as x, y pairs (the last point
 * may repeat the first). A point is inside when an odd number of rings surround it, so rings may run either way.
 */
public record Polygon(List<double[]> rings) {

    public Polygon {
        rings = List.copyOf(rings);
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs an outer ring");
        }
    }

    /** The smallest x, smallest y, largest x and largest y of its outer ring. */
    public double[] bounds() {
        double[] outer = rings.get(0);
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i + 1 < outer.length; i += 2) {
            box[0] = Math.min(box[0], outer[i]);
            box[1] = Math.min(box[1], outer[i + 1]);
            box[2] = Math.max(box[2], outer[i]);
            box[3] = Math.max(box[3], outer[i + 1]);
        }
        return box;
    }
}
