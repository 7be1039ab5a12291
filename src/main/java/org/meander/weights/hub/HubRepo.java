package org.meander.weights.hub;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model repository on the Hugging Face hub, {@code owner/name}. Both parts become folder names under the models
 * folder, so only the characters the hub itself allows are accepted (no "..", no separators).
 */
public record HubRepo(String owner, String name) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** What users paste: owner/name, or the model's page address. */
    private static final Pattern PAGE = Pattern.compile("https?://[^/]+/([^/?#]+)/([^/?#]+)/?");

    public HubRepo {
        for (String part : new String[] {owner, name}) {
            if (part == null || !PART.matcher(part).matches() || part.contains("..")) {
                throw new IllegalArgumentException("\"" + owner + "/" + name + "\" is not a Hugging Face model id;"
                        + " write it as owner/name, e.g. facebook/sam-vit-base");
            }
        }
    }

    /** Parses {@code owner/name} or {@code https://huggingface.co/owner/name}. */
    public static HubRepo parse(String text) {
        String id = text == null ? "" : text.strip();
        Matcher page = PAGE.matcher(id);
        if (page.matches()) {
            return new HubRepo(page.group(1), page.group(2));
        }
        int slash = id.indexOf('/');
        if (slash < 0 || slash != id.lastIndexOf('/')) {
            throw new IllegalArgumentException("\"" + id + "\" is not a Hugging Face model id; write it as"
                    + " owner/name, e.g. facebook/sam-vit-base");
        }
        return new HubRepo(id.substring(0, slash), id.substring(slash + 1));
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
