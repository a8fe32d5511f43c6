package org.recworkbench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    @Test
    void noArgumentsOrOnlyADatabaseOpenTheWindow() {
        assertThat(Launcher.opensWindow(new String[0])).isTrue();
        assertThat(Launcher.opensWindow(new String[]{"--db", "/tmp/x"})).isTrue();
        assertThat(Launcher.opensWindow(new String[]{"--db=/tmp/x"})).isTrue();
    }

    @Test
    void anyCommandRunsHeadless() {
        assertThat(Launcher.opensWindow(new String[]{"datasets"})).isFalse();
        assertThat(Launcher.opensWindow(new String[]{"--help"})).isFalse();
        assertThat(Launcher.opensWindow(new String[]{"datasets", "--db", "x"})).isFalse();
    }
}
