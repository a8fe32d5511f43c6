package org.recworkbench.export;

import org.recworkbench.data.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a folder of files all or nothing: the content goes into a hidden sibling ({@code .NAME.<pid>-<n>.part}),
 * which is renamed into place once complete; a failure deletes it and leaves the target as it was. An existing
 * non-empty folder is replaced only when asked ({@code force}); it is renamed aside first and deleted after the new
 * folder is in place, so a failure between the two renames puts it back.
 */
public final class AtomicFolder {

    /** Writes every file of the export into {@code folder} (empty, on the same file system as the target). */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path folder) throws IOException;
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AtomicFolder() {
    }

    /**
     * @param force replace a non-empty folder (refused otherwise)
     * @return true when a non-empty folder was replaced
     * @throws InvalidInputException when the target is a file, or a non-empty folder without {@code force}
     */
    public static boolean write(Path target, boolean force, Content content) {
        Path destination = target.toAbsolutePath().normalize();
        boolean exists = Files.exists(destination, LinkOption.NOFOLLOW_LINKS);
        if (exists && !Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(target + " is not a folder; this export writes several files, so --out "
                    + "names a folder (new, empty, or replaced with --force)");
        }
        boolean nonEmpty = exists && !isEmpty(destination);
        if (nonEmpty && !force) {
            throw new InvalidInputException(target + " is a folder that is not empty; give --force to replace it, or "
                    + "another --out");
        }
        Path parent = destination.getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createDirectory(sibling(parent, destination, ".part"));
            content.writeInto(temp);
            if (exists) {
                Path old = sibling(parent, destination, ".old");
                move(destination, old);
                try {
                    move(temp, destination);
                } catch (IOException e) {
                    move(old, destination);
                    throw e;
                }
                temp = null;
                deleteTree(old);
            } else {
                move(temp, destination);
                temp = null;
            }
            return nonEmpty;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static Path sibling(Path parent, Path destination, String suffix) {
        return parent.resolve("." + destination.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + SEQUENCE.incrementAndGet() + suffix);
    }

    private static boolean isEmpty(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path tree) {
        try {
            deleteTree(tree);
        } catch (IOException ignored) {
            // a hidden leftover; the export itself has already failed with its own message
        }
    }

    static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
