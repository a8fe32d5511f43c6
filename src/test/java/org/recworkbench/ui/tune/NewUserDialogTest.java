package org.recworkbench.ui.tune;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.Rating;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recworkbench.ui.Screenshots;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** The cold-start dialog: one click per rating (stars, or a tick for implicit data), any item found by search. */
@ExtendWith(ApplicationExtension.class)
class NewUserDialogTest {

    private Stage stage;
    private NewUserDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(), 400, 300);
        scene.getStylesheets().add(NewUserDialogTest.class.getResource("/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (dialog != null) {
            fx(() -> {
                dialog.setResult(null);
                dialog.close();
            });
        }
        fx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    private static Dataset shop(DatasetKind kind) {
        DatasetBuilder b = new DatasetBuilder("shop", kind);
        for (int i = 0; i < 30; i++) {
            b.item("i" + i, "Item number " + i, new String[0], "");
        }
        for (int u = 0; u < 10; u++) {
            for (int i = 0; i < 30; i += 1 + u % 3) {
                b.add("u" + u, "i" + i, kind == DatasetKind.EXPLICIT ? 1 + (u + i) % 5 : 1);
            }
        }
        return b.build();
    }

    private NewUserDialog open(DatasetKind kind) throws Exception {
        Dataset data = shop(kind);
        dialog = fx(() -> {
            NewUserDialog d = new NewUserDialog(stage, data, List.of(0, 1, 2, 3, 4),
                    kind == DatasetKind.EXPLICIT);
            d.getDialogPane().getScene().getStylesheets()
                    .add(NewUserDialogTest.class.getResource("/workbench.css").toExternalForm());
            d.show();
            return d;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    private List<Rating> ratings() throws Exception {
        return fx(() -> {
            List<Rating> found = new ArrayList<>();
            for (Node n : dialog.getDialogPane().lookupAll(".rating")) {
                if (n instanceof Rating r && r.isVisible() && r.getParent() != null) {
                    found.add(r);
                }
            }
            found.sort((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()));
            return found;
        });
    }

    private static Node star(Rating rating, int k) {
        return ((javafx.scene.Parent) rating.getChildrenUnmodifiable().get(0)).getChildrenUnmodifiable().get(k - 1);
    }

    @Test
    void oneClickOnAStarRatesTheItemAndASecondClickClearsIt(FxRobot robot) throws Exception {
        open(DatasetKind.EXPLICIT);
        List<Rating> rows = ratings();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).getMax()).isEqualTo(5);

        robot.clickOn(star(rows.get(0), 4));
        robot.clickOn(star(rows.get(2), 2));
        WaitForAsyncUtils.waitForFxEvents();
        NewUserDialog.Profile profile = fx(() -> dialog.getResultConverter().call(ButtonType.OK));
        assertThat(profile.items()).containsExactly(0, 2);
        assertThat(profile.values()).containsExactly(4.0, 2.0);
        screenshot("new-user-light.png");
        fx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("new-user-dark.png");

        robot.clickOn(star(rows.get(2), 2));
        WaitForAsyncUtils.waitForFxEvents();
        profile = fx(() -> dialog.getResultConverter().call(ButtonType.OK));
        assertThat(profile.items()).containsExactly(0);
    }

    @Test
    void anItemFoundBySearchIsAddedOnTopToBeRated() throws Exception {
        open(DatasetKind.EXPLICIT);
        SearchableComboBox<NewUserDialog.Choice> search = fx(() -> {
            @SuppressWarnings("unchecked")
            SearchableComboBox<NewUserDialog.Choice> s = (SearchableComboBox<NewUserDialog.Choice>) dialog
                    .getDialogPane().lookup("#newUserSearch");
            return s;
        });
        assertThat(search.getItems()).hasSize(30);

        NewUserDialog.Choice item17 = search.getItems().stream().filter(c -> c.item == 17).findFirst().orElseThrow();
        fx(() -> search.setValue(item17));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.table().getItems()).hasSize(6);
        assertThat(dialog.table().getItems().get(0).item).isEqualTo(17);
        fx(() -> dialog.table().getItems().get(0).stars.set(5));
        NewUserDialog.Profile profile = fx(() -> dialog.getResultConverter().call(ButtonType.OK));
        assertThat(profile.items()).containsExactly(17);
        assertThat(profile.values()).containsExactly(5.0);
    }

    @Test
    void implicitDataIsTickedNotRated(FxRobot robot) throws Exception {
        open(DatasetKind.IMPLICIT);
        assertThat(ratings()).isEmpty();
        List<CheckBox> ticks = fx(() -> dialog.getDialogPane().lookupAll(".check-box").stream()
                .filter(n -> n instanceof CheckBox c && c.isVisible()).map(n -> (CheckBox) n)
                .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                .toList());
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(5);

        robot.clickOn(ticks.get(1));
        WaitForAsyncUtils.waitForFxEvents();

        NewUserDialog.Profile profile = fx(() -> dialog.getResultConverter().call(ButtonType.OK));
        assertThat(profile.items()).containsExactly(1);
        assertThat(profile.values()).containsExactly(1.0);
    }

    private void screenshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name);
        fx(() -> Screenshots.save(dialog.getDialogPane().getScene(), file));
        assertThat(Files.size(file)).isGreaterThan(2_000);
    }
}
