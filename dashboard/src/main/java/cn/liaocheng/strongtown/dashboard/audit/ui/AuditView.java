package cn.liaocheng.strongtown.dashboard.audit.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.audit.AuditRecord;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;

/** The audit log, newest first, loaded page by page; filter by user and action. */
@Route(value = "admin/audit", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    final TextField user = new TextField();
    final ComboBox<AuditAction> action = new ComboBox<>();
    final Grid<AuditRecord> grid = new Grid<>();

    public AuditView(AuditLog log) {
        setSizeFull();
        user.setLabel(getTranslation("audit.filter.user"));
        user.setId("audit-user-filter");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-action-filter");
        action.setItems(Arrays.asList(AuditAction.values()));
        action.setItemLabelGenerator(a -> getTranslation(a.translationKey()));
        action.setClearButtonVisible(true);
        action.setPlaceholder(getTranslation("audit.filter.all"));
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.at())).setHeader(getTranslation("audit.col.time")).setAutoWidth(true);
        grid.addColumn(AuditRecord::username).setHeader(getTranslation("audit.col.user")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.action().translationKey())).setHeader(getTranslation("audit.col.action"))
                .setAutoWidth(true);
        grid.addColumn(AuditRecord::detail).setHeader(getTranslation("audit.col.detail")).setAutoWidth(true);
        grid.addColumn(AuditRecord::remoteAddress).setHeader(getTranslation("audit.col.address")).setAutoWidth(true);
        grid.setItems(q -> log.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> log.count(filter()));
        user.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(new H2(getTranslation("audit.title")), new HorizontalLayout(user, action), grid);
        setFlexGrow(1, grid);
    }

    private AuditFilter filter() {
        String name = user.getValue() == null || user.getValue().isBlank() ? null : user.getValue().strip();
        return new AuditFilter(name, action.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.title");
    }
}
