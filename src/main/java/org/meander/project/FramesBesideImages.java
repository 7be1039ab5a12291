package org.meander.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Near-infrared frames kept in the images' own folder, named for the images beside them ({@code airborne_ir_3.png}
 * beside {@code airborne_3.png}, as the Elwha data comes): what an import given that folder as its frames' folder
 * too keeps as near-infrared bands rather than tiles. Imported as tiles, they would be labelled and trained on as
 * river imagery.
 */
public record FramesBesideImages(List<Path> frames) {

    public static final FramesBesideImages NONE = new FramesBesideImages(List.of());

    public FramesBesideImages {
        frames = List.copyOf(frames);
    }

    /** The frames among the folder's images; none when no file there is named for another. */
    public static FramesBesideImages in(Path imagesFolder) throws IOException {
        List<Path> images = ProjectImport.imagesIn(imagesFolder);
        Set<String> stems = new HashSet<>();
        images.forEach(image -> stems.add(NearInfraredFiles.stem(image)));
        NearInfraredFiles named = new NearInfraredFiles(images, stems, true);
        return new FramesBesideImages(images.stream().filter(named::isFrame).toList());
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /** "2 near-infrared frames named for images beside them (airborne_ir_3.png for airborne_3, …): kept as …". */
    public String text() {
        Path first = frames.get(0);
        String example = first.getFileName() + " for " + NearInfraredFiles.imageStemOf(first)
                + (frames.size() > 1 ? ", …" : "");
        return frames.size() + (frames.size() == 1 ? " near-infrared frame" : " near-infrared frames")
                + " named for images beside them (" + example + "): kept as those images' near-infrared bands,"
                + " not imported as tiles";
    }
}
