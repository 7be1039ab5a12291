package org.meander.weights.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.SamModel;
import org.meander.testing.FakeHub;
import org.meander.testing.Fixtures;
import org.meander.weights.FloatTensor;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SafetensorsWriter;
import org.meander.weights.SamLoader;
import org.meander.weights.TensorDtype;
import org.meander.weights.WeightsException;
import org.meander.weights.hub.DownloadProgress.Step;

/**
 * Model downloads against a hub on loopback that serves the tiny fixture model in the hub's URL layout, faults
 * included: transfers cut off or stalled mid-file resume with a Range request, corrupt files are refused, an
 * unreachable hub says so. What arrives loads with {@link SamLoader}.
 */
class ModelDownloaderTest {

    private static final String REPO = "test/sam-tiny";
    private static final String WEIGHTS = "model.safetensors";
    private static final Path TINY = Fixtures.model("tiny");
    /** No waiting between attempts, and a stall noticed within a second. */
    private static final DownloadPolicy QUICK = new DownloadPolicy(3, Duration.ofSeconds(1), Duration.ZERO);

    @TempDir
    Path models;

    private FakeHub hub;
    private ModelStore store;
    private final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveTheTinyModel() throws IOException {
        hub = FakeHub.start();
        Map<String, byte[]> files = FakeHub.folder(TINY);
        files.put("preprocessor_config.json", "{\"do_resize\": true}".getBytes(StandardCharsets.UTF_8));
        files.put("pytorch_model.bin", new byte[1000]); // the same weights in another format: not fetched
        files.put("README.md", "# tiny".getBytes(StandardCharsets.UTF_8));
        hub.serve(REPO, files);
        store = new ModelStore(models);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Path download(DownloadPolicy policy) throws IOException {
        return download(policy, () -> false);
    }

    private Path download(DownloadPolicy policy, BooleanSupplier cancelled) throws IOException {
        ModelDownloader downloader = new ModelDownloader(new Hub(hub.url()), store, policy);
        return downloader.download(HubRepo.parse(REPO), progress::add, cancelled);
    }

    @Test
    void downloadsTheModelFilesWhichThenLoad() throws Exception {
        Path folder = download(QUICK);

        assertEquals(models.resolve("test").resolve("sam-tiny"), folder);
        assertEquals(List.of("config.json", WEIGHTS, "preprocessor_config.json"), listing(folder),
                "the config, the preprocessor's config and the safetensors weights; no other format, no README");
        assertArrayEquals(Files.readAllBytes(TINY.resolve(WEIGHTS)), Files.readAllBytes(folder.resolve(WEIGHTS)));
        try (SamModel model = SamLoader.load(folder)) {
            assertTrue(model.encoderFingerprint().length() > 0);
        }
        assertTrue(store.isInstalled(HubRepo.parse(REPO)));
        assertEquals(List.of(HubRepo.parse(REPO)), store.installed());
        assertEquals(List.of("sam-tiny"), listing(models.resolve("test")), "no download folder or lock left");

        DownloadProgress last = progress.get(progress.size() - 1);
        long total = Files.size(TINY.resolve("config.json")) + Files.size(TINY.resolve(WEIGHTS)) + 19;
        assertEquals(total, last.total());
        assertEquals(total, last.done());
        assertTrue(progress.stream().anyMatch(p -> p.step() == Step.VERIFYING && WEIGHTS.equals(p.file())));
        assertEquals(List.of(), hub.rangesOf("pytorch_model.bin"));
    }

    @Test
    void anInstalledModelIsNotFetchedAgain() throws Exception {
        download(QUICK);
        int before = hub.requests().size();
        download(QUICK);
        assertEquals(before, hub.requests().size());
    }

    @Test
    void aTransferCutOffMidFileResumesWithARangeRequest() throws Exception {
        hub.cutAfter(WEIGHTS, 700_000, 1);

        Path folder = download(QUICK);

        assertResumedWithin(700_000, hub.rangesOf(WEIGHTS));
        assertArrayEquals(Files.readAllBytes(TINY.resolve(WEIGHTS)), Files.readAllBytes(folder.resolve(WEIGHTS)));
        SamLoader.load(folder).close();
    }

    @Test
    void aDownloadThatGivesUpIsResumedByTheNextOne() throws Exception {
        hub.cutAfter(WEIGHTS, 500_000, 1);
        DownloadPolicy once = new DownloadPolicy(1, Duration.ofSeconds(5), Duration.ZERO);

        WeightsException stopped = assertThrows(WeightsException.class, () -> download(once));
        assertTrue(stopped.getMessage().matches(".*the download stopped at 0\\.\\d MB of 1\\.8 MB after 1 attempts.*"),
                stopped.getMessage());
        assertTrue(stopped.getMessage().contains("Download again to resume"), stopped.getMessage());
        HubRepo repo = HubRepo.parse(REPO);
        assertFalse(Files.exists(store.folderOf(repo)), "no model folder until the model is complete");
        long part = Files.size(store.stagingOf(repo).resolve(WEIGHTS + ".part"));
        assertTrue(part > 0 && part <= 500_000, "what arrived is kept: " + part);
        assertEquals(part + Files.size(TINY.resolve("config.json")) + 19, store.partialBytes(repo));

        Path folder = download(once);

        assertResumedWithin(500_000, hub.rangesOf(WEIGHTS));
        assertEquals(1, hub.rangesOf("config.json").size(), "a file verified earlier is kept");
        assertArrayEquals(Files.readAllBytes(TINY.resolve(WEIGHTS)), Files.readAllBytes(folder.resolve(WEIGHTS)));
        assertEquals(0, store.partialBytes(repo));
    }

    @Test
    void aStalledTransferIsDroppedAndResumed() throws Exception {
        hub.stallAfter(WEIGHTS, 300_000, Duration.ofSeconds(4), 1);

        Path folder = download(QUICK);

        assertResumedWithin(300_000, hub.rangesOf(WEIGHTS));
        assertArrayEquals(Files.readAllBytes(TINY.resolve(WEIGHTS)), Files.readAllBytes(folder.resolve(WEIGHTS)));
    }

    @Test
    void aServerThatIgnoresRangeSendsTheWholeFileAgain() throws Exception {
        hub.cutAfter(WEIGHTS, 400_000, 1);
        hub.ignoreRanges(true);

        Path folder = download(QUICK);

        assertResumedWithin(400_000, hub.rangesOf(WEIGHTS));
        assertArrayEquals(Files.readAllBytes(TINY.resolve(WEIGHTS)), Files.readAllBytes(folder.resolve(WEIGHTS)));
    }

    @Test
    void aCorruptFileIsRefusedAndNotInstalled() throws Exception {
        hub.corrupt(WEIGHTS, 1);

        WeightsException corrupt = assertThrows(WeightsException.class, () -> download(QUICK));

        String message = corrupt.getMessage();
        assertTrue(message.startsWith(WEIGHTS + ": the file downloaded from " + hub.url()), message);
        assertTrue(message.contains("is corrupt: its sha256 is"), message);
        assertTrue(message.contains("discarded, not installed"), message);
        HubRepo repo = HubRepo.parse(REPO);
        assertFalse(store.isInstalled(repo));
        assertFalse(Files.exists(store.stagingOf(repo).resolve(WEIGHTS)), "the corrupt file is not kept");
        assertFalse(Files.exists(store.stagingOf(repo).resolve(WEIGHTS + ".part")), "nor resumed from");

        Path folder = download(QUICK);
        assertArrayEquals(Files.readAllBytes(TINY.resolve(WEIGHTS)), Files.readAllBytes(folder.resolve(WEIGHTS)));
    }

    @Test
    void aCorruptSmallFileIsCaughtByItsGitBlobId() throws Exception {
        hub.corrupt("config.json", 1);

        WeightsException corrupt = assertThrows(WeightsException.class, () -> download(QUICK));

        assertTrue(corrupt.getMessage().startsWith("config.json: "), corrupt.getMessage());
        assertTrue(corrupt.getMessage().contains("its git blob id is"), corrupt.getMessage());
    }

    @Test
    void anUnreachableHubSaysThisComputerSeemsOffline() throws Exception {
        ModelDownloader downloader = new ModelDownloader(new Hub(FakeHub.refusingUrl()), store, QUICK);

        HubUnreachableException offline = assertThrows(HubUnreachableException.class,
                () -> downloader.download(HubRepo.parse(REPO), p -> { }, () -> false));

        String message = offline.getMessage();
        assertTrue(message.startsWith("Cannot reach the Hugging Face hub at http://127.0.0.1:"), message);
        assertTrue(message.contains("connection was refused"), message);
        assertTrue(message.contains("seems to be offline"), message);
        assertTrue(message.contains("choose a local folder"), message);
        assertFalse(Files.exists(models.resolve("test")), "nothing written");
    }

    @Test
    void aHubThatGoesAwayMidDownloadSaysOfflineAndKeepsThePart() throws Exception {
        hub.cutAfter(WEIGHTS, 600_000, 1);
        DownloadPolicy once = new DownloadPolicy(1, Duration.ofSeconds(5), Duration.ZERO);
        assertThrows(WeightsException.class, () -> download(once));
        hub.close();

        HubUnreachableException offline = assertThrows(HubUnreachableException.class, () -> download(once));
        assertTrue(offline.getMessage().contains("seems to be offline"), offline.getMessage());
        long part = Files.size(store.stagingOf(HubRepo.parse(REPO)).resolve(WEIGHTS + ".part"));
        assertTrue(part > 0 && part <= 600_000, "what arrived is kept: " + part);
    }

    @Test
    void anUnknownRepositoryIsNamed() {
        ModelDownloader downloader = new ModelDownloader(new Hub(hub.url()), store, QUICK);
        WeightsException missing = assertThrows(WeightsException.class,
                () -> downloader.download(HubRepo.parse("test/no-such-model"), p -> { }, () -> false));
        assertTrue(missing.getMessage().contains("the hub has no model test/no-such-model (HTTP 404)"),
                missing.getMessage());
    }

    @Test
    void aRepositoryWithoutSafetensorsIsRefusedBeforeAnyDownload() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", Files.readAllBytes(TINY.resolve("config.json")));
        files.put("pytorch_model.bin", new byte[100]);
        hub.serve("test/old-format", files);
        ModelDownloader downloader = new ModelDownloader(new Hub(hub.url()), store, QUICK);

        WeightsException refused = assertThrows(WeightsException.class,
                () -> downloader.download(HubRepo.parse("test/old-format"), p -> { }, () -> false));

        assertTrue(refused.getMessage().contains("reads safetensors only"), refused.getMessage());
        assertFalse(Files.exists(store.stagingOf(HubRepo.parse("test/old-format"))));
    }

    @Test
    void aRepositoryThatIsNotSamIsRemovedAfterDownload() throws Exception {
        Map<String, byte[]> files = FakeHub.folder(TINY);
        files.put("config.json", "{\"model_type\": \"bert\"}".getBytes(StandardCharsets.UTF_8));
        hub.serve("test/bert", files);
        ModelDownloader downloader = new ModelDownloader(new Hub(hub.url()), store, QUICK);

        WeightsException refused = assertThrows(WeightsException.class,
                () -> downloader.download(HubRepo.parse("test/bert"), p -> { }, () -> false));

        assertTrue(refused.getMessage().contains("is not a SAM model Meander can use"), refused.getMessage());
        assertTrue(refused.getMessage().contains("model_type is \"bert\""), refused.getMessage());
        assertEquals(List.of(), listing(models.resolve("test")));
    }

    @Test
    void aShardedCheckpointIsFetchedThroughItsIndex(@TempDir Path sharded) throws Exception {
        Map<String, byte[]> files = shardTinyModel(sharded);
        hub.serve("test/sam-tiny-sharded", files);
        ModelDownloader downloader = new ModelDownloader(new Hub(hub.url()), store, QUICK);

        Path folder = downloader.download(HubRepo.parse("test/sam-tiny-sharded"), progress::add, () -> false);

        assertEquals(List.of("config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
                "model.safetensors.index.json"), listing(folder));
        SamLoader.load(folder).close();
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        assertEquals(total, progress.get(progress.size() - 1).done());
    }

    @Test
    void aPartialDownloadOfAnEarlierRevisionIsDiscarded() throws Exception {
        hub.cutAfter(WEIGHTS, 500_000, 1);
        DownloadPolicy once = new DownloadPolicy(1, Duration.ofSeconds(5), Duration.ZERO);
        assertThrows(WeightsException.class, () -> download(once));
        hub.newRevision(REPO);

        download(once);

        assertEquals(Arrays.asList(null, null), hub.rangesOf(WEIGHTS), "the new revision is fetched whole");
        assertEquals(2, hub.rangesOf("config.json").size());
    }

    @Test
    void cancellingStopsAndKeepsWhatArrived() throws Exception {
        hub.stallAfter(WEIGHTS, 200_000, Duration.ofSeconds(3), 1);
        AtomicBoolean cancel = new AtomicBoolean();
        DownloadPolicy patient = new DownloadPolicy(3, Duration.ofSeconds(30), Duration.ZERO);

        long before = Files.size(TINY.resolve("config.json")) + 19;
        assertThrows(CancellationException.class, () -> download(patient, () -> {
            if (progress.stream().anyMatch(p -> p.done() >= before + 200_000)) {
                cancel.set(true);
            }
            return cancel.get();
        }));

        Path part = store.stagingOf(HubRepo.parse(REPO)).resolve(WEIGHTS + ".part");
        assertEquals(200_000, Files.size(part), "the part stays for the next download to resume");
    }

    @Test
    void hubIdsAreParsedFromNamesAndPageAddresses() {
        assertEquals(new HubRepo("facebook", "sam-vit-base"), HubRepo.parse(" facebook/sam-vit-base "));
        assertEquals(new HubRepo("nielsr", "slimsam-50-uniform"),
                HubRepo.parse("https://huggingface.co/nielsr/slimsam-50-uniform"));
        for (String bad : new String[] {"sam-vit-base", "a/b/c", "../x", "facebook/..", "", "a/.hidden"}) {
            assertThrows(IllegalArgumentException.class, () -> HubRepo.parse(bad), bad);
        }
        assertNull(System.getProperty(Hub.URL_PROPERTY), "tests never reach the real hub by default");
    }

    /**
     * The first transfer had no Range; the second asked for the rest from what the first left on disk (the bytes
     * in flight when the connection dropped may be lost, so that is at most the bytes the server sent).
     */
    private static void assertResumedWithin(long sent, List<String> ranges) {
        assertEquals(2, ranges.size(), "two transfers: " + ranges);
        assertNull(ranges.get(0));
        Matcher m = Pattern.compile("bytes=(\\d+)-").matcher(ranges.get(1));
        assertTrue(m.matches(), ranges.get(1));
        long from = Long.parseLong(m.group(1));
        assertTrue(from > 0 && from <= sent, "resumed from " + from + " after " + sent + " bytes were sent");
    }

    /** The tiny model split into two shards with an index, as save_pretrained writes large models. */
    private static Map<String, byte[]> shardTinyModel(Path dir) throws IOException {
        Map<String, FloatTensor> first = new TreeMap<>();
        Map<String, FloatTensor> second = new TreeMap<>();
        StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
        try (SafetensorsFile whole = SafetensorsFile.open(TINY.resolve(WEIGHTS))) {
            for (String name : whole.names()) {
                boolean vision = name.startsWith("vision_encoder.");
                (vision ? first : second).put(name, new FloatTensor(whole.info(name).shape(), whole.readFloats(name)));
                index.append(index.charAt(index.length() - 1) == '{' ? "" : ", ").append('"').append(name)
                        .append("\": \"model-0000").append(vision ? 1 : 2).append("-of-00002.safetensors\"");
            }
        }
        SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), first, Map.of(), TensorDtype.F32);
        SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), second, Map.of(), TensorDtype.F32);
        Files.writeString(dir.resolve("model.safetensors.index.json"), index.append("}}").toString());
        Files.copy(TINY.resolve("config.json"), dir.resolve("config.json"));
        return FakeHub.folder(dir);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
