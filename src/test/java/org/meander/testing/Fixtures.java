package org.meander.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared reference fixtures live (../shared, passed in by surefire as {@code meander.shared}). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path shared() {
        return Path.of(System.getProperty("meander.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** The folder of a fixture: "tiny" or "base". */
    public static Path fixture(String name) {
        return shared().resolve("fixtures").resolve(name);
    }

    public static Path model(String name) {
        return fixture(name).resolve("model");
    }

    public static JsonNode reference(String name) throws IOException {
        return new ObjectMapper().readTree(Files.readString(fixture(name).resolve("reference.json")));
    }
}
