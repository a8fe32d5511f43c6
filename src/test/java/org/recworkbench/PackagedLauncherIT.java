package org.recworkbench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jpackage output of {@code mvn -Ppackage verify}: runs the app image's launcher headless with CLI commands, as
 * a user would, and looks inside the .deb. Only the {@code package} profile runs it (it sets
 * {@code recworkbench.appImage}); anywhere else it is skipped. No timing is asserted.
 */
class PackagedLauncherIT {

    private static Path image;
    private static Path launcher;

    @BeforeAll
    static void findImage() {
        String dir = System.getProperty("recworkbench.appImage");
        assumeTrue(dir != null && !dir.isBlank(), "run by mvn -Ppackage verify only");
        image = Path.of(dir);
        launcher = image.resolve("bin").resolve("RecommenderWorkbench");
    }

    @Test
    void theImageHasItsLauncherJarRuntimeIconAndCdsArchive() {
        assertThat(launcher).isRegularFile().isExecutable();
        assertThat(image.resolve("lib/app/recworkbench.jar")).isRegularFile();
        assertThat(image.resolve("lib/app/recworkbench.jsa")).isRegularFile();
        assertThat(image.resolve("lib/runtime/bin/java")).isExecutable();
        assertThat(image.resolve("lib/RecommenderWorkbench.png")).isRegularFile();
    }

    @Test
    void theLauncherStartsTheJvmWithTheWorkbenchOptions() throws IOException {
        String cfg = Files.readString(image.resolve("lib/app/RecommenderWorkbench.cfg"), StandardCharsets.UTF_8);
        assertThat(cfg).contains("app.mainclass=org.recworkbench.Launcher")
                .contains("--add-modules=jdk.incubator.vector")
                .contains("-XX:MaxGCPauseMillis=40")
                .contains("-XX:ThreadPriorityPolicy=1")
                .contains("-XX:SharedArchiveFile=$APPDIR/recworkbench.jsa")
                .contains("-Xshare:auto");
    }

    @Test
    void versionPrintsTheApplicationVersion() throws Exception {
        Run run = run(Map.of(), "--version");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).startsWith("Recommender Workbench ");
    }

    @Test
    void algorithmsListsTheEngine() throws Exception {
        Run run = run(Map.of(), "algorithms");
        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("item-knn", "implicit-als", "ease");
    }

    @Test
    void examplesJsonIsOneJsonObjectOnStdout() throws Exception {
        Run run = run(Map.of(), "examples", "--json");
        assertThat(run.exit).as(run.err).isZero();
        JsonObject json = JsonParser.parseString(run.out).getAsJsonObject();
        assertThat(json.getAsJsonArray("examples")).isNotEmpty();
    }

    @Test
    void aBadCommandExitsWithTwo() throws Exception {
        Run run = run(Map.of(), "no-such-command");
        assertThat(run.exit).isEqualTo(2);
    }

    @Test
    void theCdsArchiveIsUsed(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("classes.log");
        Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), "--version");
        assertThat(run.exit).as(run.err).isZero();
        String loaded = Files.readString(log, StandardCharsets.UTF_8);
        // classes of the application jar mapped from the dynamic archive made at build time
        assertThat(loaded).containsPattern("org\\.recworkbench\\.\\S+ source: shared objects file \\(top\\)");
    }

    @Test
    void theDebianPackageInstallsTheImageAndADesktopEntry(@TempDir Path root) throws Exception {
        assumeTrue("deb".equals(System.getProperty("recworkbench.jpackageType")), "only for -Djpackage.type=deb");
        Path deb;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("recworkbench.jpackageDir")))) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        assertThat(deb.getFileName().toString()).startsWith("recworkbench_").endsWith("_amd64.deb");

        Run extract = exec(Map.of(), List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        assertThat(extract.exit).as(extract.err).isZero();
        Path app = root.resolve("opt/recworkbench");
        assertThat(app.resolve("bin/RecommenderWorkbench")).isExecutable();
        assertThat(app.resolve("lib/app/recworkbench.jar")).isRegularFile();
        // the archive is made by postinst for the installed path, never shipped
        assertThat(app.resolve("lib/app/recworkbench.jsa")).doesNotExist();
        Path desktop;
        try (Stream<Path> files = Files.list(app.resolve("lib"))) {
            desktop = files.filter(f -> f.getFileName().toString().endsWith(".desktop") && Files.isRegularFile(f))
                    .findFirst().orElseThrow();
        }
        String entry = Files.readString(desktop, StandardCharsets.UTF_8);
        assertThat(entry).contains("Name=Recommender Workbench", "Exec=/opt/recworkbench/bin/RecommenderWorkbench",
                "Icon=/opt/recworkbench/lib/RecommenderWorkbench.png", "Categories=Education;Science;", "Type=Application");
        assertThat(root.resolve(entry.replaceAll("(?s).*\\nIcon=/([^\\n]+).*", "$1"))).isRegularFile();

        Path control = root.resolve("control-files");
        Run scripts = exec(Map.of(), List.of("dpkg-deb", "-e", deb.toString(), control.toString()));
        assertThat(scripts.exit).as(scripts.err).isZero();
        assertThat(Files.readString(control.resolve("control"))).contains("Depends:").contains("libgtk-3-0");
        assertThat(Files.readString(control.resolve("postinst"))).contains("xdg-desktop-menu", "ArchiveClassesAtExit");
        assertThat(Files.readString(control.resolve("prerm"))).contains("recworkbench.jsa");
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return exec(env, command);
    }

    private static Run exec(Map<String, String> env, List<String> command) throws Exception {
        Path out = Files.createTempFile("packaged-out", ".txt");
        Path err = Files.createTempFile("packaged-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().putAll(env);
            Process process = builder.start();
            // a generous bound against a hung launcher, not a performance check
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private record Run(int exit, String out, String err) {
    }
}
