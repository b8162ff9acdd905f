package cn.liaocheng.strongtown.dashboard.audit.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.audit.AuditRecord;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The one audit trail — data, workflow and account events side by side — newest first, loaded page by
 * page; filter by user, category, action, county and file hash.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    final TextField user = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    final ComboBox<AuditAction> action = new ComboBox<>();
    final ComboBox<County> county = new ComboBox<>();
    final TextField fileHash = new TextField();
    final Grid<AuditRecord> grid = new Grid<>();
    private final Map<String, String> countyNames;

    public AuditView(AuditLog log, TownRegistry towns) {
        setSizeFull();
        countyNames = towns.counties().stream().collect(Collectors.toMap(County::code, County::name));
        user.setLabel(getTranslation("audit.filter.user"));
        user.setId("audit-user-filter");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        category.setLabel(getTranslation("audit.filter.category"));
        category.setId("audit-category-filter");
        category.setItems(List.of(TrailEvent.DATA, TrailEvent.WORKFLOW, TrailEvent.ACCOUNT));
        category.setItemLabelGenerator(c -> getTranslation("audit.category." + c));
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("audit.filter.any"));
        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-action-filter");
        action.setItems(Arrays.asList(AuditAction.values()));
        action.setItemLabelGenerator(a -> getTranslation(a.translationKey()));
        action.setClearButtonVisible(true);
        action.setPlaceholder(getTranslation("audit.filter.all"));
        county.setLabel(getTranslation("audit.filter.county"));
        county.setId("audit-county-filter");
        county.setItems(towns.counties());
        county.setItemLabelGenerator(County::name);
        county.setClearButtonVisible(true);
        county.setPlaceholder(getTranslation("audit.filter.any"));
        fileHash.setLabel(getTranslation("audit.filter.hash"));
        fileHash.setId("audit-hash-filter");
        fileHash.setClearButtonVisible(true);
        fileHash.setValueChangeMode(ValueChangeMode.LAZY);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.at())).setHeader(getTranslation("audit.col.time")).setAutoWidth(true);
        grid.addColumn(AuditRecord::username).setHeader(getTranslation("audit.col.user")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("audit.category." + r.category())).setHeader(getTranslation("audit.col.category"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.action() != null ? getTranslation(r.action().translationKey()) : r.actionName())
                .setHeader(getTranslation("audit.col.action")).setAutoWidth(true);
        grid.addColumn(r -> r.county() == null ? "" : countyNames.getOrDefault(r.county(), r.county()))
                .setHeader(getTranslation("audit.col.county")).setAutoWidth(true);
        grid.addColumn(AuditRecord::detail).setHeader(getTranslation("audit.col.detail")).setAutoWidth(true);
        grid.addColumn(r -> r.fileSha256() == null ? "" : r.fileSha256().substring(0, Math.min(12, r.fileSha256().length())))
                .setHeader(getTranslation("audit.col.hash")).setAutoWidth(true)
                .setTooltipGenerator(r -> r.fileSha256() == null ? "" : r.fileSha256());
        grid.addColumn(AuditRecord::remoteAddress).setHeader(getTranslation("audit.col.address")).setAutoWidth(true);
        grid.setItems(q -> log.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> log.count(filter()));
        user.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        category.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        county.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        fileHash.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(user, category, action, county, fileHash);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2(getTranslation("audit.title")), new Paragraph(getTranslation("audit.trail.note")), filters, grid);
        setFlexGrow(1, grid);
    }

    AuditFilter filter() {
        String name = user.getValue() == null || user.getValue().isBlank() ? null : user.getValue().strip();
        String hash = fileHash.getValue() == null || fileHash.getValue().isBlank() ? null : fileHash.getValue().strip();
        return new AuditFilter(name, action.getValue(), county.getValue() == null ? null : county.getValue().code(), hash,
                category.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.title");
    }
}
