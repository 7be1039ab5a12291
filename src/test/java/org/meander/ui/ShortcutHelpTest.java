package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shortcut list opens and closes from the keyboard, is never open twice, fits the screen, names every shortcut,
 * and is README's keyboard table.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class ShortcutHelpTest {

    private Workbench workbench;
    private Stage mainWindow;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 1, null).workbench();
        mainWindow = stage;
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void f1OpensTheListAndEscapeOrF1ClosesIt(FxRobot robot) {
        robot.push(KeyCode.F1);
        assertEquals(1, helpWindows().size());
        robot.push(KeyCode.ESCAPE);
        assertEquals(0, helpWindows().size());
        robot.push(KeyCode.F1);
        assertEquals(1, helpWindows().size(), "it opens again after closing");
        robot.push(KeyCode.F1);
        assertEquals(0, helpWindows().size());
    }

    @Test
    void askingAgainWhileItIsOpenOpensNoSecondList(FxRobot robot) {
        robot.interact(() -> ShortcutHelp.show(mainWindow));
        robot.interact(() -> ShortcutHelp.show(mainWindow));
        assertEquals(1, helpWindows().size());
    }

    /** A screen lower than the list is tall (900 pixels, say) scrolls it, the window whole on the screen. */
    @Test
    void theListFitsTheScreenAndScrolls(FxRobot robot) {
        robot.interact(() -> {
            Rectangle2D area = Screen.getPrimary().getVisualBounds();
            mainWindow.setX(area.getMinX());
            mainWindow.setY(area.getMinY());
            mainWindow.setHeight(Math.min(mainWindow.getHeight(), area.getHeight()));
        });
        robot.push(KeyCode.F1);
        Stage help = (Stage) helpWindows().get(0);
        Rectangle2D area = Screen.getPrimary().getVisualBounds();
        assertTrue(help.getY() >= area.getMinY() && help.getY() + help.getHeight() <= area.getMaxY() + 0.5,
                "the window within the screen's height: " + help.getY() + " + " + help.getHeight() + " on " + area);
        assertTrue(help.getX() >= area.getMinX() && help.getX() + help.getWidth() <= area.getMaxX() + 0.5,
                "the window within the screen's width: " + help.getX() + " + " + help.getWidth() + " on " + area);
        ScrollPane scroll = (ScrollPane) help.getScene().getRoot();
        Label last = robot.from(scroll.getContent()).lookup((Label l) -> l.getText().startsWith("this list"))
                .query();
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        Bounds shown = scroll.localToScreen(scroll.getLayoutBounds());
        Bounds lastRow = last.localToScreen(last.getLayoutBounds());
        assertTrue(shown.contains(lastRow.getCenterX(), lastRow.getCenterY()),
                "scrolled down, the last row shows: " + lastRow + " in " + shown);
    }

    /** The list's rows are README's table, line for line, and its note is under the table. */
    @Test
    void readmesKeyboardTableIsTheList() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int section = readme.indexOf("## Keyboard and mouse");
        assertTrue(section >= 0, "README has a Keyboard and mouse section");
        List<String> table = new ArrayList<>();
        for (int i = section + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
            if (readme.get(i).startsWith("| ") && !readme.get(i).startsWith("| key or action |")) {
                table.add(readme.get(i));
            }
        }
        String expected = ShortcutHelp.ROWS.stream().map(ShortcutHelp.Row::markdown)
                .collect(Collectors.joining("\n"));
        assertEquals(expected, String.join("\n", table),
                "README's keyboard table is ShortcutHelp's list (F1): change both, the list first");
        assertTrue(readme.contains(ShortcutHelp.NOTE), "README says under the table: " + ShortcutHelp.NOTE);
    }

    /** Every key the Annotate tab takes is named in the list, as the list names keys. */
    @Test
    void everyShortcutIsInTheList() {
        List<String> named = ShortcutHelp.ROWS.stream()
                .flatMap(row -> Arrays.stream(row.keys().split("\\s*(?:,|/|\\(|\\)|\\band\\b|\\bor\\b)\\s*")))
                .map(String::strip)
                .toList();
        for (Shortcut shortcut : Shortcut.values()) {
            String keys = shortcut.keys.replace(Shortcut.shortcutKey() + "+", "Ctrl+");
            assertTrue(named.contains(keys), shortcut + " (" + keys + ") is not in the list: " + named);
        }
    }

    private static List<Window> helpWindows() {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null
                        && s.getTitle().contains("keyboard and mouse"))
                .toList();
    }
}
