package org.meander.project.hf;

/**
 * One value of a {@code datasets} Image feature as it is stored in parquet: a struct of the encoded file's
 * {@code bytes} and the {@code path} it came from. Either may be null: {@code datasets} stores an image made in
 * memory without a path, and one it can reload from a path without its bytes. The array is shared, not copied.
 */
public record HfImage(byte[] bytes, String path) {
}
