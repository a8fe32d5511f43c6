package org.recworkbench.ui.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Help menu's README links point at headings that exist, with GitHub's anchors. */
class HelpContentTest {

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(ReadmeLinks.anchor("The window")).isEqualTo("the-window");
        assertThat(ReadmeLinks.anchor("Data formats (`--format`)")).isEqualTo("data-formats---format");
        assertThat(ReadmeLinks.label("Data formats (`--format`)")).isEqualTo("Data formats (--format)");
    }

    @Test
    void everyLinkedSectionIsAHeadingOfTheReadme() throws Exception {
        Path readme = ReadmeLinks.readme();
        assertThat(readme).isNotNull();
        List<String> headings = Files.readAllLines(readme).stream().filter(l -> l.startsWith("## "))
                .map(l -> l.substring(3).strip()).toList();

        assertThat(headings).containsAll(ReadmeLinks.SECTIONS);
        assertThat(ReadmeLinks.SECTIONS).contains("Two commands", "The window", "Command line");
        assertThat(ReadmeLinks.link(readme, "The window").toString()).startsWith("file:")
                .endsWith("README.md#the-window");
    }

    @Test
    void gettingStartedHasFourStepsNamingTheButtonsUsed() {
        String text = HelpDialogs.gettingStarted();

        assertThat(text).contains("1. Import a dataset", "2. Tune an algorithm", "3. Evaluate", "4. Export");
        assertThat(text).contains("Import…", "Fit", "Run experiment", "Export recommendations for all users…");
    }
}
