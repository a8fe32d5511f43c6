package org.recworkbench.examples;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import org.recworkbench.data.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The worked examples of the five seed articles, loaded once from {@code /examples/seed-examples.json}, in the
 * articles' order.
 */
public final class SeedExamples {

    static final String RESOURCE = "/examples/seed-examples.json";

    private SeedExamples() {
    }

    /** Holder idiom: the file is read on first use, once, thread-safely. */
    private static final class Loaded {
        static final List<SeedExample> ALL = load();
    }

    public static List<SeedExample> all() {
        return Loaded.ALL;
    }

    public static Optional<SeedExample> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The example with this id, or bad input naming the known ids. */
    public static SeedExample require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("Unknown example \"" + id
                + "\"; known: " + String.join(", ", all().stream().map(SeedExample::id).toList())));
    }

    /** Every example evaluated, in order. */
    public static List<ExampleResult> evaluateAll() {
        return all().stream().map(SeedExampleEvaluator::evaluate).toList();
    }

    private record File(List<SeedExample> examples) {
    }

    private static List<SeedExample> load() {
        Gson gson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
        try (InputStream in = SeedExamples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                File file = gson.fromJson(reader, File.class);
                checkUniqueIds(file.examples());
                return List.copyOf(file.examples());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        } catch (JsonParseException e) {
            throw new IllegalStateException(RESOURCE + " is not valid: " + e.getMessage(), e);
        }
    }

    private static void checkUniqueIds(List<SeedExample> examples) {
        Set<String> seen = new HashSet<>();
        for (SeedExample e : examples) {
            if (!seen.add(e.id())) {
                throw new IllegalStateException(RESOURCE + " lists " + e.id() + " twice");
            }
        }
    }
}
