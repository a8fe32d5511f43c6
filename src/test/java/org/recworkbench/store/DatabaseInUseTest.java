package org.recworkbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A second process that opens a database in use gets one clear line, not a stack trace. */
class DatabaseInUseTest {

    @TempDir
    Path folder;

    @Test
    void aSecondProcessIsToldTheDatabaseIsInUse() throws Exception {
        Path db = folder.resolve("db");
        try (Workspace ignored = Workspace.open(db)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Djava.awt.headless=true", "org.recworkbench.Launcher", "datasets", "--db", db.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(stderr).contains("is in use by another process").contains(db.toString());
            assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(stderr.strip().lines().count()).isEqualTo(1);
        }
        assertThat(new File(folder.toFile(), "db.mv.db")).exists();
    }
}
