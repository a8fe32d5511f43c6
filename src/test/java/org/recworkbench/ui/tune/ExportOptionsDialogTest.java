package org.recworkbench.ui.tune;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recworkbench.export.ListFilter;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** The export dialog hands the export its N, explanation column, seen items and category. */
@ExtendWith(ApplicationExtension.class)
class ExportOptionsDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void theChoicesReachTheExportAndAnyCategoryMeansNoFilter() throws Exception {
        ExportOptionsDialog dialog = fx(() -> new ExportOptionsDialog(stage, 10, List.of("Garden", "Music")));
        assertThat(fx(dialog::options)).isEqualTo(new ExportOptionsDialog.Options(10, false, ListFilter.UNSEEN));
        fx(() -> {
            ((CheckBox) dialog.getDialogPane().lookup("#exportIncludeSeen")).setSelected(true);
            ((CheckBox) dialog.getDialogPane().lookup("#exportExplain")).setSelected(true);
            @SuppressWarnings("unchecked")
            ComboBox<String> category = (ComboBox<String>) dialog.getDialogPane().lookup("#exportCategory");
            assertThat(category.getItems()).containsExactly(ExportOptionsDialog.anyCategory(), "Garden", "Music");
            category.setValue("Music");
        });
        assertThat(fx(dialog::options)).isEqualTo(new ExportOptionsDialog.Options(10, true,
                new ListFilter(true, "Music")));
        ExportOptionsDialog none = fx(() -> new ExportOptionsDialog(stage, 5, List.of()));
        assertThat(fx(() -> java.util.Optional.ofNullable(none.getDialogPane().lookup("#exportCategory")))).isEmpty();
    }
}
