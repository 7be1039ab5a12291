package org.meander.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * What a window shows cut short, for tests at a small window size. JavaFX says nowhere that a label is cut: its
 * skin's Text child holds the string drawn, ellipsised when the label is too small for its text.
 */
final class CutShort {

    private CutShort() {
    }

    /** The shown labels under root that draw less than their text, unless a tooltip holds the whole of it. */
    static List<String> labels(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node node : shown(root)) {
            if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                    && !drawn(labeled).equals(plain(labeled)) && !explained(labeled)) {
                cut.add("\"" + labeled.getText() + "\" drawn as \"" + drawn(labeled) + "\"");
            }
        }
        return cut;
    }

    /**
     * The shown regions laid out narrower than their minimum width: what their parent clips or overlaps (a button
     * drawn as its last letter, a chart cut in half). The insides of tables and lists are theirs to lay out, a
     * scroll pane's viewport clips by design, the tool bar's skin draws its overflow button in less than its padding,
     * and a region of no width is one its parent chose not to show (a popup not open).
     */
    static List<String> squeezed(Parent root) {
        List<String> squeezed = new ArrayList<>();
        for (Node node : shown(root)) {
            if (node instanceof Region region && region.getWidth() > 0
                    && region.getWidth() + 0.5 < region.minWidth(-1) && !insideCells(region)
                    && !inViewport(region) && !region.getStyleClass().contains("tool-bar-overflow-button")) {
                squeezed.add(describe(region) + " is " + Math.round(region.getWidth()) + " px wide of the "
                        + Math.round(region.minWidth(-1)) + " it needs");
            }
        }
        return squeezed;
    }

    /** The titles of the table's columns that lie past its right edge while it has no scroll bar to reach them. */
    static List<String> unreachableColumns(TableView<?> table) {
        boolean scrolls = table.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar instanceof ScrollBar scrollBar
                && scrollBar.getOrientation() == Orientation.HORIZONTAL && scrollBar.isVisible());
        List<String> unreachable = new ArrayList<>();
        for (Node header : table.lookupAll(".column-header")) {
            if (header.isVisible() && !scrolls && !withinWidth(header, table)
                    && header instanceof TableColumnHeader column) {
                TableColumnBase<?, ?> shown = column.getTableColumn();
                // a title that explains itself in a tooltip is a label in the column's graphic
                unreachable.add(shown.getText() != null || !(shown.getGraphic() instanceof Labeled title)
                        ? shown.getText() : title.getText());
            }
        }
        return unreachable;
    }

    /** Whether a node lies within the horizontal bounds of its ancestor: not pushed off its edge. */
    static boolean withinWidth(Node node, Node ancestor) {
        double left = ancestor.localToScene(ancestor.getLayoutBounds()).getMinX();
        double right = ancestor.localToScene(ancestor.getLayoutBounds()).getMaxX();
        return node.localToScene(node.getLayoutBounds()).getMinX() >= left - 0.5
                && node.localToScene(node.getLayoutBounds()).getMaxX() <= right + 0.5;
    }

    /** The split pane's item that holds node, which clips what overflows it. */
    static Node paneOf(Node node) {
        Node item = node;
        while (!(item.getParent() instanceof SplitPane)) {
            item = item.getParent();
        }
        return item;
    }

    private static String drawn(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText())
                .findFirst().orElse(plain(labeled));
    }

    /** The text as drawn when whole: a button's mnemonic underscore is not drawn. */
    private static String plain(Labeled labeled) {
        return labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
    }

    private static boolean explained(Labeled labeled) {
        Tooltip tip = labeled.getTooltip();
        return tip != null && labeled.getText().equals(tip.getText());
    }

    private static boolean insideCells(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("table-view") || n.getStyleClass().contains("list-view")) {
                return true;
            }
        }
        return false;
    }

    /** A scroll pane's viewport and what holds its content there: as wide as what shows of the content. */
    private static boolean inViewport(Node node) {
        for (Node n = node; n.getParent() != null; n = n.getParent()) {
            if (n.getParent() instanceof ScrollPane) {
                return true; // up from the scroll pane's skin, not from its content
            }
            if (scrolledContent(n)) {
                return false;
            }
        }
        return false;
    }

    private static boolean scrolledContent(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane) {
                return pane.getContent() == node;
            }
        }
        return false;
    }

    private static String describe(Region region) {
        String name = region.getId() != null ? "#" + region.getId() : region.getClass().getName();
        return region instanceof Labeled labeled ? name + " \"" + labeled.getText() + "\"" : name;
    }

    /** Root and the nodes under it that are visible: their own flag and all their parents'. */
    private static List<Node> shown(Parent root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes;
    }

    private static void collect(Node node, List<Node> into) {
        if (!node.isVisible()) {
            return;
        }
        into.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }
}
