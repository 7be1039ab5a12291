package org.meander.weights.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meander.weights.Checkpoint;
import org.meander.weights.WeightsException;

/**
 * Which files of a repository make a model Meander can load: config.json, the preprocessor's config when there
 * is one (so the folder also loads in Python as it came), and the safetensors weights, whole or sharded. A
 * repository also holds other formats of the same weights (pytorch_model.bin, tf_model.h5) that are not fetched.
 */
final class ModelFiles {

    static final String CONFIG = "config.json";
    static final String PREPROCESSOR = "preprocessor_config.json";

    private ModelFiles() {
    }

    /** The files to fetch first; for a sharded checkpoint the shards follow from the index ({@link #shards}). */
    static List<HubFile> first(HubListing listing) throws WeightsException {
        HubFile config = listing.file(CONFIG).orElseThrow(() -> new WeightsException(listing.repo()
                + " has no " + CONFIG + " on the hub, so it is not a model in Hugging Face's layout; check the"
                + " name (a SAM model such as facebook/sam-vit-base)."));
        List<HubFile> files = new ArrayList<>(List.of(config));
        listing.file(PREPROCESSOR).ifPresent(files::add);
        Optional<HubFile> weights = listing.file(Checkpoint.SINGLE_FILE).or(() -> listing.file(Checkpoint.INDEX_FILE));
        files.add(weights.orElseThrow(() -> new WeightsException(listing.repo() + " has no "
                + Checkpoint.SINGLE_FILE + " (nor a sharded " + Checkpoint.INDEX_FILE + ") on the hub, and Meander"
                + " reads safetensors only. In Python, SamModel.from_pretrained(\"" + listing.repo()
                + "\").save_pretrained(folder) writes safetensors; then choose that folder as a local model.")));
        return files;
    }

    static boolean isIndex(HubFile file) {
        return file.name().equals(Checkpoint.INDEX_FILE);
    }

    /** The shard files a downloaded index names, as the listing describes them. */
    static List<HubFile> shards(HubListing listing, Path index) throws IOException {
        JsonNode weightMap;
        try {
            weightMap = new ObjectMapper().readTree(index.toFile()).get("weight_map");
        } catch (IOException e) {
            throw new WeightsException(index + ": not valid JSON (" + e.getMessage() + "); the repository's index"
                    + " is damaged.", e);
        }
        if (weightMap == null || !weightMap.isObject()) {
            throw new WeightsException(index + ": has no \"weight_map\" object naming the shard files.");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = weightMap.elements(); it.hasNext(); ) {
            names.add(it.next().asText());
        }
        List<HubFile> shards = new ArrayList<>();
        for (String name : names) {
            shards.add(listing.file(name).orElseThrow(() -> new WeightsException(index + ": names shard " + name
                    + ", which " + listing.repo() + " does not hold on the hub; the repository is incomplete.")));
        }
        return shards;
    }
}
