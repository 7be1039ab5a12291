package org.meander.testing;

import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * After each UI test, hides every window but the primary stage. A dialog or window that a failed test left open
 * would otherwise take the next tests' keys and clicks (they go to the focused window), and one failure would show
 * up as several.
 */
public final class OneWindow implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> List.copyOf(Window.getWindows()).stream()
                .filter(window -> window != primary)
                .forEach(Window::hide));
    }
}
