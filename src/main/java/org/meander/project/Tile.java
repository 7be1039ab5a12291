package org.meander.project;

import java.nio.file.Path;

/**
 * One image of a project. {@code name} is the image's file name without its extension; {@code label} is where its
 * label lives ({@code labels/<name>.png}), whether or not that file exists yet.
 */
public record Tile(String name, Path image, Path label) {
}
