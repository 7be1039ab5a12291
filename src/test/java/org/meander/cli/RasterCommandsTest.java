package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.OpenCvLibrary;
import org.meander.testing.Fixtures;
import org.meander.testing.Jp2Files;
import org.meander.testing.TestRasters;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@code meander project tile}, {@code create --bands --nir-band} and {@code export --format geotiff} and
 * {@code geojson}.
 */
class RasterCommandsTest {

    @TempDir
    Path temp;

    Path raster() throws IOException {
        return TestRasters.tiff(temp.resolve("ortho.tif"),
                TestRasters.raster(200, 120, 4, 16, (x, y, b) -> 500 * b + x + y), 32, TestRasters.georeferencing());
    }

    @Test
    void tileThenExportGeotiffPrintsOneJsonLineEach() throws IOException {
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result tiled = ProjectCommandTest.project("tile", dir.toString(), "--raster",
                raster().toString(), "--tile-size", "64", "--overlap", "16", "--bands", "3,2,1", "--nir-band", "4");

        assertEquals(0, tiled.exit(), tiled.err());
        JsonNode json = tiled.json();
        assertEquals("ortho", json.path("raster").asText());
        assertEquals(200, json.path("width").asInt());
        assertEquals(3, json.path("rows").asInt());
        assertEquals(4, json.path("columns").asInt());
        assertEquals(12, json.path("tiles").asInt());
        Project project = Project.open(dir);
        Tile first = project.tiles().get(0);
        assertTrue(Files.exists(project.nearInfraredFile(first)));
        project.writeLabel(first, new LabelMask(64, 64, new byte[64 * 64]), LabelStatus.EDITED);

        Path out = temp.resolve("out");
        EmbedCommandTest.Result exported = ProjectCommandTest.project("export", dir.toString(), "--format",
                "geotiff", "--out", out.toString());

        assertEquals(0, exported.exit(), exported.err());
        JsonNode result = exported.json();
        assertEquals(1, result.path("masks").asInt());
        assertEquals(1, result.path("georeferenced").asInt());
        assertEquals("ortho", result.path("stitched").get(0).asText());
        assertTrue(Files.exists(out.resolve(first.name() + ".tif")));
        assertTrue(Files.exists(out.resolve("stitched/ortho.tif")));

        Path outlines = temp.resolve("outlines");
        EmbedCommandTest.Result traced = ProjectCommandTest.project("export", dir.toString(), "--format",
                "geojson", "--out", outlines.toString());

        assertEquals(0, traced.exit(), traced.err());
        assertEquals(1, traced.json().path("files").asInt());
        assertEquals(0, traced.json().path("polygons").asInt(), "the one label is empty");
        assertEquals(1, traced.json().path("georeferenced").asInt());
        assertTrue(Files.exists(outlines.resolve(first.name() + ".geojson")));
        assertTrue(Files.exists(outlines.resolve("stitched/ortho.geojson")));
    }

    /** A multispectral stack stored blue, green, red, near-infrared and naming them so: blue grows to the right, red
     * down. */
    Path namedStack(Path file) throws IOException {
        return TestRasters.tiff(file, TestRasters.raster(200, 120, 4, 16,
                (x, y, b) -> 1000 + (b == 0 ? 10 * x : b == 2 ? 10 * y : 500 * b)), 32,
                List.of(TestRasters.bandNames("Blue", "Green", "Red", "NIR")));
    }

    private static JsonNode manifest(Path project) throws IOException {
        return new ObjectMapper().readTree(project.resolve("meander.json").toFile());
    }

    @Test
    void tileTakesTheBandsTheRasterNamesUnlessTold() throws IOException {
        Path stack = namedStack(temp.resolve("stack.tif"));
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result named = ProjectCommandTest.project("tile", dir.toString(), "--raster",
                stack.toString(), "--tile-size", "64", "--overlap", "16");

        assertEquals(0, named.exit(), named.err());
        assertTrue(named.err().contains("bands 3,2,1 as red, green and blue and band 4 as near-infrared, as stack.tif"
                + " names them (1 Blue, 2 Green, 3 Red, 4 NIR)"), named.err());
        JsonNode entry = manifest(dir).path("rasters").path("stack");
        assertEquals("[3,2,1]", entry.path("bands").toString());
        assertEquals(4, entry.path("nir_band").asInt());
        Project project = Project.open(dir);
        Tile first = project.tiles().get(0);
        assertTrue(Files.exists(project.nearInfraredFile(first)));
        BufferedImage tile = ImageIO.read(first.image().toFile());
        assertTrue((tile.getRGB(0, 60) >> 16 & 0xff) > (tile.getRGB(0, 0) >> 16 & 0xff),
                "red is the band growing down");
        assertEquals(tile.getRGB(0, 0) & 0xff, tile.getRGB(0, 60) & 0xff, "blue grows to the right only");

        Path other = temp.resolve("told");
        EmbedCommandTest.Result told = ProjectCommandTest.project("tile", other.toString(), "--raster",
                stack.toString(), "--tile-size", "64", "--overlap", "16", "--bands", "1,2,3", "--no-nir");

        assertEquals(0, told.exit(), told.err());
        assertFalse(told.err().contains("names them"), told.err());
        JsonNode toldEntry = manifest(other).path("rasters").path("stack");
        assertEquals("[1,2,3]", toldEntry.path("bands").toString());
        assertTrue(toldEntry.path("nir_band").isMissingNode(), toldEntry.toString());
        EmbedCommandTest.Result both = ProjectCommandTest.project("tile", temp.resolve("both").toString(),
                "--raster", stack.toString(), "--nir-band", "4", "--no-nir");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--no-nir keeps no near-infrared band"), both.err());
    }

    @Test
    void createTakesTheBandsTheImagesName() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        namedStack(images.resolve("scene.tif"));
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result created = ProjectCommandTest.project("create", dir.toString(), "--images",
                images.toString());

        assertEquals(0, created.exit(), created.err());
        assertTrue(created.err().contains("as scene.tif names them"), created.err());
        Project project = Project.open(dir);
        Tile scene = project.tiles().get(0);
        assertTrue(Files.exists(project.nearInfraredFile(scene)));
        BufferedImage tile = ImageIO.read(scene.image().toFile());
        assertTrue((tile.getRGB(0, 100) >> 16 & 0xff) > (tile.getRGB(0, 0) >> 16 & 0xff),
                "red is the band growing down");

        Path declined = temp.resolve("declined");
        EmbedCommandTest.Result noNir = ProjectCommandTest.project("create", declined.toString(), "--images",
                images.toString(), "--no-nir");
        assertEquals(0, noNir.exit(), noNir.err());
        Project withoutNir = Project.open(declined);
        assertTrue(Files.notExists(withoutNir.nearInfraredFile(withoutNir.tiles().get(0))));
    }

    /**
     * A satellite scene's band files stacked by a GDAL virtual raster ({@code gdalbuildvrt -separate}) are cut as
     * one raster: the bands as the VRT orders and names them, the near-infrared one kept.
     */
    @Test
    void tileCutsBandFilesStackedByAVirtualRaster() throws IOException {
        String bands = "";
        for (String name : List.of("B4:Red", "B3:Green", "B2:Blue", "B8:NIR")) {
            String file = name.split(":")[0] + ".tif";
            int level = Integer.parseInt(name.substring(1, 2));
            TestRasters.tiff(temp.resolve(file), TestRasters.raster(300, 200, 1, 16, (x, y, b) -> 1000 * level + x),
                    32, TestRasters.georeferencing());
            bands += "<VRTRasterBand dataType=\"UInt16\"><Description>" + name.split(":")[1] + "</Description>"
                    + "<SimpleSource><SourceFilename relativeToVRT=\"1\">" + file + "</SourceFilename>"
                    + "<SourceBand>1</SourceBand></SimpleSource></VRTRasterBand>";
        }
        Path scene = Files.writeString(temp.resolve("scene.vrt"), "<VRTDataset rasterXSize=\"300\""
                + " rasterYSize=\"200\">" + bands + "</VRTDataset>");
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result cut = ProjectCommandTest.project("tile", dir.toString(), "--raster", scene.toString(),
                "--tile-size", "128", "--overlap", "16");

        assertEquals(0, cut.exit(), cut.err());
        assertTrue(cut.err().contains("band 4 as near-infrared, as scene.vrt names them"), cut.err());
        Project project = Project.open(dir);
        assertEquals(6, project.tiles().size());
        Tile first = project.tile("scene_r0_c0").orElseThrow();
        assertTrue(Files.exists(project.nearInfraredFile(first)));
        assertTrue(project.georeferencing(first).isPresent(), "the band files' place on the map");
    }

    /**
     * A Sentinel-2 scene's JPEG 2000 band files (here an Elwha frame's colours, 16-bit, placed by a GMLJP2 box alone,
     * as Sentinel-2's are) stacked by a virtual raster are cut, each file decoded whole first, which stderr says.
     */
    @Test
    void tileCutsJpeg2000BandFilesAndSaysWhatItDecodes() throws IOException {
        OpenCvLibrary.ensureLoaded();
        Mat frame = Imgcodecs.imread(Fixtures.shared().resolve("data/elwha-airborne/airborne_1.png").toString(),
                Imgcodecs.IMREAD_UNCHANGED);
        List<Mat> colours = new ArrayList<>();
        Core.split(frame, colours); // blue, green, red
        byte[] gml = Jp2Files.gml("<gml:FeatureCollection xmlns:gml=\"http://www.opengis.net/gml\"><gml:featureMember>"
                + "<gml:RectifiedGrid dimension=\"2\"><gml:origin><gml:Point srsName=\"urn:ogc:def:crs:EPSG::32610\">"
                + "<gml:pos>399965 5300035</gml:pos></gml:Point></gml:origin><gml:offsetVector>10 0</gml:offsetVector>"
                + "<gml:offsetVector>0 -10</gml:offsetVector></gml:RectifiedGrid></gml:featureMember>"
                + "</gml:FeatureCollection>");
        String bands = "";
        for (String name : List.of("B04:2", "B03:1", "B02:0")) {
            String file = name.split(":")[0] + ".jp2";
            Mat band = new Mat();
            colours.get(Integer.parseInt(name.split(":")[1])).convertTo(band, CvType.CV_16U, 256, 3);
            Jp2Files.spliced(Jp2Files.write(temp.resolve("plain-" + file), band), temp.resolve(file), List.of(), gml);
            bands += "<VRTRasterBand dataType=\"UInt16\"><SimpleSource><SourceFilename relativeToVRT=\"1\">" + file
                    + "</SourceFilename><SourceBand>1</SourceBand></SimpleSource></VRTRasterBand>";
        }
        Path scene = Files.writeString(temp.resolve("scene.vrt"), "<VRTDataset rasterXSize=\"480\""
                + " rasterYSize=\"640\">" + bands + "</VRTDataset>");
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result cut = ProjectCommandTest.project("tile", dir.toString(), "--raster", scene.toString(),
                "--tile-size", "256", "--overlap", "32");

        assertEquals(0, cut.exit(), cut.err());
        List<String> lines = cut.err().lines().toList();
        for (String band : List.of("B04", "B03", "B02")) {
            String decoding = "decoding " + band + ".jp2 whole (JPEG 2000, 480 x 640 pixels, 1 component of 16-bit"
                    + " samples)...";
            int said = lines.indexOf(decoding);
            assertTrue(said >= 0, cut.err());
            assertTrue(lines.get(said + 1).matches(Pattern.quote(decoding) + " \\d+\\.\\d s"),
                    cut.err());
        }
        Project project = Project.open(dir);
        assertEquals(6, project.tiles().size());
        assertEquals(399960, project.rasters().get(0).georeferencing().flatMap(Georeferencing::pixelToMap)
                .orElseThrow().x0(), 1e-9, "placed by the band files' GML");
    }

    /**
     * A folder mixing a stack stored blue, green, red (and named so) with an RGB picture: each image takes its bands
     * from its own names, so the picture keeps its colours; bands typed apply to every image.
     */
    @Test
    void createTakesEachImagesOwnNames() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        namedStack(images.resolve("scene.tif"));
        BufferedImage photo = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                photo.setRGB(x, y, 200 << 16 | 100 << 8 | 50);
            }
        }
        ImageIO.write(photo, "png", images.resolve("photo.png").toFile());

        EmbedCommandTest.Result created = ProjectCommandTest.project("create", temp.resolve("named").toString(),
                "--images", images.toString());

        assertEquals(0, created.exit(), created.err());
        assertTrue(created.err().contains("as scene.tif names them (1 Blue, 2 Green, 3 Red, 4 NIR), and for each"
                + " image as its own names say"), created.err());
        Project named = Project.open(temp.resolve("named"));
        BufferedImage kept = ImageIO.read(named.tile("photo").orElseThrow().image().toFile());
        assertEquals(200 << 16 | 100 << 8 | 50, kept.getRGB(5, 5) & 0xffffff, "red stays red");
        assertTrue(Files.notExists(named.nearInfraredFile(named.tile("photo").orElseThrow())),
                "the picture names no near-infrared band");
        Tile scene = named.tile("scene").orElseThrow();
        assertTrue(Files.exists(named.nearInfraredFile(scene)));
        BufferedImage sceneTile = ImageIO.read(scene.image().toFile());
        assertTrue((sceneTile.getRGB(0, 100) >> 16 & 0xff) > (sceneTile.getRGB(0, 0) >> 16 & 0xff),
                "red is the band growing down");

        EmbedCommandTest.Result typed = ProjectCommandTest.project("create", temp.resolve("typed").toString(),
                "--images", images.toString(), "--bands", "3,2,1");
        assertEquals(0, typed.exit(), typed.err());
        Project swapped = Project.open(temp.resolve("typed"));
        BufferedImage asTyped = ImageIO.read(swapped.tile("photo").orElseThrow().image().toFile());
        assertEquals(50 << 16 | 100 << 8 | 200, asTyped.getRGB(5, 5) & 0xffffff, "bands typed are for all");
    }

    @Test
    void createCountsTheImagesThatHeldNoData() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        TestRasters.tiff(images.resolve("edge.tif"), TestRasters.raster(32, 32, 3, 16, (x, y, b) -> 0), 0,
                TestRasters.georeferencing()); // nodata 0
        TestRasters.tiff(images.resolve("river.tif"), TestRasters.raster(32, 32, 3, 16, (x, y, b) -> 3000 + x), 0,
                TestRasters.georeferencing());

        EmbedCommandTest.Result created = ProjectCommandTest.project("create", temp.resolve("project").toString(),
                "--images", images.toString());

        assertEquals(0, created.exit(), created.err());
        assertEquals(1, created.json().path("tiles").asInt());
        assertEquals(1, created.json().path("empty").asInt());
        assertTrue(created.err().contains("1 image held no data") && created.err().contains("edge.tif"),
                created.err());
    }

    @Test
    void tileWithAMaskLabelsEveryTileAndAClassWithoutAMaskIsAUsageError() throws IOException {
        Path raster = raster();
        Path mask = TestRasters.tiff(temp.resolve("river.tif"), TestRasters.raster(200, 120, 1, 8,
                (x, y, b) -> y >= 50 && y < 70 ? 255 : 0), 0, TestRasters.georeferencing());
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result tiled = ProjectCommandTest.project("tile", dir.toString(), "--raster",
                raster.toString(), "--tile-size", "64", "--overlap", "16", "--mask", mask.toString());

        assertEquals(0, tiled.exit(), tiled.err());
        assertEquals(tiled.json().path("tiles").asInt(), tiled.json().path("labelled").asInt());
        Project project = Project.open(dir);
        assertTrue(project.tiles().stream().allMatch(t -> project.status(t) == LabelStatus.IMPORTED));

        EmbedCommandTest.Result classOnly = ProjectCommandTest.project("tile", temp.resolve("other").toString(),
                "--raster", raster.toString(), "--class-index", "1");
        assertEquals(2, classOnly.exit());
        assertTrue(classOnly.err().contains("give the mask too"), classOnly.err());
    }

    @Test
    void tileWithANearInfraredRasterCutsItAlongAndABandOfBothIsAUsageError() throws IOException {
        Path raster = raster();
        Path nir = TestRasters.tiff(temp.resolve("ortho_nir.tif"), TestRasters.raster(100, 60, 1, 16,
                (x, y, b) -> 3000 + x), 0, TestRasters.georeferencing(1.0, 500000, 4000000, 32610));
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result tiled = ProjectCommandTest.project("tile", dir.toString(), "--raster",
                raster.toString(), "--tile-size", "64", "--overlap", "16", "--nir", nir.toString());

        assertEquals(0, tiled.exit(), tiled.err());
        assertEquals("map", tiled.json().path("nir_fit").asText());
        assertEquals(0, tiled.json().get("resumed").asInt(), "a fresh cut");
        Project project = Project.open(dir);
        assertTrue(project.tiles().stream().allMatch(t -> Files.exists(project.nearInfraredFile(t))));

        EmbedCommandTest.Result both = ProjectCommandTest.project("tile", temp.resolve("other").toString(),
                "--raster", raster.toString(), "--nir-band", "4", "--nir", nir.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("give one of them"), both.err());
    }

    @Test
    void removeRasterTakesARastersTilesOutAndSaysWhere() throws IOException {
        Path dir = temp.resolve("project");
        EmbedCommandTest.Result tiled = ProjectCommandTest.project("tile", dir.toString(), "--raster",
                raster().toString(), "--tile-size", "64", "--overlap", "16");
        assertEquals(0, tiled.exit(), tiled.err());

        EmbedCommandTest.Result removed = ProjectCommandTest.project("remove-raster", dir.toString(), "ortho");

        assertEquals(0, removed.exit(), removed.err());
        assertEquals("ortho", removed.json().path("raster").asText());
        assertEquals(12, removed.json().path("removed").size());
        assertTrue(Files.isDirectory(Path.of(removed.json().path("trash").get(0).asText())));
        assertEquals(0, Project.open(dir).tiles().size());
        EmbedCommandTest.Result unknown = ProjectCommandTest.project("remove-raster", dir.toString(), "ortho");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("has no raster named ortho"), unknown.err());
    }

    @Test
    void benchTilingCutsStitchesAndOpensAndPrintsItsFigures() throws IOException {
        EmbedCommandTest.Result result = EmbedCommandTest.runCapturing("bench", "--tiling", "--raster-size", "1200",
                "--open-tiles", "100");

        assertEquals(0, result.exit(), result.err());
        JsonNode figures = result.json();
        assertEquals(4, figures.path("tiling_tiles").asInt(), "2 x 2 tiles of 1024 over 1200 pixels");
        assertEquals(0, figures.path("stitch_wrong_pixels").asInt(), "the stitched mask is the river labelled");
        assertEquals(0, figures.path("outline_pixels_differ").asInt(), "the outlines hold the river's pixels");
        assertTrue(figures.path("outline_polygons").asInt() > 0, figures.toString());
        assertEquals(0, figures.path("fill_back_changed").asInt(), "the outlines fill back to the labels");
        assertTrue(figures.path("fill_back_unchanged").asInt() > 0, figures.toString());
        assertEquals(100, figures.path("open_tiles").asInt());
        assertTrue(figures.path("tiling_peak_rss_mb").asInt() != 0, figures.toString());
    }

    @Test
    void createWithABandOutOfRangeReportsTheFileAndExitsOne() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Files.copy(raster(), images.resolve("scene.tif"));

        EmbedCommandTest.Result result = ProjectCommandTest.project("create", temp.resolve("project").toString(),
                "--images", images.toString(), "--bands", "4,3,9");

        assertEquals(1, result.exit(), "nothing was imported");
        assertTrue(result.err().contains("scene.tif") && result.err().contains("band 9"), result.err());
    }

    @Test
    void malformedBandsAndTwoNearInfraredSourcesAreUsageErrors() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        for (List<String> args : List.of(List.of("--bands", "3,2"), List.of("--bands", "a,b,c"),
                List.of("--nir-band", "4", "--nir", images.toString()))) {
            String[] all = new String[4 + args.size()];
            all[0] = "create";
            all[1] = temp.resolve("project").toString();
            all[2] = "--images";
            all[3] = images.toString();
            for (int i = 0; i < args.size(); i++) {
                all[4 + i] = args.get(i);
            }

            EmbedCommandTest.Result result = ProjectCommandTest.project(all);

            assertNotEquals(0, result.exit(), args.toString());
            assertTrue(result.err().contains(args.get(0)) || result.err().contains("--nir"), result.err());
        }
        assertTrue(Files.notExists(temp.resolve("project")), "a usage error changes nothing");
    }
}
