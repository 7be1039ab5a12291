package org.meander.weights.hub;

import java.util.List;

/**
 * A SAM checkpoint on the hub that the model manager offers by name; size is its download, rounded, or empty
 * where not known here.
 */
public record KnownModel(HubRepo repo, String title, String size, String description) {

    /** The default, offered in one click to a first-time user. */
    public static final KnownModel SAM_VIT_BASE = new KnownModel(HubRepo.parse("facebook/sam-vit-base"),
            "SAM ViT-B", "about 375 MB", "Meta's smallest SAM: the fastest clicks and encodings; start here");

    /** Meta's three SAM sizes, and SlimSAM, a pruned ViT-B in the same layout. */
    public static final List<KnownModel> ALL = List.of(
            SAM_VIT_BASE,
            new KnownModel(HubRepo.parse("facebook/sam-vit-large"), "SAM ViT-L", "about 1.25 GB",
                    "better masks than ViT-B, a slower encoding"),
            new KnownModel(HubRepo.parse("facebook/sam-vit-huge"), "SAM ViT-H", "about 2.56 GB",
                    "SAM's best masks, the slowest encoding"),
            new KnownModel(HubRepo.parse("nielsr/slimsam-50-uniform"), "SlimSAM-50", "",
                    "SAM ViT-B pruned and distilled: a smaller, faster encoder; not yet tried in Meander"));

    /** "SAM ViT-B (about 375 MB)", or the title alone when the size is not known. */
    public String titleWithSize() {
        return size.isEmpty() ? title : title + " (" + size + ")";
    }
}
