package org.recworkbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates named pipes for tests (false where mkfifo is missing, so the test is skipped). */
public final class NamedPipes {

    private NamedPipes() {
    }

    public static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
