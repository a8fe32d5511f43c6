package org.recworkbench.ui.shell;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Links into the README's sections. The project publishes no web address (neither README.md nor pom.xml names one),
 * so the links point at the README.md found in the working folder or next to the jar (or its build folder),
 * with GitHub-style anchors; when there is none, the expected path is shown instead.
 */
final class ReadmeLinks {

    /** The README's top-level sections that the Help menu links to, as headed in README.md. */
    static final List<String> SECTIONS = List.of("Two commands", "The window", "Command line", "Algorithms",
            "Evaluation", "Data formats (`--format`)", "Sample data", "Storage", "Performance");

    private ReadmeLinks() {
    }

    /** GitHub's anchor for a heading: lower case, punctuation other than '-' dropped, spaces as '-'. */
    static String anchor(String heading) {
        StringBuilder b = new StringBuilder();
        for (char c : heading.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.append(c);
            } else if (c == ' ') {
                b.append('-');
            }
        }
        return b.toString();
    }

    /** A heading shown in a menu: without the Markdown code marks. */
    static String label(String heading) {
        String plain = heading.replace("`", "");
        return org.recworkbench.ui.common.I18n.orElse("app.readme." + anchor(plain), plain);
    }

    /** Where README.md is looked for: the working folder, then the jar's (or classes') folder and its parents. */
    static List<Path> candidates() {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("").toAbsolutePath());
        try {
            var source = ReadmeLinks.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path code = Path.of(source.getLocation().toURI()).toAbsolutePath();
                Path folder = Files.isDirectory(code) ? code : code.getParent();
                for (int up = 0; up < 3 && folder != null; up++) {
                    folders.add(folder);
                    folder = folder.getParent();
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source: the working folder alone
        }
        return folders.stream().distinct().map(f -> f.resolve("README.md")).toList();
    }

    /** The README on this machine, if one is found. */
    static Path readme() {
        return candidates().stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** The link to a section of the given README ({@code file:/…/README.md#the-window}). */
    static URI link(Path readme, String heading) {
        URI file = readme.toAbsolutePath().toUri();
        try {
            return new URI(file.getScheme(), file.getAuthority(), file.getPath(), null, anchor(heading));
        } catch (URISyntaxException e) {
            return file;
        }
    }
}
