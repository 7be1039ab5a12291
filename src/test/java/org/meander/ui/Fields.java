package org.meander.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A UI test's reads and writes of the window's text, by id, once pending JavaFX events have run. */
final class Fields {

    private Fields() {
    }

    static String text(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(TextInputControl.class).getText();
    }

    static String label(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The words a choice box shows for its value: its button cell's, not a cell of its list. */
    static String choice(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Node box = robot.lookup(id).query();
        return robot.from(box).lookup(".list-cell").match(cell -> cell.getParent() == box).queryLabeled().getText();
    }

    /** Sets a field's text as a paste would, at once. */
    static void set(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }
}
