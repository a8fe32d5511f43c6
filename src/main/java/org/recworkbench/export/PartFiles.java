package org.recworkbench.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden temporary files {@link AtomicFile} writes before moving them into place: {@code .NAME.<pid>-<n>.part}.
 * A process killed while writing leaves one behind; the next write into the same folder deletes it when its process
 * is gone or when it is older than {@link #MAX_AGE} (the process id may have been reused). Part files of earlier
 * versions ({@code .NAME<random digits>.part}) are deleted after the same age.
 */
final class PartFiles {

    static final Duration MAX_AGE = Duration.ofHours(24);
    private static final Pattern CURRENT = Pattern.compile("\\..+\\.(\\d{1,10})-\\d+\\.part");
    private static final Pattern LEGACY = Pattern.compile("\\..+\\d{8,}\\.part");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private PartFiles() {
    }

    /** Creates a new, empty part file for {@code fileName} with the default permissions (the umask applies). */
    static Path create(Path folder, String fileName) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path temp = folder.resolve("." + fileName + "." + pid + "-" + SEQUENCE.incrementAndGet() + ".part");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // left by an earlier process with the same id: try the next number
            }
        }
    }

    /** Deletes the stale part files of {@code folder}; failures are ignored (the next write tries again). */
    static void deleteStale(Path folder) {
        Instant oldest = Instant.now().minus(MAX_AGE);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".*.part")) {
            for (Path part : parts) {
                if (isStale(part, oldest)) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder fails the write itself with a clear message
        }
    }

    private static boolean isStale(Path part, Instant oldest) throws IOException {
        String name = part.getFileName().toString();
        Matcher current = CURRENT.matcher(name);
        boolean legacy = !current.matches() && LEGACY.matcher(name).matches();
        if (!current.matches() && !legacy) {
            return false;
        }
        BasicFileAttributes attributes = Files.readAttributes(part, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            return false;
        }
        boolean old = attributes.lastModifiedTime().toInstant().isBefore(oldest);
        if (legacy) {
            return old;
        }
        long pid = Long.parseLong(current.group(1));
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        return old || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
