package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

/** The shortcut list opens and closes from the keyboard, and is never open twice. */
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

    private static List<Window> helpWindows() {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null
                        && s.getTitle().contains("keyboard and mouse"))
                .toList();
    }
}
