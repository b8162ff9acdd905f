package cn.liaocheng.strongtown.dashboard.selection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.HistoryEvent;

/** An application's history timeline: who, when, from → to, reason, attachment hashes. */
class HistoryDialog extends Dialog {

    HistoryDialog(ApplicationService applications, Application app) {
        setHeaderTitle(getTranslation("selection.history.title", app.countyName() + app.townName()));
        setWidth("1000px");
        Grid<HistoryEvent> grid = new Grid<>();
        grid.setId("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(h -> SelectionUi.time(h.at())).setHeader(getTranslation("selection.history.at")).setAutoWidth(true);
        grid.addColumn(HistoryEvent::username).setHeader(getTranslation("selection.history.who")).setAutoWidth(true);
        grid.addColumn(h -> getTranslation(h.actionKey())).setHeader(getTranslation("selection.history.action"))
                .setAutoWidth(true);
        grid.addColumn(h -> h.from() == null && h.to() == null ? "" : (h.from() == null ? "" : getTranslation(h.from()
                .translationKey())) + " → " + (h.to() == null ? "" : getTranslation(h.to().translationKey())))
                .setHeader(getTranslation("selection.history.change")).setAutoWidth(true);
        grid.addColumn(h -> h.reason() == null ? "" : h.reason().startsWith("selection.") ? getTranslation(h.reason())
                : h.reason()).setHeader(getTranslation("selection.history.reason")).setFlexGrow(1);
        grid.addColumn(h -> h.attachmentHashes() == null ? "" : h.attachmentHashes())
                .setHeader(getTranslation("selection.history.hashes")).setWidth("200px");
        grid.setItems(applications.history(app.id()));
        grid.setAllRowsVisible(true);
        add(grid);
        getFooter().add(new Button(getTranslation("selection.close"), e -> close()));
    }
}
