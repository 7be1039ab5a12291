package org.meander.weights.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.meander.weights.WeightsException;

/**
 * The Hugging Face hub's HTTP interface, as much as a download needs: a repository's file list
 * ({@code /api/models/<repo>?blobs=true}, with sizes and checksums) and its files
 * ({@code /<repo>/resolve/<revision>/<file>}, which redirects large files to a CDN that honours Range requests).
 * The base address is configurable so that tests, mirrors and air-gapped hubs can stand in for huggingface.co.
 */
public final class Hub {

    public static final String DEFAULT_URL = "https://huggingface.co";
    /** Wins over {@link #URL_ENV}. */
    public static final String URL_PROPERTY = "meander.hub.url";
    /** The variable Hugging Face's own tools read, so a mirror set up for them works here too. */
    public static final String URL_ENV = "HF_ENDPOINT";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** Until the response's headers arrive; a stalled body is {@link FileTransfer}'s concern. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;

    public Hub(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** The hub named by {@value #URL_PROPERTY} or {@value #URL_ENV}, else huggingface.co. */
    public static Hub standard() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(URL_ENV);
        }
        return new Hub(URI.create(url == null || url.isBlank() ? DEFAULT_URL : url.strip()));
    }

    public URI base() {
        return base;
    }

    /** The repository's files at the head of its main branch, with the commit they belong to. */
    public HubListing listing(HubRepo repo) throws IOException {
        URI url = URI.create(base + "/api/models/" + repo + "?blobs=true");
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new WeightsException(url + ": the hub answered HTTP " + status + ": " + repo + " is private or"
                    + " gated, and Meander downloads public models only. Download it with Hugging Face's own tools"
                    + " (which take an access token) and choose its folder as a local model.");
        }
        if (status == 404) {
            throw new WeightsException(url + ": the hub has no model " + repo + " (HTTP 404); check the name,"
                    + " written owner/name as on the model's page (e.g. facebook/sam-vit-base).");
        }
        if (status != 200) {
            throw new WeightsException(url + ": the hub answered HTTP " + status + "; try again later.");
        }
        return parseListing(repo, url, response.body());
    }

    /** GETs a file of the repository from {@code offset} on (a Range request when offset is past 0). */
    HttpResponse<InputStream> open(HubRepo repo, String revision, String file, long offset) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(fileUrl(repo, revision, file))
                .timeout(RESPONSE_TIMEOUT).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    URI fileUrl(HubRepo repo, String revision, String file) {
        StringBuilder path = new StringBuilder();
        for (String segment : file.split("/")) {
            // URLEncoder writes form encoding: a space is '+' there but must be %20 in a path
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(base + "/" + repo + "/resolve/" + revision + path);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking " + request.uri());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new HubUnreachableException(request.uri() + ": no answer within "
                    + RESPONSE_TIMEOUT.toSeconds() + " s; the network or the hub is too slow right now: try again,"
                    + " or choose a local folder that holds a SAM model.", e);
        }
    }

    private HubUnreachableException unreachable(IOException e) {
        String reason = e instanceof HttpConnectTimeoutException ? "the connection timed out"
                : nameUnresolved(e) ? "its name does not resolve"
                : "the connection was refused or there is no route to it";
        return new HubUnreachableException("Cannot reach the Hugging Face hub at " + base + " (" + reason
                + "): this computer seems to be offline. Connect to the internet and try again, or choose a local"
                + " folder that holds a SAM model (config.json and model.safetensors).", e);
    }

    /** HttpClient wraps a failed name lookup in one or two ConnectExceptions. */
    private static boolean nameUnresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static HubListing parseListing(HubRepo repo, URI url, byte[] body) throws WeightsException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new WeightsException(url + ": the hub's answer is not JSON (" + e.getMessage() + "); if "
                    + URL_ENV + " or " + URL_PROPERTY + " is set, check that it names a Hugging Face hub.", e);
        }
        JsonNode siblings = root == null ? null : root.get("siblings");
        String revision = root == null ? "" : root.path("sha").asText("");
        if (siblings == null || !siblings.isArray() || revision.isEmpty()) {
            throw new WeightsException(url + ": the hub's answer lists no files (no \"siblings\" or \"sha\"); if "
                    + URL_ENV + " or " + URL_PROPERTY + " is set, check that it names a Hugging Face hub.");
        }
        List<HubFile> files = new ArrayList<>();
        for (JsonNode sibling : siblings) {
            JsonNode lfs = sibling.get("lfs");
            long size = lfs != null && lfs.has("size") ? lfs.get("size").asLong() : sibling.path("size").asLong(-1);
            files.add(new HubFile(sibling.path("rfilename").asText(), size,
                    lfs == null ? null : text(lfs.get("sha256")), text(sibling.get("blobId"))));
        }
        return new HubListing(repo, revision, files);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isEmpty() ? null : node.asText();
    }
}
