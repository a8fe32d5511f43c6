package org.recworkbench.ui.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A finished export as a pop-up in the window's corner: "Wrote 9,430 rows to recommendations.csv", with an
 * "Open folder" action. The exporters write through {@code AtomicFile} and return no count, so the rows of a CSV are
 * counted from the file written (records after the header; quoted line breaks do not start a record).
 */
public final class ExportNotifications {

    /** What an export wrote: the file and its data rows ({@code -1} when it is not a table, e.g. a PNG). */
    public record Written(Path file, long rows) {

        public String text() {
            return rows < 0 ? I18n.t("common.export.wroteFile", file)
                    : I18n.t(rows == 1 ? "common.export.wroteRow" : "common.export.wroteRows",
                    String.format(Locale.ROOT, "%,d", rows), file);
        }

        /** The file's record, with its rows counted when it is a CSV file. */
        public static Written of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".csv")) {
                return new Written(file, -1);
            }
            try {
                return new Written(file, Math.max(0, csvRecords(file) - 1));
            } catch (IOException e) {
                return new Written(file, -1);
            }
        }
    }

    private final Supplier<Window> owner;
    private final ReadOnlyObjectWrapper<Written> lastShown = new ReadOnlyObjectWrapper<>();

    /** @param owner the window the pop-ups belong to (may supply null before the window is shown) */
    public ExportNotifications(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Shows the pop-up for a file an export wrote (call on the FX thread). */
    public void exported(Path file) {
        show(Written.of(file));
    }

    public void show(Written written) {
        lastShown.set(written);
        Notifications popup = Notifications.create()
                .title(I18n.t("common.export.finished"))
                .text(written.text())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(8));
        Path folder = written.file().toAbsolutePath().getParent();
        if (folder != null) {
            popup = popup.action(new Action(I18n.t("common.export.openFolder"), e -> DesktopLinks.openFolder(folder)));
        }
        Window window = owner.get();
        if (window != null) {
            popup = popup.owner(window);
        }
        if (window != null || !Window.getWindows().isEmpty()) {
            popup.showInformation();
        }
    }

    /** The last export shown (tests and the status line read it). */
    public ReadOnlyObjectProperty<Written> lastShownProperty() {
        return lastShown.getReadOnlyProperty();
    }

    /** The CSV records in a file: line breaks outside quotes, plus a last line without one. */
    static long csvRecords(Path file) throws IOException {
        long records = 0;
        boolean quoted = false;
        boolean pending = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                        pending = true;
                    } else if (b == '\n' && !quoted) {
                        records++;
                        pending = false;
                    } else if (b != '\r') {
                        pending = true;
                    }
                }
            }
        }
        return records + (pending ? 1 : 0);
    }
}
