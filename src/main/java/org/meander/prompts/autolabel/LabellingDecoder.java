package org.meander.prompts.autolabel;

/**
 * The decoder whose answers auto-label writes, as a label records it: a model by its folder's name, its own decoder or
 * one a fine-tuning run tuned ({@code tuning}, such as "run-1 (best checkpoint)"; null for the model's own).
 */
public record LabellingDecoder(String model, String tuning) {

    public LabellingDecoder {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a labelling decoder needs its model's name");
        }
    }

    /** "sam-vit-base", or "sam-vit-base tuned by run-1 (best checkpoint)". */
    public String describe() {
        return tuning == null ? model : model + " tuned by " + tuning;
    }
}
