package org.meander.weights.hub;

import java.util.List;

/** A SAM checkpoint on the hub that the model manager offers by name. */
public record KnownModel(HubRepo repo, String title, String description) {

    /** The default, offered in one click to a first-time user. */
    public static final KnownModel SAM_VIT_BASE = new KnownModel(HubRepo.parse("facebook/sam-vit-base"),
            "SAM ViT-B", "Meta's smallest SAM, about 375 MB: the fastest clicks and encodings; start here");

    /**
     * Meta's three SAM sizes and SlimSAM, a pruned ViT-B in the same layout. The sizes are the hub's
     * model.safetensors files, rounded.
     */
    public static final List<KnownModel> ALL = List.of(
            SAM_VIT_BASE,
            new KnownModel(HubRepo.parse("facebook/sam-vit-large"), "SAM ViT-L",
                    "about 1.25 GB: better masks, an encoding about three times slower"),
            new KnownModel(HubRepo.parse("facebook/sam-vit-huge"), "SAM ViT-H",
                    "about 2.56 GB: SAM's best masks, the slowest encoding"),
            new KnownModel(HubRepo.parse("nielsr/slimsam-50-uniform"), "SlimSAM-50",
                    "a ViT-B pruned to half its width (SlimSAM): a much smaller, faster encoder"));
}
