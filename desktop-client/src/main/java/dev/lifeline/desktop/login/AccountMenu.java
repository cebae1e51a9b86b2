package dev.lifeline.desktop.login;

import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;

/** The signed-in window's menu bar: the account menu, named after who is signed in, with Sign out. */
final class AccountMenu {

    private AccountMenu() {
    }

    static Parent frame(Parent roleScreen, String identity, Runnable signOut) {
        MenuItem signOutItem = new MenuItem("Sign out");
        signOutItem.setId("signOutMenuItem");
        signOutItem.setOnAction(event -> signOut.run());
        Menu account = new Menu(identity, null, signOutItem);
        account.setId("accountMenu");
        account.setMnemonicParsing(false);
        MenuBar bar = new MenuBar(account);
        bar.setId("accountMenuBar");
        BorderPane frame = new BorderPane(roleScreen);
        frame.setTop(bar);
        frame.setId("signedInFrame");
        return frame;
    }
}
