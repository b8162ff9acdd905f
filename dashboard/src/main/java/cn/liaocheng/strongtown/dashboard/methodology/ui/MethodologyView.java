package cn.liaocheng.strongtown.dashboard.methodology.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import cn.liaocheng.strongtown.dashboard.methodology.MethodologyService;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.methodology.MethodologyDocument;

/**
 * 计算方法说明: generated from the catalog version that scored the chosen year, as the snapshot publishes
 * it, so it always states the weights and methods actually used for that year.
 */
@Route(value = "methodology", layout = MainLayout.class)
@PermitAll
public class MethodologyView extends VerticalLayout implements HasDynamicTitle {

    private final MethodologyService methodology;
    private final Div content = new Div();

    public MethodologyView(MethodologyService methodology) {
        this.methodology = methodology;
        setMaxWidth("1100px");
        List<Integer> years = methodology.years();
        if (years.isEmpty()) {
            show(methodology.document(getLocale()));
            add(content);
            return;
        }
        Select<Integer> year = new Select<>();
        year.setId("methodology-year");
        year.setLabel(getTranslation("methodology.year"));
        year.setItems(years);
        year.setItemLabelGenerator(y -> getTranslation("methodology.yearVersion", String.valueOf(y), methodology.version(y)));
        year.addValueChangeListener(e -> show(methodology.document(getLocale(), e.getValue())));
        add(year, content);
        year.setValue(years.get(0));
    }

    private void show(MethodologyDocument doc) {
        content.removeAll();
        content.add(new H2(doc.title()));
        for (MethodologyDocument.Section section : doc.sections()) {
            content.add(new H3(section.heading()));
            section.paragraphs().forEach(p -> content.add(new Paragraph(p)));
            if (!section.table().isEmpty()) {
                content.add(table(section.table()));
            }
        }
    }

    private static Grid<List<String>> table(List<List<String>> rows) {
        Grid<List<String>> grid = new Grid<>();
        grid.setId("methodology-indicators");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            int column = c;
            grid.addColumn(r -> r.get(column)).setHeader(header.get(c)).setAutoWidth(true).setFlexGrow(c == 6 ? 2 : 1);
        }
        grid.setItems(rows.subList(1, rows.size()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.methodology") + " · " + getTranslation("app.title");
    }
}
