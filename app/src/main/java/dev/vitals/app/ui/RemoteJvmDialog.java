package dev.vitals.app.ui;

import dev.vitals.attach.RemoteAddress;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The dialogs of remote JVMs: adding one (host, JMX port, optional user and password, TLS) and
 * asking for the password of a saved one, which Vitals never stores.
 */
final class RemoteJvmDialog {
    static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    private RemoteJvmDialog() {
    }

    /** Asks for a remote JVM's address; empty when cancelled. The password is in the result, not saved. */
    static Optional<RemoteAddress> add(Window owner) {
        Dialog<RemoteAddress> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add Remote JVM");
        dialog.setHeaderText("A JVM started with -Dcom.sun.management.jmxremote.port=PORT");
        TextField host = field("remote-host", "host name or address");
        TextField port = field("remote-port", "JMX port, e.g. 9010");
        TextField user = field("remote-user", "optional");
        PasswordField password = new PasswordField();
        password.setId("remote-password");
        password.setPromptText("not saved; asked again next time");
        CheckBox tls = new CheckBox("TLS (com.sun.management.jmxremote.ssl=true)");
        tls.setId("remote-tls");
        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Host"), host);
        grid.addRow(1, new Label("Port"), port);
        grid.addRow(2, new Label("User"), user);
        grid.addRow(3, new Label("Password"), password);
        grid.add(tls, 1, 4);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(CONNECT, ButtonType.CANCEL);
        Node connect = dialog.getDialogPane().lookupButton(CONNECT);
        connect.setId("remote-connect");
        Runnable validate = () -> connect.setDisable(host.getText().isBlank() || parsePort(port.getText()) < 0);
        host.textProperty().addListener((obs, old, now) -> validate.run());
        port.textProperty().addListener((obs, old, now) -> validate.run());
        validate.run();
        dialog.setResultConverter(button -> button != CONNECT ? null
                : new RemoteAddress(host.getText().strip(), parsePort(port.getText()),
                        user.getText().isBlank() ? null : user.getText().strip(),
                        user.getText().isBlank() ? null : password.getText().toCharArray(), tls.isSelected()));
        Platform.runLater(host::requestFocus);
        return dialog.showAndWait();
    }

    /** Asks for the password of a saved connection with a user; empty when cancelled. */
    static Optional<char[]> password(Window owner, RemoteAddress address) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to " + address.hostPort());
        dialog.setHeaderText("Password of " + address.user() + " at " + address.hostPort());
        PasswordField password = new PasswordField();
        password.setId("password-prompt");
        dialog.getDialogPane().setContent(password);
        dialog.getDialogPane().getButtonTypes().addAll(CONNECT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(CONNECT).setId("password-connect");
        dialog.setResultConverter(button -> button == CONNECT ? password.getText().toCharArray() : null);
        Platform.runLater(password::requestFocus);
        return dialog.showAndWait();
    }

    /** The port, or −1 when the text is not a number from 1 to 65535. */
    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            return port >= 1 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
