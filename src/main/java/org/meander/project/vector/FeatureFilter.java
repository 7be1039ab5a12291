package org.meander.project.vector;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which features of a layer are river: those whose property {@code key} is {@code value}, compared as numbers when
 * both are (so 255 matches 255.0), else as text. GDAL's polygonize, for one, writes every value of a mask as
 * polygons (DN=0 the land, DN=255 the river), and hydrography layers hold roads and lakes beside rivers.
 */
public record FeatureFilter(String key, String value) {

    /** Every feature. */
    public static final FeatureFilter ALL = new FeatureFilter("", "");

    /** "key=value", as typed after --where. */
    public static FeatureFilter parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not KEY=VALUE, such as DN=255 or"
                    + " fclass=river");
        }
        return new FeatureFilter(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
    }

    /** Whether a feature with these properties (a missing node when it has none) is river. */
    public boolean admits(JsonNode properties) {
        if (this.equals(ALL)) {
            return true;
        }
        JsonNode property = properties.path(key);
        if (property.isNumber()) {
            try {
                return property.asDouble() == Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return property.isValueNode() && !property.isNull() && property.asText().equals(value);
    }

    @Override
    public String toString() {
        return this.equals(ALL) ? "every feature" : key + "=" + value;
    }
}
