package org.recworkbench.ui.datasets;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.ui.Screenshots;
import org.recworkbench.ui.common.ClippedText;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/**
 * The Import dialog over a 1024×700 window: every label, check box and column chooser shows its whole text (they
 * used to read "Datas…", "Delim…", "Ratin…" beside 40 px choosers), and the dialog fits the screen.
 */
@ExtendWith(ApplicationExtension.class)
class ImportDialogLayoutTest {

    @TempDir
    Path folder;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // the window's theme (its fonts and paddings decide what fits), whatever ran before
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 1024, 700));
        stage.show();
    }

    @Test
    void noLabelOrChooserOfTheImportDialogIsCut() throws Exception {
        Path csv = folder.resolve("ratings-with-a-long-name.csv");
        Files.writeString(csv, "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n"
                + "2,10,4.0,835355493\n");
        ImportDialog dialog = fx(() -> {
            ImportDialog d = new ImportDialog(stage, csv);
            d.show();
            return d;
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            List<String> cut = fx(() -> {
                List<String> found = new ArrayList<>();
                collect(dialog.getDialogPane(), found);
                return found;
            });
            assertThat(cut).as("labels, check boxes and choosers showing an ellipsis").isEmpty();
            List<Double> chooserWidths = fx(() -> dialog.getDialogPane().lookupAll(".combo-box").stream()
                    .filter(n -> n.getId() != null && n.getId().startsWith("role-"))
                    .map(n -> ((ComboBox<?>) n).getWidth()).toList());
            assertThat(chooserWidths).hasSize(4).allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(200));
            assertThat(fx(() -> dialog.getDialogPane().getHeight())).isLessThanOrEqualTo(700);
            assertThat(fx(() -> dialog.getDialogPane().getWidth())).isLessThanOrEqualTo(1024);
            String screenshots = System.getProperty("recworkbench.screenshots");
            if (screenshots != null) {
                fx(() -> Screenshots.save(dialog.getDialogPane().getScene(), Path.of(screenshots)
                        .resolve("import-dialog.png")));
            }
        } finally {
            fx(dialog::close);
        }
    }

    private static void collect(Node node, List<String> cut) {
        if (node instanceof Labeled labeled && labeled.isVisible() && ClippedText.isCut(labeled)) {
            cut.add(labeled.getClass().getSimpleName() + " \"" + labeled.getText() + "\" (width "
                    + Math.round(labeled.getWidth()) + ")");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }
}
