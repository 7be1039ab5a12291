package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench from the keyboard alone: the tile list's menu, Tab through the tool bar, Space on a control the
 * keyboard focused, Ctrl+Tab between the tabs. The whole workbench (Annotate, Train, Evaluate) on the sample
 * project, without a model.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class KeyboardAccessTest {

    private Workbench workbench;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        java.nio.file.Path project = java.nio.file.Files.createTempDirectory("meander-keys-test");
        org.meander.project.SampleProject.create(project, 2);
        workbench = Workbench.open(project, null);
        scene = new MainWindow(workbench, ProjectActions.NONE).scene();
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    /** Shift+F10 and the Menu key open the selected tile's menu at its line; its items move the tile. */
    @Test
    void shiftF10AndTheMenuKeyOpenTheSelectedTilesMenu(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#tiles").queryAs(ListView.class);
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(2);
        });
        Tile tile = workbench.annotate().selectedTileProperty().get();
        robot.press(KeyCode.SHIFT).push(KeyCode.F10).release(KeyCode.SHIFT);
        ContextMenu menu = shownMenu();
        assertNotNull(menu, "Shift+F10 shows the tile's menu");
        ListCell<?> cell = robot.from(list).lookup((ListCell<?> c) -> c.getContextMenu() == menu).query();
        assertEquals(2, cell.getIndex(), "the selected tile's menu");
        Bounds line = cell.localToScreen(cell.getBoundsInLocal());
        assertTrue(line.getMinY() <= menu.getY() && menu.getY() <= line.getMaxY(),
                "the menu opens at the tile's line: " + menu.getY() + " in " + line);

        // the keyboard goes on in the menu: Down to the first item it may choose, Enter
        Split before = workbench.project().split(tile);
        robot.push(KeyCode.DOWN).push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(menu.isShowing());
        assertFalse(before == workbench.project().split(tile), "the tile moved to another split");

        // the Menu key, as a key (X11) and, where the platform makes it one, as a menu request as well
        robot.interact(() -> list.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.CONTEXT_MENU, false,
                false, false, false)));
        ContextMenu again = shownMenu();
        assertNotNull(again, "the Menu key shows it too");
        robot.interact(() -> list.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 0, 0, 0, 0, true, null)));
        assertEquals(1, shownMenus().size(), "one menu, however the key comes");
        robot.push(KeyCode.ESCAPE);
    }

    /** Tab goes through every control of the tool bar, History…, View and Stretch and the tools included. */
    @Test
    void tabReachesEveryControlOfTheToolBar(FxRobot robot) {
        robot.interact(() -> robot.lookup("#project-menu").query().requestFocus());
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            robot.push(KeyCode.TAB);
            Node focused = scene.getFocusOwner();
            reached.add(focused.getId() != null ? focused.getId()
                    : focused instanceof javafx.scene.control.Labeled l ? l.getText() : focused.toString());
        }
        List<String> controls = new ArrayList<>(List.of("SAM", "Brush", "Eraser", "Polygon", "label-history",
                "stretch-colours", "tiles", "canvas"));
        if (!robot.lookup("#tile-view").query().isDisabled()) { // it is, on tiles without a near-infrared band
            controls.add("tile-view");
        }
        for (String control : controls) {
            assertTrue(reached.contains(control), control + " is reached by Tab: " + reached);
        }
    }

    /** Space on the Stretch box the keyboard focused ticks it; it does not pan the tile. */
    @Test
    void spaceOperatesAControlTheKeyboardFocused(FxRobot robot) {
        CheckBox stretch = robot.lookup("#stretch-colours").queryAs(CheckBox.class);
        robot.interact(() -> robot.lookup("#show-original").query().requestFocus()); // View, between, is off
        for (int i = 0; i < 3 && scene.getFocusOwner() != stretch; i++) {
            robot.push(KeyCode.TAB);
        }
        assertSame(stretch, scene.getFocusOwner());
        assertTrue(stretch.isFocusVisible());
        boolean was = stretch.isSelected();
        robot.push(KeyCode.SPACE);
        assertEquals(!was, stretch.isSelected(), "Space ticks the box");
        robot.push(KeyCode.C);
        assertEquals(was, stretch.isSelected(), "C, a workbench key, still works there");
    }

    /** Ctrl+Tab and Ctrl+Page Down go to the next tab, with Shift and Ctrl+Page Up back; a text field lets them. */
    @Test
    void ctrlTabAndCtrlPageDownSwitchTheTabs(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> robot.lookup("#canvas").query().requestFocus());
        robot.press(KeyCode.CONTROL).push(KeyCode.TAB).release(KeyCode.CONTROL);
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Tab: Train");
        assertTrue(scene.getFocusOwner() == tabs, "the focus leaves the tab it was on for the tabs' headers");
        robot.press(KeyCode.CONTROL).push(KeyCode.PAGE_DOWN).release(KeyCode.CONTROL);
        assertEquals(2, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Page Down: Evaluate");
        robot.press(KeyCode.CONTROL).push(KeyCode.TAB).release(KeyCode.CONTROL);
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex(), "round again to Annotate");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).push(KeyCode.TAB).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(2, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Shift+Tab: back to Evaluate");
        robot.press(KeyCode.CONTROL).push(KeyCode.PAGE_UP).release(KeyCode.CONTROL);
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Page Up: Train");

        TextField field = robot.lookup((Node n) -> n instanceof TextField f && f.isVisible() && f.isEditable()
                && f.getScene() == scene && f.getId() != null && !"tile-search".equals(f.getId())).query();
        robot.interact(field::requestFocus);
        robot.press(KeyCode.CONTROL).push(KeyCode.TAB).release(KeyCode.CONTROL);
        assertEquals(2, tabs.getSelectionModel().getSelectedIndex(), "from a text field too");

        robot.interact(() -> robot.lookup("#tile-search").query().requestFocus());
        robot.press(KeyCode.CONTROL).push(KeyCode.PAGE_DOWN).release(KeyCode.CONTROL);
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex(), "from the tile search");
        assertEquals("tile-search", scene.getFocusOwner().getId(), "a field still shown keeps the focus");
    }

    private static ContextMenu shownMenu() {
        List<ContextMenu> menus = shownMenus();
        return menus.isEmpty() ? null : menus.get(0);
    }

    private static List<ContextMenu> shownMenus() {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu menu && menu.isShowing())
                .map(w -> (ContextMenu) w)
                .toList();
    }
}
