package dev.lifeline.desktop.callbacks;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The supervisor's Callbacks tab beside their live panel (which stays as it is, in the first tab): the queue's
 * scheduled, in-progress and failed callbacks, read when the tab is chosen and polled while it shows.
 */
public final class CallbacksTab {

    private final CallbacksViewModel model;
    private final Tab tab;

    public CallbacksTab(CallbacksViewModel model) {
        this.model = model;
        this.tab = new Tab("Callbacks", new CallbacksView(model).root());
        tab.setId("callbacksTab");
        tab.setClosable(false);
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                model.refresh();
            }
        });
    }

    /** The panel in a "Queue" tab, this one next to it. */
    public TabPane beside(Parent panel) {
        Tab queue = new Tab("Queue", panel);
        queue.setId("queueTab");
        queue.setClosable(false);
        TabPane tabs = new TabPane(queue, tab);
        tabs.setId("supervisorTabs");
        return tabs;
    }

    /** Every second: the view model's poll, while the tab shows. */
    public void tick() {
        if (tab.isSelected()) {
            model.tick();
        }
    }
}
