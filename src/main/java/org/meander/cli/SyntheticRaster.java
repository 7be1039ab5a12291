package org.meander.cli;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.meander.project.raster.RegionImage;

/**
 * An RGB orthomosaic of any size, computed where it is asked for, so the benchmark can write a 20000 x 20000 raster
 * without holding it: a river meanders left to right across a textured land.
 */
final class SyntheticRaster extends RegionImage {

    private final double[] riverCentre;

    SyntheticRaster(int width, int height) {
        super(width, height, BufferedImage.TYPE_3BYTE_BGR);
        riverCentre = new double[width];
        for (int x = 0; x < width; x++) {
            riverCentre[x] = height / 2.0 + height / 4.0 * Math.sin(x * 6.0 / width) + 40 * Math.sin(x / 97.0);
        }
    }

    @Override
    protected void fill(WritableRaster region) {
        int width = region.getWidth();
        byte[] row = new byte[width * 3];
        for (int y = region.getMinY(); y < region.getMinY() + region.getHeight(); y++) {
            for (int i = 0; i < width; i++) {
                int x = region.getMinX() + i;
                boolean water = Math.abs(y - riverCentre[x]) < 300;
                int texture = (x / 16 * 7 + y / 16 * 13) % 24;
                // data elements come in band order, red first, whatever the order in memory
                row[3 * i] = (byte) (water ? 40 + texture : 70 + texture);
                row[3 * i + 1] = (byte) (water ? 70 + texture : 90 + texture);
                row[3 * i + 2] = (byte) (water ? 90 + texture : 40 + texture);
            }
            region.setDataElements(region.getMinX(), y, width, 1, row);
        }
    }
}
