package org.meander.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The tool bar: the tools, the brush size, how the label and the tile are drawn, and help. Binds only. */
final class WorkbenchToolBar {

    /** Narrow enough that every control but History… and Shortcuts fits a 1024-pixel window. */
    private static final double SLIDER_WIDTH = 70;

    private WorkbenchToolBar() {
    }

    static ToolBar create(LabelEditor editor, TileCanvas canvas, TileViews views, ProjectActions projects,
                          Runnable history, Runnable help) {
        ToggleGroup tools = new ToggleGroup();
        ToggleButton sam = tool("SAM", Tool.SAM, "S: click points, drag a box", tools, editor);
        ToggleButton brush = tool("Brush", Tool.BRUSH, "B: paint the label", tools, editor);
        ToggleButton eraser = tool("Eraser", Tool.ERASER, "E: erase the label", tools, editor);
        ToggleButton polygon = tool("Polygon", Tool.POLYGON, "P: click vertices, Enter fills, Alt+Enter cuts", tools,
                editor);
        editor.toolProperty().addListener((o, old, t) -> tools.getToggles().stream()
                .filter(b -> b.getUserData() == t).findFirst().ifPresent(b -> b.setSelected(true)));

        Slider brushSize = new Slider(1, 100, editor.brushRadiusProperty().get());
        brushSize.setId("brush-size");
        brushSize.valueProperty().bindBidirectional(editor.brushRadiusProperty());
        brushSize.setTooltip(new Tooltip("Brush radius in tile pixels ([ and ])"));
        brushSize.setPrefWidth(SLIDER_WIDTH);

        Slider opacity = new Slider(0, 1, canvas.labelOpacityProperty().get());
        opacity.setId("label-opacity");
        opacity.valueProperty().bindBidirectional(canvas.labelOpacityProperty());
        opacity.setPrefWidth(SLIDER_WIDTH);
        opacity.setTooltip(new Tooltip("How opaque the label is drawn (L hides it, and shows it again)"));
        CheckBox outline = new CheckBox("Outline");
        outline.setId("label-outline");
        outline.selectedProperty().bindBidirectional(canvas.labelOutlineProperty());
        outline.setTooltip(new Tooltip("Shift+L: draw the label as its outline, to see the tile underneath"));
        CheckBox original = new CheckBox("Original");
        original.setId("show-original");
        original.selectedProperty().bindBidirectional(editor.showOriginalProperty());
        original.setTooltip(new Tooltip("O: show the imported label instead of the edited one"));
        Button historyButton = new Button("History…");
        historyButton.setId("label-history");
        historyButton.setTooltip(new Tooltip("Shift+O: this tile's earlier labels, to see on the tile or restore"));
        historyButton.setOnAction(e -> history.run());

        ComboBox<TileView> view = new ComboBox<>();
        view.setId("tile-view");
        view.getItems().setAll(TileView.values());
        view.valueProperty().bindBidirectional(views.viewProperty());
        view.setConverter(ChoiceText.of(TileView::description));
        view.disableProperty().bind(views.nearInfraredProperty().not());
        view.setTooltip(new Tooltip("V: the tile in colour, its near-infrared band (water is dark in it), or colour"
                + " infrared (near-infrared as red, red as green, green as blue: vegetation red, water dark); for"
                + " tiles with a near-infrared band"));

        CheckBox stretch = new CheckBox("Stretch");
        stretch.setId("stretch-colours");
        stretch.selectedProperty().bindBidirectional(views.stretchedProperty());
        stretch.setTooltip(new Tooltip("C: the tile's colours stretched between their 2nd and 98th percentiles, for"
                + " contrast in hazy or dark imagery (the colour view; SAM sees the tile as stored)"));

        MenuButton project = new MenuButton("Project");
        project.setId("project-menu");
        MenuItem create = new MenuItem("New project…");
        create.setId("new-project");
        create.setOnAction(e -> projects.create().run());
        MenuItem open = new MenuItem("Open project…");
        open.setId("open-project");
        open.setOnAction(e -> chooseProject(project.getScene().getWindow(), projects.open()));
        MenuItem sample = new MenuItem("Sample project");
        sample.setId("sample-project");
        sample.setOnAction(e -> projects.openSample().run());
        MenuItem addRaster = new MenuItem("Add a raster…");
        addRaster.setId("add-raster");
        addRaster.setOnAction(e -> projects.addRaster().run());
        MenuItem removeRaster = new MenuItem("Remove a raster…");
        removeRaster.setId("remove-raster");
        removeRaster.setOnAction(e -> projects.removeRaster().run());
        MenuItem restoreTile = new MenuItem("Restore a removed tile…");
        restoreTile.setId("restore-tile");
        restoreTile.setOnAction(e -> projects.restoreTile().run());
        MenuItem autoLabel = new MenuItem("Auto-label…");
        autoLabel.setId("auto-label");
        autoLabel.setOnAction(e -> projects.autoLabel().run());
        MenuItem importLabels = new MenuItem("Import labels…");
        importLabels.setId("import-labels");
        importLabels.setOnAction(e -> projects.importLabels().run());
        MenuItem export = new MenuItem("Export labels…");
        export.setId("export-labels");
        export.setOnAction(e -> projects.exportLabels().run());
        project.getItems().setAll(create, open, sample, new SeparatorMenuItem(), addRaster, removeRaster, restoreTile,
                autoLabel, importLabels, export);
        project.setTooltip(new Tooltip("New project: make one of a folder of images (and their masks). Open"
                + " project: a folder holding tiles/. Sample project: synthetic river tiles with imperfect labels,"
                + " to try Meander on. Add a raster: cut an orthomosaic into this project's tiles; Remove a raster: take one out"
                + " again, its tiles to the trash. Auto-label: SAM labels the unlabelled tiles, for review. Import"
                + " labels: river polygons from a GIS (GeoJSON) or a labelling tool's COCO file. Export labels: PNG, COCO, GeoTIFF, GeoJSON or a Hugging Face"
                + " dataset."));
        Button helpButton = new Button("Shortcuts (F1)");
        helpButton.setOnAction(e -> help.run());
        // what is used with the tile at hand first; a narrow window's overflow menu takes the end, the label's
        // history and the shortcuts, which Shift+O and F1 open from anywhere. The brush's size beside its tools,
        // untitled (its tooltip names it): the word made View and Stretch overflow a 1024-pixel window.
        return new ToolBar(project, new Separator(), sam, brush, eraser, polygon, brushSize,
                new Separator(), new Label("Label"), opacity, outline, original, new Separator(), new Label("View"),
                view, stretch, new Separator(), historyButton, helpButton);
    }

    private static void chooseProject(Window owner, Consumer<Path> open) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a project: a folder holding a tiles/ folder of images");
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            open.accept(folder.toPath());
        }
    }

    private static ToggleButton tool(String text, Tool tool, String tip, ToggleGroup group, LabelEditor editor) {
        ToggleButton button = new ToggleButton(text);
        button.setUserData(tool);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tip));
        button.setSelected(editor.toolProperty().get() == tool);
        button.setOnAction(e -> {
            editor.choose(tool);
            button.setSelected(true); // a tool stays chosen when its button is pressed again
        });
        return button;
    }
}
