package org.recworkbench.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.NamedPipes;
import org.recworkbench.data.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The file-safety rules of AtomicFile: links, special files, permissions and stale part files. */
class AtomicFileTest {

    /** A process id no system hands out (Linux caps ids at 2^22). */
    private static final long DEAD_PID = 999_999_999L;

    @TempDir
    Path folder;

    private static void write(Path target, String text) {
        AtomicFile.write(target, w -> w.write(text));
    }

    @Test
    void replacedFileKeepsItsPermissions() throws IOException {
        Path file = folder.resolve("out.csv");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        write(file, "new");

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void newFileGetsTheDefaultPermissionsOfTheUmask() throws IOException {
        Path reference = Files.createFile(folder.resolve("reference"));

        Path file = folder.resolve("out.csv");
        write(file, "new");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void symbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = folder.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(folder.resolve("link.csv"), Path.of("real.csv"));

        write(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void danglingSymbolicLinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("link.csv"), Path.of("new.csv"));

        write(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(folder.resolve("new.csv"))).isEqualTo("new");
    }

    @Test
    void hardLinkedFileIsRewrittenInPlaceSoEveryLinkSeesTheContent() throws IOException {
        Path file = folder.resolve("out.csv");
        Files.writeString(file, "old");
        Path other = Files.createLink(folder.resolve("other.csv"), file);

        write(file, "new");

        assertThat(Files.isSameFile(file, other)).isTrue();
        assertThat(Files.readString(other)).isEqualTo("new");
    }

    @Test
    void directoryIsRefusedWithAMessage() throws IOException {
        Path directory = Files.createDirectory(folder.resolve("out.csv"));

        assertThatThrownBy(() -> write(directory, "new")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("out.csv is a directory; expected a regular file");
        assertThat(Files.isDirectory(directory)).isTrue();
    }

    @Test
    void namedPipeIsRefusedAndStaysAPipe() throws Exception {
        Path fifo = folder.resolve("out.csv");
        assumeTrue(NamedPipes.mkfifo(fifo), "mkfifo is available");

        assertThatThrownBy(() -> write(fifo, "new")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a named pipe (FIFO)");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void deviceIsRefusedBeforeAnythingIsWritten() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device) && !Files.isRegularFile(device) && !Files.isDirectory(device));

        assertThatThrownBy(() -> write(device, "new")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a device");
        assertThat(Files.isRegularFile(device)).isFalse();
    }

    @Test
    void partFileOfADeadProcessIsDeletedByTheNextWriteIntoTheFolder() throws IOException {
        Path stale = Files.writeString(folder.resolve(".recs.csv." + DEAD_PID + "-1.part"), "half");

        write(folder.resolve("other.csv"), "new");

        assertThat(stale).doesNotExist();
    }

    @Test
    void oldPartFileOfALiveProcessIsDeleted() throws IOException {
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path old = Files.writeString(folder.resolve(".recs.csv." + alive + "-1.part"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(PartFiles.MAX_AGE).minusSeconds(60)));
        Path fresh = Files.writeString(folder.resolve(".more.csv." + alive + "-2.part"), "half");

        write(folder.resolve("other.csv"), "new");

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void otherHiddenFilesAreLeftAlone() throws IOException {
        Path notes = Files.writeString(folder.resolve(".notes.part"), "mine");

        write(folder.resolve("other.csv"), "new");

        assertThat(notes).exists();
    }

    @Test
    void failedContentLeavesNoPartFileAndKeepsTheOldFile() throws IOException {
        Path file = folder.resolve("out.csv");
        Files.writeString(file, "old");

        assertThatThrownBy(() -> AtomicFile.write(file, w -> {
            w.write("half");
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }
}
