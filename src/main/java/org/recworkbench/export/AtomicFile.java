package org.recworkbench.export;

import org.recworkbench.data.InvalidInputException;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes a file through a temporary sibling ({@code .NAME.<pid>-<n>.part}) and moves it into place, so a failure never
 * leaves half a file. The rules (README, "Output files"):
 * <ul>
 *   <li>a symbolic link is followed: its target is written and the link stays;</li>
 *   <li>a directory, named pipe, device or socket is refused before anything is written;</li>
 *   <li>a new file gets the default permissions (the umask applies); a replaced file keeps its permissions;</li>
 *   <li>a file with more than one hard link is rewritten in place after the content is complete, so every link
 *       sees the new content (that last copy is not atomic);</li>
 *   <li>before writing, stale part files in the folder (their process is gone, or older than a day) are deleted.</li>
 * </ul>
 */
public final class AtomicFile {

    /** Receives the writer and writes the whole content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Receives the stream and writes the whole content (binary files such as images). */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int MAX_LINK_HOPS = 40;

    private AtomicFile() {
    }

    /** Text in UTF-8; true when an existing file was replaced. */
    public static boolean write(Path target, Content content) {
        return writeBytes(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(writer);
            writer.flush();
        });
    }

    /** @return true when an existing file was replaced */
    public static boolean writeBytes(Path target, Bytes content) {
        try (Pending pending = begin(target)) {
            content.writeTo(pending.stream());
            pending.commit();
            return pending.replacing();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts writing {@code target}: checks it, cleans stale part files and opens the temporary file. Write to
     * {@link Pending#stream()}, then {@link Pending#commit()}; closing without commit discards the content.
     */
    public static Pending begin(Path target) {
        Path destination = followLinks(target);
        BasicFileAttributes existing = attributes(destination);
        if (existing != null && !existing.isRegularFile()) {
            throw new InvalidInputException(target + " is " + describe(destination, existing)
                    + "; expected a regular file or the name of a new file");
        }
        Path folder = destination.getParent();
        try {
            Files.createDirectories(folder);
            PartFiles.deleteStale(folder);
            Path temp = PartFiles.create(folder, destination.getFileName().toString());
            try {
                return new Pending(target, destination, existing != null, temp);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A file being written: content goes to a hidden part file until {@link #commit()} moves it into place. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path destination;
        private final boolean replacing;
        private Path temp;
        private OutputStream stream;

        private Pending(Path target, Path destination, boolean replacing, Path temp) throws IOException {
            this.target = target;
            this.destination = destination;
            this.replacing = replacing;
            this.temp = temp;
            this.stream = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
        }

        public OutputStream stream() {
            return stream;
        }

        /** True when the target existed before (it is replaced). */
        public boolean replacing() {
            return replacing;
        }

        /** Moves the content into place; see the class comment for links and permissions. */
        public void commit() {
            try {
                stream.close();
                if (replacing && linkCount(destination) > 1) {
                    try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        Files.copy(temp, out);
                    }
                    return;
                }
                if (replacing) {
                    keepPermissions(destination, temp);
                }
                try {
                    Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                temp = null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the content is discarded or already committed
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the part file is hidden; the next write into the folder deletes it
                }
                temp = null;
            }
        }
    }

    /** The file a path finally names: symbolic links (also dangling ones) are followed to their target. */
    static Path followLinks(Path target) {
        Path path = target.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new InvalidInputException(target + ": too many levels of symbolic links");
            }
            try {
                path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the link " + target + ": " + e.getMessage(), e);
            }
        }
        return path;
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** What {@code path} is when it is not a regular file: "a directory", "a named pipe (FIFO)", "a device"... */
    public static String kindOf(Path path) {
        try {
            Path real = path.toRealPath();
            return describe(real, Files.readAttributes(real, BasicFileAttributes.class));
        } catch (IOException e) {
            return "a special file";
        }
    }

    /** "a directory", "a named pipe (FIFO)", "a device", "a socket" or "a special file". */
    static String describe(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000, 0060000 -> "a device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static int linkCount(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return 1;
        }
    }

    private static void keepPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the new file has the default permissions
        }
    }
}
