package org.meander.ui;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.meander.project.Split;
import org.meander.project.Tile;

/**
 * The tiles beside the canvas: a filter and a search by name over them, the review count, and a line per tile with
 * its thumbnail, label status and split. Selecting a tile opens it; a right click (or the Menu key, Shift+F10) moves
 * it to another split or removes it (Delete too).
 */
final class TileList {

    private final ListView<Tile> list = new ListView<>();
    private final TextField search = new TextField();
    private final TileBrowser browser;
    private final TileRemoval removal;
    private final AnnotateViewModel model;
    private final VBox root;

    /**
     * Enter or Down in the search field opens the first tile found and moves on to the list; Esc clears it. Delete
     * in the list removes the selected tile, once confirmed.
     */
    TileList(AnnotateViewModel model) {
        browser = model.browser();
        removal = model.removal();
        this.model = model;
        list.setItems(browser.shown());
        list.setId("tiles");
        Label placeholder = new Label();
        placeholder.setId("tiles-placeholder");
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(10));
        list.setPlaceholder(placeholder);
        // an empty project is not an empty search: it says how tiles come in (read only when the list is empty: the
        // project's tiles are copied to be listed)
        Runnable sayWhy = () -> {
            if (browser.shown().isEmpty()) {
                placeholder.setText(model.project().tiles().isEmpty()
                        ? "No tiles in this project yet: Project ▸ Add a raster… cuts an orthomosaic into tiles, New"
                                + " project… makes one of a folder of images."
                        : "No tile matches");
            }
        };
        browser.shown().addListener((ListChangeListener<Tile>) change -> sayWhy.run());
        sayWhy.run();
        Thumbnails thumbnails = Thumbnails.ofTileImages();
        list.setCellFactory(view -> new TileCell(browser, thumbnails, this::confirmRemoval));
        list.setOnKeyPressed(e -> {
            Tile selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.DELETE && selected != null) {
                confirmRemoval(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                // JavaFX makes the Menu key a context menu request on some platforms only, Shift+F10 on none
                showMenuOfSelected();
                e.consume();
            }
        });
        list.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) { // it goes to the list, not to a cell, whose menu a right click shows
                showMenuOfSelected();
                e.consume();
            }
        });
        // the open tile is the model's; the list follows it, whoever opens a tile (the list, a restore, the Evaluate
        // tab), and puts its selection back on it after taking in a change of the tiles shown
        list.getSelectionModel().selectedItemProperty().addListener((o, old, tile) -> {
            if (!browser.changingShown()) {
                model.selectedTileProperty().set(tile);
            }
        });
        model.selectedTileProperty().addListener((o, old, tile) -> select(tile));
        browser.shown().addListener((ListChangeListener<Tile>) change -> select(model.selectedTileProperty().get()));
        // the window opens with the list in focus (arrow keys move through the tiles), not the filter above it
        list.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                Platform.runLater(list::requestFocus);
            }
        });
        // a label written (a save, auto-label) changes its tile's status; an edit not yet saved does not, and
        // refreshing at each brush stroke or status message would read the visible tiles' statuses every time
        model.labelsWrittenProperty().addListener(o -> list.refresh());
        // the open tile dims when the filter or the search leaves it out
        browser.filterProperty().addListener(o -> list.refresh());
        browser.searchProperty().addListener(o -> list.refresh());

        ChoiceBox<TileFilter> filter = new ChoiceBox<>(FXCollections.observableArrayList(TileFilter.values()));
        filter.setId("tile-filter");
        filter.valueProperty().bindBidirectional(browser.filterProperty());
        filter.setMaxWidth(Double.MAX_VALUE);
        filter.setTooltip(new Tooltip("Show only the tiles whose label stands so, or one split's; N, Shift+A and"
                + " Page Down go through the tiles shown"));
        search.setId("tile-search");
        search.setPromptText("Find by name (" + Shortcut.FIND.keys + ")");
        search.textProperty().bindBidirectional(browser.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                list.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                open(browser.firstFound());
                list.requestFocus();
                e.consume();
            }
        });
        Label review = new Label();
        review.setId("review-summary");
        review.textProperty().bind(browser.reviewProperty());
        review.setWrapText(true);
        VBox controls = new VBox(4, filter, search, review);
        controls.setPadding(new Insets(4, 4, 4, 4));
        select(model.selectedTileProperty().get());
        root = new VBox(controls, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        // a fixed width: the tabs keep their room, and the count wraps instead of widening the pane
        root.setPrefWidth(220);
    }

    Node root() {
        return root;
    }

    /** Opens the tile (none: the open one stays); the list shows it whatever the filter while it is open. */
    void open(Tile tile) {
        if (tile != null) {
            model.selectedTileProperty().set(tile);
        }
    }

    /** Selects the open tile, scrolling the list only as far as needed to show it; none selected when none is open. */
    private void select(Tile open) {
        if (open == null || !browser.shown().contains(open)) {
            list.getSelectionModel().clearSelection();
            return;
        }
        if (!open.equals(list.getSelectionModel().getSelectedItem())) {
            list.getSelectionModel().select(open);
        }
        int index = list.getSelectionModel().getSelectedIndex();
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            list.scrollTo(index); // not laid out yet: the window opening on a tile down the list
        }
    }

    /**
     * The Menu key, Shift+F10: the selected tile's menu (another split, remove), at its line in the list, as a right
     * click on the line shows it.
     */
    private void showMenuOfSelected() {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index < 0 || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        IndexedCell<?> cell = flow.getVisibleCell(index);
        if (cell == null || !isWhollyShown(cell, flow)) {
            flow.scrollTo(index);
            list.layout();
            cell = flow.getVisibleCell(index);
        }
        if (cell == null || cell.getContextMenu() == null || cell.getContextMenu().isShowing()) {
            return; // the Menu key may come as a key and as a menu request both
        }
        Bounds line = cell.localToScreen(cell.getBoundsInLocal());
        cell.getContextMenu().show(cell, line.getMinX() + line.getWidth() / 4, line.getMinY() + line.getHeight() / 2);
    }

    private static boolean isWhollyShown(Node cell, Node flow) {
        Bounds inFlow = flow.sceneToLocal(cell.localToScene(cell.getBoundsInLocal()));
        return flow.getLayoutBounds().contains(inFlow);
    }

    /** Asks first: the tile leaves the list (its files go to the project's trash, nothing is deleted). */
    private void confirmRemoval(Tile tile) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, TileRemoval.question(tile), ButtonType.OK,
                ButtonType.CANCEL);
        confirm.setTitle("Meander — remove a tile");
        confirm.setHeaderText(null);
        if (list.getScene() != null) {
            confirm.initOwner(list.getScene().getWindow());
        }
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> removal.remove(tile));
    }

    void selectFirst() {
        list.getSelectionModel().selectFirst();
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private static final class TileCell extends ListCell<Tile> {

        private final TileBrowser browser;
        private final Thumbnails thumbnails;
        private final Consumer<Tile> remove;
        private final ImageView thumbnail = new ImageView();

        TileCell(TileBrowser browser, Thumbnails thumbnails, Consumer<Tile> remove) {
            this.browser = browser;
            this.thumbnails = thumbnails;
            this.remove = remove;
        }

        @Override
        protected void updateItem(Tile tile, boolean empty) {
            super.updateItem(tile, empty);
            if (empty || tile == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                setTooltip(null);
                setOpacity(1);
                return;
            }
            if (!browser.holds(tile)) {
                // removed on a thread of its own, which tells the list next: the project has nothing of it to read
                setText(tile.name() + "\nremoved");
                setOpacity(0.55);
                setContextMenu(null);
                setTooltip(null);
                setGraphic(null);
                return;
            }
            // a line each: "predicted, to review · validation" on one would not fit the list's width
            setText(tile.name() + "\n" + browser.statusOf(tile) + "\n" + browser.splitOf(tile).key() + " split");
            // open, though the filter or the search leaves it out: it goes once another tile opens
            setOpacity(browser.admits(tile) ? 1 : 0.55);
            setContextMenu(menu(tile));
            String provenance = browser.provenanceOf(tile);
            setTooltip(provenance == null ? null : new Tooltip(provenance));
            thumbnail.setImage(thumbnails.of(tile));
            setGraphic(thumbnail);
        }

        /** Right click on a tile: move it to another split, or remove it. */
        private ContextMenu menu(Tile tile) {
            ContextMenu menu = new ContextMenu();
            for (Split split : Split.values()) {
                MenuItem item = new MenuItem("Move to " + split.key());
                item.setDisable(browser.splitOf(tile) == split);
                item.setOnAction(e -> {
                    browser.setSplit(tile, split);
                    getListView().refresh();
                });
                menu.getItems().add(item);
            }
            MenuItem removeItem = new MenuItem("Remove from the project… (Delete)");
            removeItem.setOnAction(e -> remove.accept(tile));
            menu.getItems().addAll(new SeparatorMenuItem(), removeItem);
            return menu;
        }
    }
}
