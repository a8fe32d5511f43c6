package org.recworkbench.cli;

import org.junit.jupiter.api.Test;
import org.recworkbench.exercise.ExerciseKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line prints the English it printed before the engine's words moved to bundles, byte for byte: the
 * snapshot was written by the code of that time ({@code -Drecworkbench.writeSnapshots=DIR} writes a new one).
 */
class CliEnglishSnapshotTest {

    static String transcript() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"examples"});
        commands.add(new String[] {"examples", "--json"});
        for (ExerciseKind kind : ExerciseKind.values()) {
            commands.add(new String[] {"exercise", "--kind", kind.cliName(), "--seed", "7", "--answers"});
            commands.add(new String[] {"exercise", "--kind", kind.cliName(), "--difficulty", "medium", "--seed", "3",
                "--json"});
        }
        StringBuilder s = new StringBuilder();
        for (String[] args : commands) {
            CliRun r = CliRun.of(args);
            s.append("$ ").append(String.join(" ", args)).append(" (exit ").append(r.code()).append(")\n")
                    .append(r.out()).append(r.err());
        }
        return s.toString();
    }

    @Test
    void examplesAndExercisesPrintTheSnapshotsEnglish() throws IOException {
        String actual = transcript();
        String dir = System.getProperty("recworkbench.writeSnapshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, "cli-en.txt"), actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(Files.readString(
                Path.of("src/test/resources/org/recworkbench/explain/cli-en.txt"), StandardCharsets.UTF_8));
    }
}
