package cn.liaocheng.strongtown.dashboard.tracking.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import org.springframework.security.access.AccessDeniedException;

import cn.liaocheng.strongtown.dashboard.tracking.ConstructionPlan;
import cn.liaocheng.strongtown.dashboard.tracking.PlanTarget;
import cn.liaocheng.strongtown.dashboard.tracking.PlanValidationException;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;

/**
 * Edits a construction plan: one block per target row (catalog indicator or free-text target with unit,
 * baseline year and value, a target and an optional declared actual per plan year, responsible unit). Saving
 * makes a new version; a problem is shown (row, column, reason) and nothing is saved.
 */
class PlanEditor extends Dialog {

    private final TrackingService tracking;
    private final String townCode;
    private final int designatedIn;
    private final int periodYears;
    private final Runnable saved;
    private final Map<String, String> indicators;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<RowFields> fields = new ArrayList<>();
    private final Paragraph error = new Paragraph();

    PlanEditor(TrackingService tracking, String townCode, String townName, int designatedIn, int periodYears,
               ConstructionPlan current, Runnable saved) {
        this.tracking = tracking;
        this.townCode = townCode;
        this.designatedIn = designatedIn;
        this.periodYears = periodYears;
        this.saved = saved;
        this.indicators = tracking.planIndicators(getLocale());
        setHeaderTitle(getTranslation("tracking.plan.editTitle", townName));
        setWidth("min(1100px, 96vw)");
        setId("plan-editor");
        rows.setPadding(false);
        if (current != null) {
            current.targets().forEach(this::addRow);
        }
        if (fields.isEmpty()) {
            addRow(null);
        }
        error.setId("plan-editor-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button add = new Button(getTranslation("tracking.plan.addRow"), e -> addRow(null));
        add.setId("plan-add-row");
        Button save = new Button(getTranslation("tracking.plan.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("plan-save");
        Button cancel = new Button(getTranslation("tracking.plan.cancel"), e -> close());
        add(rows, add, error);
        getFooter().add(cancel, save);
    }

    private final class RowFields {
        final ComboBox<String> indicator = new ComboBox<>(getTranslation("tracking.plan.indicator"));
        final TextField label = new TextField(getTranslation("tracking.plan.label"));
        final TextField unit = new TextField(getTranslation("tracking.plan.unit"));
        final Checkbox lower = new Checkbox(getTranslation("tracking.plan.lowerIsBetter"));
        final IntegerField baselineYear = new IntegerField(getTranslation("tracking.plan.baselineYear"));
        final NumberField baseline = new NumberField(getTranslation("tracking.plan.baseline"));
        final Map<Integer, NumberField> targets = new LinkedHashMap<>();
        final Map<Integer, NumberField> actuals = new LinkedHashMap<>();
        final TextField responsible = new TextField(getTranslation("tracking.plan.responsible"));
        final Div block = new Div();
    }

    private void addRow(PlanTarget t) {
        RowFields f = new RowFields();
        f.indicator.setItems(indicators.keySet());
        f.indicator.setItemLabelGenerator(id -> indicators.getOrDefault(id, id));
        f.indicator.setClearButtonVisible(true);
        f.indicator.setHelperText(getTranslation("tracking.plan.indicatorHelp"));
        f.baselineYear.setValue(t == null ? designatedIn : t.baselineYear());
        FlexLayout line = new FlexLayout(f.indicator, f.label, f.unit, f.lower, f.baselineYear, f.baseline);
        FlexLayout years = new FlexLayout();
        for (int k = 1; k <= periodYears; k++) {
            int year = designatedIn + k;
            NumberField target = new NumberField(getTranslation("tracking.plan.targetOf", year));
            NumberField actual = new NumberField(getTranslation("tracking.plan.actualOf", year));
            actual.setHelperText(getTranslation("tracking.plan.actualHelp"));
            f.targets.put(year, target);
            f.actuals.put(year, actual);
            years.add(target, actual);
            if (t != null) {
                target.setValue(t.targets().get(year));
                actual.setValue(t.declaredActuals().get(year));
            }
        }
        Button remove = new Button(getTranslation("tracking.plan.removeRow"), e -> {
            fields.remove(f);
            rows.remove(f.block);
        });
        years.add(f.responsible, remove);
        for (FlexLayout l : List.of(line, years)) {
            l.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            l.setAlignItems(FlexLayout.Alignment.BASELINE);
            l.getStyle().set("gap", "var(--lumo-space-s)");
        }
        if (t != null) {
            if (t.fromCatalog()) {
                f.indicator.setValue(t.indicatorId());
            }
            f.label.setValue(t.label() == null ? "" : t.label());
            f.unit.setValue(t.unit() == null ? "" : t.unit());
            f.lower.setValue(t.lowerIsBetter());
            f.baseline.setValue(t.baselineValue());
            f.responsible.setValue(t.responsibleUnit() == null ? "" : t.responsibleUnit());
        }
        f.block.add(line, years);
        f.block.addClassName("plan-row");
        f.block.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("padding-bottom", "var(--lumo-space-s)");
        fields.add(f);
        rows.add(f.block);
    }

    private void save() {
        List<PlanTarget> targets = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            RowFields f = fields.get(i);
            Map<Integer, Double> target = new LinkedHashMap<>();
            Map<Integer, Double> actual = new LinkedHashMap<>();
            f.targets.forEach((y, field) -> {
                if (field.getValue() != null) {
                    target.put(y, field.getValue());
                }
            });
            f.actuals.forEach((y, field) -> {
                if (field.getValue() != null) {
                    actual.put(y, field.getValue());
                }
            });
            if (f.baseline.getValue() == null || f.baselineYear.getValue() == null) {
                error.setText(getTranslation("tracking.plan.missingBaseline", i + 1));
                return;
            }
            targets.add(new PlanTarget(f.indicator.getValue(), f.label.getValue(), f.unit.getValue(), f.lower.getValue(),
                    f.baselineYear.getValue(), f.baseline.getValue(), target, actual, f.responsible.getValue()));
        }
        try {
            tracking.savePlan(townCode, targets);
            close();
            saved.run();
        } catch (PlanValidationException invalid) {
            error.setText(String.join(getTranslation("tracking.problemSeparator"), invalid.problems().stream().limit(5)
                    .map(p -> p.text(this::getTranslation)).toList()));
        } catch (AccessDeniedException denied) {
            error.setText(getTranslation("tracking.plan.denied"));
        }
    }
}
