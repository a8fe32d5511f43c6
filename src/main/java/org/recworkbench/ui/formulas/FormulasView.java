package org.recworkbench.ui.formulas;

import org.recworkbench.ui.common.EngineText;
import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.ui.common.ClippedText;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.recworkbench.explain.Derivation;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.ui.common.Labels;
import org.recworkbench.ui.common.DerivationPane;
import org.recworkbench.ui.common.Views;

import java.util.function.Function;

/** Thin view over {@link FormulasViewModel}: the inputs of the chosen formula, the derivations and the gallery. */
public final class FormulasView {

    @FXML
    private TabPane tabs;
    @FXML
    private ComboBox<FormulaKind> kindBox;
    @FXML
    private ComboBox<Orientation> orientationBox;
    @FXML
    private ComboBox<Measure> measureBox;
    @FXML
    private HBox shrinkageBox;
    @FXML
    private Spinner<Double> shrinkageSpinner;
    @FXML
    private HBox userBox;
    @FXML
    private TextField userField;
    @FXML
    private HBox itemBox;
    @FXML
    private TextField itemField;
    @FXML
    private HBox otherBox;
    @FXML
    private Label otherLabel;
    @FXML
    private TextField otherField;
    @FXML
    private HBox ratingBox;
    @FXML
    private Spinner<Double> ratingSpinner;
    @FXML
    private HBox termBox;
    @FXML
    private ComboBox<String> termBox2;
    @FXML
    private ListView<Derivation> derivationList;
    @FXML
    private StackPane derivationHolder;
    @FXML
    private StackPane galleryHolder;
    @FXML
    private Tab galleryTab;
    @FXML
    private Label messageLabel;

    private final FormulasViewModel viewModel;
    private final DerivationPane derivation = new DerivationPane();

    private FormulasView(FormulasViewModel viewModel) {
        this.viewModel = viewModel;
    }

    private Parent root;

    public static FormulasView create(FormulasViewModel viewModel) {
        FormulasView view = new FormulasView(viewModel);
        view.root = Views.load("formulas/FormulasView.fxml", view);
        return view;
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        derivation.setId("formulaDerivation");
        derivationHolder.getChildren().add(derivation);
        kindBox.getItems().setAll(FormulaKind.values());
        kindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        orientationBox.getItems().setAll(Orientation.ITEMS, Orientation.USERS);
        orientationBox.setConverter(Labels.of(o -> EngineText.singular(o) + "–" + EngineText.singular(o)));
        orientationBox.valueProperty().bindBidirectional(viewModel.orientationProperty());
        measureBox.getItems().setAll(Measure.values());
        measureBox.setConverter(Labels.of(EngineText::measure));
        measureBox.valueProperty().bindBidirectional(viewModel.measureProperty());
        shrinkageSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1000, 0, 5));
        shrinkageSpinner.valueProperty().addListener((obs, old, now) -> viewModel.shrinkageProperty()
                .set(now == null ? 0 : now));
        ratingSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(-1000, 1000,
                viewModel.ratingProperty().get(), 0.5));
        ratingSpinner.valueProperty().addListener((obs, old, now) -> viewModel.ratingProperty()
                .set(now == null ? 0 : now));
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        itemField.textProperty().bindBidirectional(viewModel.itemProperty());
        otherField.textProperty().bindBidirectional(viewModel.otherProperty());
        termBox2.setItems(viewModel.terms());
        termBox2.valueProperty().bindBidirectional(viewModel.termProperty());
        viewModel.kindProperty().addListener((obs, old, now) -> showInputs());
        viewModel.orientationProperty().addListener((obs, old, now) -> showInputs());
        showInputs();

        derivationList.setItems(viewModel.derivations());
        derivationList.setPlaceholder(Placeholders.of(I18n.t("formulas.placeholder")));
        derivationList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Derivation d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.title());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        derivationList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            derivation.derivationProperty().set(now);
            if (now != null && derivationList.getSelectionModel().getSelectedItem() != now) {
                derivationList.getSelectionModel().select(now);
            }
        });
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.arrivalsProperty().addListener((obs, old, now) -> showDataTab());
        galleryTab.setOnSelectionChanged(e -> {
            if (galleryTab.isSelected()) {
                if (galleryHolder.getChildren().isEmpty()) {
                    galleryHolder.getChildren().add(GalleryView.load(viewModel));
                }
                viewModel.onShowGallery();
            }
        });
        // a derivation may have been sent here before this view was first built
        derivation.derivationProperty().set(viewModel.selectedProperty().get());
        derivationList.getSelectionModel().select(viewModel.selectedProperty().get());
        ClippedText.install(derivationList);
    }

    private void showInputs() {
        FormulaKind.Input input = viewModel.kindProperty().get().input();
        boolean pair = input == FormulaKind.Input.PAIR;
        boolean items = viewModel.orientationProperty().get() == Orientation.ITEMS;
        show(orientationBox, pair);
        show(measureBox, pair);
        show(shrinkageBox, pair);
        show(userBox, pair ? !items : input != FormulaKind.Input.ITEM_TERM);
        show(itemBox, pair ? items : input != FormulaKind.Input.USER);
        show(otherBox, pair);
        otherLabel.setText(items ? I18n.t("formulas.andItem") : I18n.t("formulas.andUser"));
        show(ratingBox, input == FormulaKind.Input.USER_ITEM_RATING);
        show(termBox, input == FormulaKind.Input.ITEM_TERM);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML
    private void onCompute() {
        viewModel.onCompute();
    }

    @FXML
    private void onRandomUser() {
        viewModel.onRandomUser();
    }

    @FXML
    private void onRandomItem() {
        viewModel.onRandomItem();
    }

    /** Shows the seed examples gallery. */
    public void showGallery() {
        tabs.getSelectionModel().select(galleryTab);
    }

    /** Brings the "On your data" tab forward (when a derivation is sent here). */
    public void showDataTab() {
        tabs.getSelectionModel().select(0);
    }
}
