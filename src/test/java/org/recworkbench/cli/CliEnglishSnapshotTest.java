package org.recworkbench.cli;

import com.google.gson.JsonParser;
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
 * The command line prints the English it printed before the engine's words moved to bundles, byte for byte (JSON
 * compared as JSON: some objects come from {@code Map.of}, whose key order varies between runs, before and after):
 * the snapshot was written by the code of that time ({@code -Drecworkbench.writeSnapshots=DIR} writes a new one).
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
        List<String> expected = sections(Files.readString(
                Path.of("src/test/resources/org/recworkbench/explain/cli-en.txt"), StandardCharsets.UTF_8));
        List<String> got = sections(actual);
        assertThat(expected).hasSize(2 + 2 * ExerciseKind.values().length);
        assertThat(got).hasSameSizeAs(expected);
        for (int k = 0; k < got.size(); k++) {
            String e = expected.get(k);
            String a = got.get(k);
            String command = e.lines().findFirst().orElse("");
            String eBody = e.substring(command.length()).strip();
            String aBody = a.substring(Math.min(a.length(), command.length())).strip();
            assertThat(a).as("command").startsWith(command);
            if (eBody.startsWith("{")) {
                // --json prints some objects from Map.of, whose key order changes from run to run: the same JSON
                assertThat(JsonParser.parseString(aBody)).as(command).isEqualTo(JsonParser.parseString(eBody));
            } else {
                assertThat(aBody).as(command).isEqualTo(eBody);
            }
        }
    }

    /** The transcript cut at each "$ command" line, each part starting with its command. */
    private static List<String> sections(String transcript) {
        List<String> out = new ArrayList<>();
        for (String part : transcript.split("(?m)^(?=\\$ )")) {
            if (!part.isBlank()) {
                out.add(part);
            }
        }
        return out;
    }
}
