package org.recworkbench.explain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's English is what it was before its words moved to bundles: the snapshots were written by the code of
 * that time (run with {@code -Drecworkbench.writeSnapshots=DIR} to write new ones). Also after a trip to Chinese.
 */
class EnglishWordsSnapshotTest {

    static final Path SNAPSHOTS = Path.of("src/test/resources/org/recworkbench/explain");

    @AfterEach
    void english() {
        Words.setLocale(Words.ENGLISH);
    }

    @Test
    void exercisesInEnglishAreWordForWordTheSnapshot() throws IOException {
        check("exercises-en.txt", EngineWordsDump.exercisesText());
    }

    @Test
    void formulasInEnglishAreWordForWordTheSnapshot() throws IOException {
        check("formulas-en.txt", EngineWordsDump.formulasText());
    }

    @Test
    void switchingToChineseAndBackGivesTheSameEnglish() throws IOException {
        Words.setLocale(Words.CHINESE);
        assertThat(EngineWordsDump.exercisesText()).isNotEqualTo(read("exercises-en.txt"));
        Words.setLocale(Words.ENGLISH);
        check("exercises-en.txt", EngineWordsDump.exercisesText());
    }

    private static void check(String name, String actual) throws IOException {
        String dir = System.getProperty("recworkbench.writeSnapshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, name), actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(read(name));
    }

    private static String read(String name) throws IOException {
        return Files.readString(SNAPSHOTS.resolve(name), StandardCharsets.UTF_8);
    }
}
