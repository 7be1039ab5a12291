package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL block of SAM whose parameters carry their Hugging Face names ({@code layers.0.attn.qkv.weight}), so a
 * checkpoint fills the model by name. Sizes come from the config, so DJL's shape inference is not used: each
 * parameter is declared with its shape, and its array is set by the loader.
 */
public abstract class SamBlock extends AbstractBlock {

    private final Map<String, SamBlock> namedChildren = new LinkedHashMap<>();
    private final Map<String, ParameterSlot> namedParameters = new LinkedHashMap<>();

    protected final <B extends SamBlock> B child(String name, B block) {
        namedChildren.put(name, addChildBlock(name, block));
        return block;
    }

    protected final Parameter parameter(String name, long... shape) {
        // DJL refuses setArray on a parameter declared with a shape, so the shape is kept beside it
        Parameter p = addParameter(Parameter.builder().setName(name).setType(Parameter.Type.OTHER).build());
        namedParameters.put(name, new ParameterSlot(p, new Shape(shape)));
        return p;
    }

    /** Every parameter under this block by its checkpoint name relative to the block, in declaration order. */
    public final Map<String, ParameterSlot> parametersByName() {
        Map<String, ParameterSlot> all = new LinkedHashMap<>(namedParameters);
        namedChildren.forEach((childName, block) ->
                block.parametersByName().forEach((name, p) -> all.put(childName + "." + name, p)));
        return all;
    }

    /** A parameter and the shape the config gives it. */
    public record ParameterSlot(Parameter parameter, Shape shape) {
    }

    /** Shapes are fixed by the config, never inferred. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " takes its sizes from SamConfig; DJL shape inference is not used");
    }

    protected static NDArray value(Parameter p) {
        return p.getArray();
    }

    /**
     * Moves an array computed from parameters alone into {@code manager}: such a result is created in the model's
     * manager and would otherwise live as long as the model.
     */
    protected static NDArray ownedBy(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
    }
}
