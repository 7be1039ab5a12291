package org.meander.ui;

import java.io.File;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.meander.project.ImageryOptions;

/** The "New project…" window: folders typed or chosen, Create, the copy's progress and report. Binds only. */
final class NewProjectWindow {

    private final TaskWindow window;
    private final NewProjectViewModel model;

    NewProjectWindow(NewProjectViewModel model) {
        this.model = model;
        Label intro = TaskWindow.intro("A project holds copies of your images in its tiles/ folder, their labels and"
                + " its settings. Masks from another tool, named like the images (x.png or x_mask.png for x.jpg),"
                + " become the labels to correct. Near-infrared frames, named like the images or with an _ir part"
                + " (x_ir.png), give auto-label its water index; frames beside the images are found by themselves,"
                + " and a frame from another camera is aligned on its image. Images with more bands than red, green"
                + " and blue (multi-band TIFFs) get a choice of bands once they are found, filled in from the names"
                + " they give their bands.");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        folderRow(form, 0, "Images", "new-project-images", model.imagesFolderProperty(), "the folder of images");
        BandChoiceRow.add(form, 1, model.bands(), "new-project", model.bandsFoundProperty());
        folderRow(form, 2, "Near-infrared (optional)", "new-project-nir", model.nearInfraredFolderProperty(),
                "the folder of near-infrared frames");
        Label framesFound = new Label();
        framesFound.setId("new-project-nir-found");
        framesFound.setWrapText(true);
        framesFound.textProperty().bind(model.framesFoundProperty());
        framesFound.managedProperty().bind(framesFound.textProperty().isNotEmpty());
        form.add(framesFound, 1, 3, 2, 1);
        folderRow(form, 4, "Masks (optional)", "new-project-masks", model.masksFolderProperty(),
                "the folder of masks");
        TextField classIndex = new TextField();
        classIndex.setId("new-project-class-index");
        classIndex.setPromptText("empty: every pixel above 0 is foreground");
        classIndex.textProperty().bindBidirectional(model.classIndexProperty());
        form.addRow(5, FormLabel.of("Class index (optional)"), classIndex);
        folderRow(form, 6, "Project folder", "new-project-folder", model.projectFolderProperty(),
                "the folder for the new project");
        CheckBox followLinks = new CheckBox("Follow links out of these folders (data kept by git-annex or DVC)");
        followLinks.setId("new-project-follow-links");
        followLinks.selectedProperty().bindBidirectional(model.followLinksProperty());
        form.add(followLinks, 1, 7, 2, 1);
        CheckBox cutLarge = new CheckBox("Cut images larger than " + ImageryOptions.CUT_LARGER_THAN
                + " pixels into overlapping " + ImageryOptions.CUT_TILE_SIZE + "-pixel tiles");
        cutLarge.setId("new-project-cut-large");
        cutLarge.setTooltip(new Tooltip("SAM sees every image at " + ImageryOptions.CUT_TILE_SIZE + " pixels on its"
                + " longer side: a larger image, whole, would lose its detail (and an orthomosaic may not fit in"
                + " memory). Cut ones are stitched back into one mask when labels are exported."));
        cutLarge.selectedProperty().bindBidirectional(model.cutLargeProperty());
        form.add(cutLarge, 1, 8, 2, 1);
        CheckBox nirAsItIs = new CheckBox("Near-infrared frames line up already: lay them as they are");
        nirAsItIs.setId("new-project-nir-as-is");
        nirAsItIs.setTooltip(new Tooltip("Frames from another camera are found on their images by their edges and"
                + " warped onto them (about a second a frame). Tick this for frames their software registered"
                + " already."));
        nirAsItIs.selectedProperty().bindBidirectional(model.nearInfraredAsItIsProperty());
        nirAsItIs.disableProperty().bind(model.nearInfraredFolderProperty().isEmpty());
        form.add(nirAsItIs, 1, 9, 2, 1);

        Label problem = TaskWindow.problem("new-project-problem", model.problemProperty());

        Button create = new Button("Create and open");
        create.setId("new-project-create");
        create.setOnAction(e -> model.create());

        TextArea report = TaskWindow.report("new-project-report", model.task().messageProperty());

        VBox root = new VBox(12, intro, form, problem,
                TaskWindow.startRow(model.problemProperty(), model.task(), true, create), report);
        root.setPadding(new Insets(14));
        window = new TaskWindow("Meander — new project", root, 680, 620, model.task().runningProperty());
        // all went well: the project opens in the main window, and nothing here needs reading
        model.madeCleanlyProperty().addListener((o, old, clean) -> {
            if (clean) {
                window.stage().close();
            }
        });
    }

    void show(Window owner) {
        window.show(owner);
    }

    Stage stage() {
        return window.stage();
    }

    private void folderRow(GridPane form, int row, String label, String id, StringProperty folder, String what) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(30);
        field.textProperty().bindBidirectional(folder);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose " + what);
            ChooserStart.near(folder.get()).ifPresent(chooser::setInitialDirectory);
            File chosen = chooser.showDialog(window.stage());
            if (chosen != null) {
                folder.set(chosen.getPath());
            }
        });
        choose.setMinWidth(Region.USE_PREF_SIZE);
        form.addRow(row, FormLabel.of(label), field, choose);
    }
}
