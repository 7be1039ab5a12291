package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.EncodingProgress;
import org.meander.embed.EncodingQueue;
import org.meander.embed.SamTileEncoder;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.sam.SamModel;
import org.meander.weights.SamLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./meander embed}: precompute the embeddings of every tile of a project. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Compute and cache the image embedding of every tile of a project (DIR/tiles/*).")
final class EmbedCommand implements Callable<Integer> {

    @Mixin
    ProjectFolder projectFolder;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Hugging Face SAM folder")
    Path model;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path project = projectFolder.required();
        List<Path> tiles = Project.open(project).tiles().stream().map(Tile::image).toList();
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(System.err);
        try (SamModel sam = SamLoader.load(model);
             EncodingQueue queue = new EncodingQueue(new SamTileEncoder(sam),
                     new EmbeddingCache(project, sam.encoderFingerprint(), 256L << 20))) {
            queue.addListener(bar::show);
            queue.submit(tiles);
            queue.awaitIdle();
            EncodingProgress end = queue.progress();
            // the worker announces its last tile after awaitIdle may return: draw the end state ourselves
            bar.show(end);
            bar.finish();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tiles", tiles.size());
            result.put("encoded", end.encoded());
            result.put("from_cache", end.fromCache());
            if (end.failed() > 0) {
                result.put("failed", end.failed());
            }
            // computing embeddings to keep them is this command's purpose: held in memory only, they are lost
            if (end.notStored() > 0) {
                result.put("not_stored", end.notStored());
            }
            if (end.failed() + end.notStored() > 0) {
                result.put("last_error", end.lastError());
            }
            result.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
            System.out.println(new ObjectMapper().writeValueAsString(result));
            return end.failed() + end.notStored() > 0 ? 1 : 0;
        }
    }
}
