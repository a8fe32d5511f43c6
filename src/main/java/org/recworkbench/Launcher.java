package org.recworkbench;

import org.recworkbench.cli.Cli;
import org.recworkbench.ui.WindowLauncher;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Main class of the jar. Does not extend {@code Application}, so {@code java -jar} works with JavaFX on the
 * class path. No arguments (or only {@code --db PATH}): the window; a command: the headless CLI, which never
 * starts the JavaFX toolkit.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            WindowLauncher.launch(args);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }

    static boolean opensWindow(String[] args) {
        return args.length == 0 || (args.length == 2 && args[0].equals("--db"))
                || (args.length == 1 && args[0].startsWith("--db="));
    }
}
