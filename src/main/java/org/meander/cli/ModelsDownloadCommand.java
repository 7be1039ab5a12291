package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.meander.weights.hub.HubRepo;
import org.meander.weights.hub.ModelDownloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander models download REPO}: fetch a model from the hub into the models folder. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download a SAM model from the Hugging Face hub (resumes an interrupted download);"
                + " prints one JSON line with its folder.")
final class ModelsDownloadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REPO", description = "the model's hub id, e.g. facebook/sam-vit-base")
    String repo;

    @Override
    public Integer call() throws IOException {
        HubRepo hubRepo = HubRepo.parse(repo);
        ModelDownloader downloader = ModelDownloader.standard();
        long start = System.nanoTime();
        DownloadProgressLine line = new DownloadProgressLine(System.err);
        Path folder;
        try {
            folder = downloader.download(hubRepo, line::show, () -> false);
        } finally {
            line.finish();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("repo", hubRepo.toString());
        result.put("path", folder.toString());
        result.put("megabytes", Math.round(folderBytes(folder) / 1e5) / 10.0);
        result.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
