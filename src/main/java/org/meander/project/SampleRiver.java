package org.meander.project;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One synthetic river tile and the true water mask it was drawn from: a meandering channel 30 to 90 pixels wide
 * crossing the tile, sometimes with a sand bar or an island, over vegetation and bare soil, with a muddy, soft bank.
 * Everything follows from the random source, so a seed always gives the same tile.
 */
record SampleRiver(BufferedImage image, LabelMask water) {

    static final int SIZE = 512;

    private static final double STEP = 1.5;
    private static final double BANK_WIDTH = 7;
    /** How far past the water's edge the distance field is computed: the bank and the soft edge need no more. */
    private static final double REACH = BANK_WIDTH + 3;

    /** A point of the channel's centre line, with the channel's direction and half-width there. */
    private record Station(double x, double y, double dx, double dy, double halfWidth) {
    }

    static SampleRiver generate(Random random) {
        while (true) {
            SampleRiver river = tryGenerate(random);
            long water = river.water.foreground();
            // A channel that only grazes a corner, or loops over most of the tile, makes a poor example.
            double fraction = water / (double) (SIZE * SIZE);
            if (fraction > 0.05 && fraction < 0.45) {
                return river;
            }
        }
    }

    private static SampleRiver tryGenerate(Random random) {
        List<Station> channel = centreLine(random);
        float[] fromBank = distanceOutsideWater(channel);
        float[] fromBar = random.nextBoolean() ? distanceOutsideBar(channel, random) : null;
        ValueNoise noise = new ValueNoise(random);

        byte[] water = new byte[SIZE * SIZE];
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int i = y * SIZE + x;
                double bank = fromBank[i];
                double bar = fromBar == null ? Double.MAX_VALUE : fromBar[i];
                water[i] = bank < 0 && bar >= 0 ? (byte) 1 : 0;
                rgb[i] = colour(noise, x, y, bank, bar);
            }
        }
        return new SampleRiver(image, new LabelMask(SIZE, SIZE, water));
    }

    /**
     * Walks across the tile with a heading that swings sinusoidally (two frequencies, so bends differ), starting
     * and ending outside the tile so that the river never ends inside it.
     */
    private static List<Station> centreLine(Random random) {
        double course = random.nextDouble() * 2 * Math.PI;
        double cx = Math.cos(course);
        double cy = Math.sin(course);
        double reach = SIZE * 0.75 + 30;
        double lateral = (random.nextDouble() - 0.5) * SIZE * 0.45;
        double x = SIZE / 2.0 - reach * cx - lateral * cy;
        double y = SIZE / 2.0 - reach * cy + lateral * cx;

        double swing = 0.5 + 0.4 * random.nextDouble();
        double swingLength = 250 + 200 * random.nextDouble();
        double wiggle = 0.1 + 0.2 * random.nextDouble();
        double wiggleLength = 80 + 70 * random.nextDouble();
        double widthLength = 200 + 200 * random.nextDouble();
        double[] phases = {random.nextDouble(), random.nextDouble(), random.nextDouble()};

        List<Station> stations = new ArrayList<>();
        for (double s = 0; s < 4 * reach; s += STEP) {
            double heading = course + swing * Math.sin(2 * Math.PI * (s / swingLength + phases[0]))
                    + wiggle * Math.sin(2 * Math.PI * (s / wiggleLength + phases[1]));
            double dx = Math.cos(heading);
            double dy = Math.sin(heading);
            double halfWidth = 15 + 15 * (1 + Math.sin(2 * Math.PI * (s / widthLength + phases[2])));
            stations.add(new Station(x, y, dx, dy, halfWidth));
            x += STEP * dx;
            y += STEP * dy;
            if ((x - SIZE / 2.0) * cx + (y - SIZE / 2.0) * cy > reach) {
                break;
            }
        }
        return stations;
    }

    /** Per pixel, the distance to the water's edge: negative in the water, positive on land, up to REACH. */
    private static float[] distanceOutsideWater(List<Station> channel) {
        float[] distance = new float[SIZE * SIZE];
        Arrays.fill(distance, (float) REACH);
        for (Station station : channel) {
            double radius = station.halfWidth + REACH;
            int x0 = Math.max(0, (int) Math.floor(station.x - radius));
            int x1 = Math.min(SIZE - 1, (int) Math.ceil(station.x + radius));
            int y0 = Math.max(0, (int) Math.floor(station.y - radius));
            int y1 = Math.min(SIZE - 1, (int) Math.ceil(station.y + radius));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double ex = x - station.x;
                    double ey = y - station.y;
                    // Not Math.hypot: it guards against overflow at several times the cost, over millions of pixels.
                    float d = (float) (Math.sqrt(ex * ex + ey * ey) - station.halfWidth);
                    int i = y * SIZE + x;
                    if (d < distance[i]) {
                        distance[i] = d;
                    }
                }
            }
        }
        return distance;
    }

    /**
     * A sand bar against one bank, or an island mid-channel: an ellipse along the flow where the channel is wide.
     * Per pixel, roughly the distance outside it (negative inside).
     */
    private static float[] distanceOutsideBar(List<Station> channel, Random random) {
        List<Station> wide = channel.stream()
                .filter(s -> s.halfWidth > 32 && s.x > 80 && s.x < SIZE - 80 && s.y > 80 && s.y < SIZE - 80)
                .toList();
        float[] distance = new float[SIZE * SIZE];
        Arrays.fill(distance, Float.MAX_VALUE);
        if (wide.isEmpty()) {
            return distance;
        }
        Station at = wide.get(random.nextInt(wide.size()));
        boolean island = random.nextBoolean();
        double across = at.halfWidth * (island ? 0.3 : 0.4);
        double along = 25 + 25 * random.nextDouble();
        double side = island ? 0 : (random.nextBoolean() ? 1 : -1) * (at.halfWidth - across * 0.6);
        double centreX = at.x - at.dy * side;
        double centreY = at.y + at.dx * side;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double u = (x - centreX) * at.dx + (y - centreY) * at.dy;
                double v = -(x - centreX) * at.dy + (y - centreY) * at.dx;
                double eu = u / along;
                double ev = v / across;
                distance[y * SIZE + x] = (float) ((Math.sqrt(eu * eu + ev * ev) - 1) * across);
            }
        }
        return distance;
    }

    /** Land is vegetation or soil by low-frequency noise, textured; water is dark blue-green; edges blend softly. */
    private static int colour(ValueNoise noise, int x, int y, double bank, double bar) {
        double grain = noise.at(x, y, 3, 2) - 0.5;
        double[] land = landColour(noise, x, y, grain);
        double[] mud = {118 + 30 * grain, 100 + 24 * grain, 72 + 18 * grain};
        double muddy = smoothstep(BANK_WIDTH, 0, bank);
        double[] shore = mix(land, mud, muddy * 0.8);

        double ripple = 0.9 + 0.2 * noise.at(x + 1000, y, 25, 3) + 0.05 * grain;
        double depth = 1 - 0.18 * smoothstep(0, 20, -bank);
        double[] water = {20 * ripple * depth, 56 * ripple * depth, 64 * ripple * depth};
        double[] sand = {182 + 28 * grain, 164 + 24 * grain, 122 + 20 * grain};

        double[] pixel = mix(water, shore, smoothstep(-1.5, 1.5, bank));
        if (bank < 1.5) {
            pixel = mix(pixel, sand, smoothstep(1.5, -1.5, bar));
        }
        return rgb(pixel);
    }

    private static double[] landColour(ValueNoise noise, int x, int y, double grain) {
        double soil = smoothstep(0.42, 0.62, noise.at(x, y, 110, 3));
        double brightness = 0.8 + 0.45 * (noise.at(x + 500, y + 500, 14, 3) - 0.5) + 0.25 * grain;
        double[] vegetation = {50 * brightness, 94 * brightness, 40 * brightness};
        double[] earth = {128 * brightness, 104 * brightness, 70 * brightness};
        return mix(vegetation, earth, soil);
    }

    private static double[] mix(double[] a, double[] b, double t) {
        return new double[] {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
    }

    /** 0 at {@code from}, 1 at {@code to}, smooth between; {@code to} may be below {@code from}. */
    private static double smoothstep(double from, double to, double value) {
        double t = Math.max(0, Math.min(1, (value - from) / (to - from)));
        return t * t * (3 - 2 * t);
    }

    private static int rgb(double[] pixel) {
        return channel(pixel[0]) << 16 | channel(pixel[1]) << 8 | channel(pixel[2]);
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
