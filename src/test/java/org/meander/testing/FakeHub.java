package org.meander.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Hugging Face hub on loopback, in the hub's own URL layout: {@code /api/models/<repo>?blobs=true} lists a
 * repository's files with sizes, Git blob ids and LFS SHA-256s; {@code /<repo>/resolve/<revision>/<file>} serves a
 * small file with its blob id as ETag, and redirects an LFS file (the weights) to {@code /cdn/<sha256>} with
 * X-Linked-Etag and X-Linked-Size, as the hub does; the CDN answers Range requests with 206. Faults on request:
 * a transfer cut off mid-file, a transfer that stalls, corrupt bytes, Range ignored.
 */
public final class FakeHub implements AutoCloseable {

    /** One request as the server saw it: its path and its Range header (null without one). */
    public record Request(String path, String range) {
    }

    private static final Pattern API = Pattern.compile("/api/models/([^/]+/[^/]+)");
    private static final Pattern RESOLVE = Pattern.compile("/([^/]+/[^/]+)/resolve/([^/]+)/(.+)");
    private static final Pattern CDN = Pattern.compile("/cdn/([0-9a-f]{64})");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Map<String, Map<String, byte[]>> repos = new ConcurrentHashMap<>();
    private final Map<String, String> revisions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> lfsBySha = new ConcurrentHashMap<>();
    private final Map<String, String> nameBySha = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private volatile boolean ignoreRanges;

    /** What goes wrong with the next {@code times} transfers of a file. */
    private record Fault(long afterBytes, Duration stall, AtomicInteger times, boolean corrupt) {
    }

    private FakeHub(HttpServer server) {
        this.server = server;
    }

    public static FakeHub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeHub hub = new FakeHub(server);
        server.createContext("/", hub::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-hub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return hub;
    }

    /** A loopback address where nothing listens: connecting is refused, as offline. */
    public static URI refusingUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves a repository; files named *.safetensors, *.bin or *.h5 are LFS files, as on the hub. */
    public void serve(String repo, Map<String, byte[]> files) {
        repos.put(repo, new LinkedHashMap<>(files));
        revisions.put(repo, hex("SHA-1", (repo + files.keySet()).getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, bytes) -> {
            if (isLfs(name)) {
                String sha = hex("SHA-256", bytes);
                lfsBySha.put(sha, bytes);
                nameBySha.put(sha, name);
            }
        });
    }

    /** The next commit of a repository: same files, another revision id. */
    public void newRevision(String repo) {
        revisions.put(repo, hex("SHA-1", (revisions.get(repo) + "next").getBytes(StandardCharsets.UTF_8)));
    }

    /** Every file of a model folder, by name. */
    public static Map<String, byte[]> folder(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path path : paths.sorted().toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    /** The next {@code times} transfers of {@code file} send {@code bytes} bytes and then drop the connection. */
    public void cutAfter(String file, long bytes, int times) {
        faults.put(file, new Fault(bytes, Duration.ZERO, new AtomicInteger(times), false));
    }

    /** The next {@code times} transfers of {@code file} send {@code bytes} bytes and then go quiet for a while. */
    public void stallAfter(String file, long bytes, Duration stall, int times) {
        faults.put(file, new Fault(bytes, stall, new AtomicInteger(times), false));
    }

    /** The next {@code times} transfers of {@code file} have one byte changed (the listing keeps the true hash). */
    public void corrupt(String file, int times) {
        faults.put(file, new Fault(-1, Duration.ZERO, new AtomicInteger(times), true));
    }

    /** Answers Range requests with the whole file (200), as some proxies do. */
    public void ignoreRanges(boolean ignore) {
        ignoreRanges = ignore;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The Range headers of the requests that fetched {@code file}'s bytes (null for a request without one). */
    public List<String> rangesOf(String file) {
        return requests().stream().filter(r -> fetched(r.path(), file)).map(Request::range).toList();
    }

    private boolean fetched(String path, String file) {
        Matcher cdn = CDN.matcher(path);
        if (cdn.matches()) {
            return file.equals(nameBySha.get(cdn.group(1)));
        }
        return !isLfs(file) && path.contains("/resolve/") && path.endsWith("/" + file);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Range")));
        Matcher m;
        if ((m = API.matcher(path)).matches() && repos.containsKey(m.group(1))) {
            sendJson(exchange, listing(m.group(1)));
        } else if ((m = RESOLVE.matcher(path)).matches() && repos.containsKey(m.group(1))
                && repos.get(m.group(1)).containsKey(m.group(3))) {
            resolve(exchange, m.group(1), m.group(3));
        } else if ((m = CDN.matcher(path)).matches() && lfsBySha.containsKey(m.group(1))) {
            exchange.getResponseHeaders().set("ETag", quoted(m.group(1)));
            sendFile(exchange, nameBySha.get(m.group(1)), lfsBySha.get(m.group(1)));
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    private ObjectNode listing(String repo) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("id", repo).put("sha", revisions.get(repo));
        ArrayNode siblings = root.putArray("siblings");
        repos.get(repo).forEach((name, bytes) -> {
            ObjectNode sibling = siblings.addObject().put("rfilename", name).put("size", bytes.length);
            if (isLfs(name)) {
                sibling.put("blobId", hex("SHA-1", ("pointer " + name).getBytes(StandardCharsets.UTF_8)));
                sibling.putObject("lfs").put("sha256", hex("SHA-256", bytes)).put("size", bytes.length)
                        .put("pointerSize", 134);
            } else {
                sibling.put("blobId", gitBlobId(bytes));
            }
        });
        return root;
    }

    private void resolve(HttpExchange exchange, String repo, String file) throws IOException {
        byte[] bytes = repos.get(repo).get(file);
        exchange.getResponseHeaders().set("X-Repo-Commit", revisions.get(repo));
        if (isLfs(file)) {
            String sha = hex("SHA-256", bytes);
            exchange.getResponseHeaders().set("X-Linked-Etag", quoted(sha));
            exchange.getResponseHeaders().set("X-Linked-Size", Long.toString(bytes.length));
            exchange.getResponseHeaders().set("ETag", quoted(sha));
            exchange.getResponseHeaders().set("Location", "/cdn/" + sha);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("ETag", quoted(gitBlobId(bytes)));
        sendFile(exchange, file, bytes);
    }

    private void sendFile(HttpExchange exchange, String name, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        long start = 0;
        long end = bytes.length - 1;
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher m = range == null || ignoreRanges ? null : RANGE.matcher(range);
        int status = 200;
        if (m != null && m.matches()) {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? end : Math.min(end, Long.parseLong(m.group(2)));
            if (start >= bytes.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            status = 206;
            exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + bytes.length);
        }
        byte[] body = Arrays.copyOfRange(bytes, (int) start, (int) end + 1);
        Fault fault = faults.get(name);
        boolean faulty = fault != null && fault.times().getAndDecrement() > 0;
        if (faulty && fault.corrupt()) {
            body[body.length / 2] ^= 0x55;
        }
        exchange.sendResponseHeaders(status, body.length);
        OutputStream out = exchange.getResponseBody();
        if (faulty && fault.afterBytes() >= 0 && fault.afterBytes() < body.length) {
            out.write(body, 0, (int) fault.afterBytes());
            out.flush();
            sleep(fault.stall());
            // a handler that throws makes the server drop the connection mid-body
            throw new IOException("fake hub: transfer of " + name + " cut off after " + fault.afterBytes()
                    + " bytes");
        }
        out.write(body);
        exchange.close();
    }

    private static void sendJson(HttpExchange exchange, ObjectNode json) throws IOException {
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static boolean isLfs(String name) {
        return name.endsWith(".safetensors") || name.endsWith(".bin") || name.endsWith(".h5");
    }

    /** Git's id of a blob: the SHA-1 of "blob <size>\0" and the content. */
    public static String gitBlobId(byte[] bytes) {
        byte[] header = ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + bytes.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bytes, 0, all, header.length, bytes.length);
        return hex("SHA-1", all);
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
