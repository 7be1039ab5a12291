package org.meander.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.meander.weights.JsonProblem;

/**
 * A change of a tile that moves its files, one at a time, and its entries in meander.json: a rename, a removal to the
 * trash, a restore from it. It is recorded in the project's {@code .meander-tile-change.json} before the first file
 * moves and forgotten once meander.json says it, all under the project's lock: a program killed part way leaves the
 * record, and whoever next opens the project finishes the change ({@link #finishInterrupted}), so that no tile is
 * left with its files in two places or its entries lost.
 *
 * @param trash the removed tile's trash folder, relative to the project; "" for a rename
 * @param moves each file's move, relative to the project
 */
record TileChange(Kind kind, String tile, String newName, String trash, List<Move> moves) {

    static final String FILE_NAME = ".meander-tile-change.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind { RENAME, REMOVE, RESTORE }

    /** A file's move, both paths relative to the project, with '/' between names. */
    record Move(String from, String to) {
    }

    /** The folders a tile's files live in; a record naming anything else is not one Meander wrote. */
    private static final List<String> TILE_FOLDERS = List.of("tiles", "labels", "nir", "trash");

    /**
     * @throws IllegalArgumentException when a path leaves the tile's folders of the project (absolute, with "..",
     *                                  or elsewhere), or a trash folder is not one of {@code trash/}: a record
     *                                  read from a project received from elsewhere must not move other files
     */
    TileChange {
        moves = List.copyOf(moves);
        for (Move move : moves) {
            requireTileFile(move.from());
            requireTileFile(move.to());
        }
        Path folder = Path.of(trash);
        if (kind == Kind.RENAME ? !trash.isEmpty() : !isInTileFolders(folder) || folder.getNameCount() != 2
                || !folder.startsWith("trash")) {
            throw new IllegalArgumentException("trash folder \"" + trash + "\": a removal's or restore's is"
                    + " trash/<folder>, a rename has none");
        }
    }

    private static void requireTileFile(String path) {
        if (!isInTileFolders(Path.of(path))) {
            throw new IllegalArgumentException("\"" + path + "\" is not a place for a tile's file (in the project's"
                    + " tiles/, labels/, nir/ or trash/)");
        }
    }

    private static boolean isInTileFolders(Path relative) {
        return !relative.isAbsolute() && relative.normalize().equals(relative) && relative.getNameCount() > 1
                && TILE_FOLDERS.contains(relative.getName(0).toString());
    }

    static TileChange rename(String tile, String newName, List<Path> files, List<Path> renamed) {
        return new TileChange(Kind.RENAME, tile, newName, "", moves(files, renamed));
    }

    /** Its files move from the project to the same places in {@code trash}, a folder of the project. */
    static TileChange remove(String tile, Path trash, List<Path> files) {
        return new TileChange(Kind.REMOVE, tile, "", slashed(trash), moves(files, inside(trash, files)));
    }

    /** Its files move from {@code trash}, a folder of the project, to the same places in the project. */
    static TileChange restore(String tile, Path trash, List<Path> files) {
        return new TileChange(Kind.RESTORE, tile, "", slashed(trash), moves(inside(trash, files), files));
    }

    private static List<Move> moves(List<Path> from, List<Path> to) {
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            moves.add(new Move(slashed(from.get(i)), slashed(to.get(i))));
        }
        return moves;
    }

    private static List<Path> inside(Path folder, List<Path> files) {
        return files.stream().map(folder::resolve).toList();
    }

    /**
     * Finishes a change its program did not, if there is one: a program holds the project's lock from recording a
     * change to forgetting it, so a record found holding the lock is one whose program died.
     */
    static void finishInterrupted(Path directory) throws IOException {
        if (!Files.exists(directory.resolve(FILE_NAME))) {
            return;
        }
        ProjectLock.holding(directory, () -> {
            Optional<TileChange> change = read(directory);
            if (change.isPresent()) {
                change.get().prepare(directory);
                change.get().finishMoves(directory);
                ProjectManifest.update(directory, change.get().manifestChange(directory));
                change.get().finish(directory);
            }
            return null;
        });
    }

    /** Records the change, before its first file moves. */
    void record(Path directory) throws IOException {
        AtomicBytes.write(directory.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }

    /** Makes what the moves need first: a removal's trash folder, holding a copy of the tile's entries. */
    void prepare(Path directory) throws IOException {
        Path folder = directory.resolve(trash);
        if (kind == Kind.REMOVE && !Files.exists(folder.resolve(ProjectManifest.FILE_NAME))) {
            Files.createDirectories(folder);
            ProjectManifest.read(directory).onlyTile(tile).write(folder);
        }
    }

    /**
     * Moves the files, each a rename. A file in the way stops it, and so does a move that fails: those done are moved
     * back, so the tile keeps its files in one place.
     */
    void moveFiles(Path directory) throws IOException {
        int done = 0;
        try {
            for (Move move : moves) {
                Path to = directory.resolve(move.to());
                if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(to + " exists already; move it aside and try again");
                }
                Files.createDirectories(to.getParent());
                Files.move(directory.resolve(move.from()), to);
                done++;
            }
        } catch (IOException e) {
            moveBack(directory, done, e);
            throw e;
        }
    }

    /** Moves the first {@code count} files back; what cannot be moved back is added to {@code failure}. */
    void moveBack(Path directory, int count, IOException failure) {
        for (int i = count - 1; i >= 0; i--) {
            try {
                Files.move(directory.resolve(moves.get(i).to()), directory.resolve(moves.get(i).from()));
            } catch (IOException undoing) {
                failure.addSuppressed(undoing);
            }
        }
    }

    /**
     * Moves the files its program did not: a file already in its new place has moved. One whose old and new places
     * are both taken cannot move, and is named.
     */
    private void finishMoves(Path directory) throws IOException {
        for (Move move : moves) {
            Path from = directory.resolve(move.from());
            Path to = directory.resolve(move.to());
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue; // moved before the program died
            }
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(directory.resolve(FILE_NAME) + ": finishing the " + describe() + ", " + from
                        + " cannot move to " + to + ", which exists; move one of them aside and open the project"
                        + " again");
            }
            Files.createDirectories(to.getParent());
            Files.move(from, to);
        }
    }

    /** What meander.json says once the change is made; a restore reads the entries its trash folder keeps. */
    UnaryOperator<ProjectManifest> manifestChange(Path directory) throws IOException {
        return switch (kind) {
            case RENAME -> m -> m.withTileRenamed(tile, newName);
            case REMOVE -> m -> m.withoutTile(tile);
            case RESTORE -> {
                Path folder = directory.resolve(trash);
                if (!Files.exists(folder.resolve(ProjectManifest.FILE_NAME))) {
                    yield m -> m; // its entries are back already, and the emptied folder gone
                }
                ProjectManifest entries = ProjectManifest.read(folder);
                yield m -> m.withTileEntriesOf(entries, tile);
            }
        };
    }

    /** Forgets the change once made; a restore's emptied trash folder goes too. */
    void finish(Path directory) throws IOException {
        if (kind == Kind.RESTORE) {
            Trash.discard(directory.resolve(trash)); // a file of its own left there keeps the folder
        }
        forget(directory);
    }

    /** Forgets the change: made, or undone. */
    void forget(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(FILE_NAME));
    }

    private static Optional<TileChange> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TileChange.class));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": the record of a tile's rename, removal or restore that did not finish"
                    + " cannot be read (" + JsonProblem.describe(e) + "); put the tile's files (in tiles/, labels/,"
                    + " nir/ and trash/) together by hand, then delete it", e);
        }
    }

    private String describe() {
        return switch (kind) {
            case RENAME -> "rename of tile " + tile + " to " + newName;
            case REMOVE -> "removal of tile " + tile;
            case RESTORE -> "restore of tile " + tile;
        };
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
