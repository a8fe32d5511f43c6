package org.recworkbench.store;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test files under {@code src/test/resources/fixtures}, written by us (no third-party data). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/fixtures/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("missing fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
