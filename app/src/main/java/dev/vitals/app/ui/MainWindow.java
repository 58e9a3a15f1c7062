package dev.vitals.app.ui;

import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The workstation window: menus, the session tabs (a welcome tab first) and the status bar.
 * Everything here runs on the FX thread; long work is started elsewhere and reports back.
 */
public final class MainWindow {
    static final String TITLE = "Vitals";

    private final Stage stage;
    private final Preferences preferences;
    private final TabPane sessions = new TabPane();
    private final Label status = new Label("Ready");
    private final BorderPane root = new BorderPane();

    public MainWindow(Stage stage, Preferences preferences) {
        this.stage = stage;
        this.preferences = preferences;
        Tab welcome = new Tab("Welcome", new WelcomePane(this::openRecording, this::attach, this::tryDemo));
        welcome.setClosable(false);
        sessions.getTabs().add(welcome);
        sessions.setId("sessions");
        status.setId("status");
        status.setPadding(new javafx.geometry.Insets(3, 8, 3, 8));
        root.setTop(menus());
        root.setCenter(sessions);
        root.setBottom(status);
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root));
    }

    public void show() {
        WindowState state = new WindowState(preferences);
        state.restore(stage);
        stage.setOnHidden(e -> state.save(stage));
        stage.show();
    }

    private MenuBar menus() {
        MenuItem open = item("Open Recording…", "Shortcut+O", this::openRecording);
        MenuItem close = item("Close Tab", "Shortcut+W", this::closeCurrentTab);
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("File", null, open, close, new SeparatorMenuItem(), quit);
        MenuItem theme = item("Light / Dark Theme", "Shortcut+Shift+T", this::toggleTheme);
        Menu view = new Menu("View", null, theme);
        MenuItem shortcuts = item("Keyboard Shortcuts", "F1", () -> ShortcutsDialog.show(stage));
        MenuItem about = item("About Vitals", null, () -> AboutDialog.show(stage));
        Menu help = new Menu("Help", null, shortcuts, about);
        return new MenuBar(file, view, help);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void closeCurrentTab() {
        Tab tab = sessions.getSelectionModel().getSelectedItem();
        if (tab != null && tab.isClosable()) {
            sessions.getTabs().remove(tab);
        }
    }

    private void toggleTheme() {
        Theme next = Theme.valueOf(preferences.get("theme", Theme.LIGHT.name())) == Theme.LIGHT ? Theme.DARK : Theme.LIGHT;
        next.apply();
        preferences.put("theme", next.name());
    }

    private void openRecording() {
    }

    private void attach() {
    }

    private void tryDemo() {
    }
}
