package org.recworkbench.ui.common;

import javafx.application.HostServices;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;

/**
 * Opens links and folders with the desktop: the application's {@link HostServices} when the window was launched as
 * an application, else {@link Desktop} where AWT supports it; headless (tests, Monocle) nothing opens.
 */
public final class DesktopLinks {

    private static volatile HostServices hostServices;

    private DesktopLinks() {
    }

    /** Set once by the application at start; tests build the scene without one. */
    public static void setHostServices(HostServices services) {
        hostServices = services;
    }

    /** Whether {@link #open} can hand a link to the desktop at all. */
    public static boolean canOpen() {
        return hostServices != null || desktop(Desktop.Action.BROWSE);
    }

    /** Opens a web page or file URI; false when nothing could open it (the caller then shows or copies it). */
    public static boolean open(URI uri) {
        HostServices services = hostServices;
        if (services != null) {
            services.showDocument(uri.toString());
            return true;
        }
        if (desktop(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(uri);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    /** Opens a folder in the file manager; false (and nothing happens) when headless. */
    public static boolean openFolder(Path folder) {
        if (folder == null) {
            return false;
        }
        HostServices services = hostServices;
        if (services != null) {
            services.showDocument(folder.toUri().toString());
            return true;
        }
        if (desktop(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(new File(folder.toString()));
                return true;
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    /** Puts text on the system clipboard (call on the FX thread). */
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static boolean desktop(Desktop.Action action) {
        return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(action);
    }
}
