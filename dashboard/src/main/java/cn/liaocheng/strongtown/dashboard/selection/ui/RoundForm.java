package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;

import cn.liaocheng.strongtown.dashboard.selection.Criterion;
import cn.liaocheng.strongtown.dashboard.selection.ReviewStage;
import cn.liaocheng.strongtown.dashboard.selection.Round;
import cn.liaocheng.strongtown.dashboard.selection.RoundService;
import cn.liaocheng.strongtown.dashboard.selection.RoundSettings;
import cn.liaocheng.strongtown.dashboard.selection.SelectionException;
import cn.liaocheng.strongtown.dashboard.selection.StageWeights;

/**
 * The office's form to open a round. The stage weights start empty: the programme publishes none, so
 * the office must enter its own.
 */
class RoundForm extends Dialog {

    private final IntegerField year = new IntegerField();
    private final Select<String> snapshot = new Select<>();
    private final IntegerField quota = new IntegerField();
    private final IntegerField cap = new IntegerField();
    private final IntegerField recommend = new IntegerField();
    private final NumberField wIndicator = new NumberField();
    private final NumberField wMaterials = new NumberField();
    private final NumberField wSite = new NumberField();
    private final NumberField wDefence = new NumberField();
    private final IntegerField noticeDays = new IntegerField();
    private final IntegerField banYears = new IntegerField();
    private final IntegerField vetoYears = new IntegerField();
    private final NumberField coverage = new NumberField();
    private final IntegerField trimFrom = new IntegerField();
    private final Checkbox substitute = new Checkbox();
    private final DatePicker applicationDeadline = new DatePicker();
    private final DatePicker reviewDeadline = new DatePicker();
    private final List<TextArea> criteria = new ArrayList<>();

    RoundForm(RoundService rounds, Consumer<Round> opened) {
        setHeaderTitle(getTranslation("selection.round.open"));
        setWidth("760px");
        year.setLabel(getTranslation("selection.round.year"));
        year.setValue(LocalDate.now().getYear());
        year.setId("round-year");
        snapshot.setLabel(getTranslation("selection.round.snapshot"));
        snapshot.setItems(rounds.snapshots());
        rounds.currentSnapshot().ifPresent(snapshot::setValue);
        snapshot.setHelperText(getTranslation("selection.round.snapshotHelp"));
        snapshot.setId("round-snapshot");
        quota.setLabel(getTranslation("selection.round.quota"));
        quota.setValue(RoundSettings.DEFAULT_QUOTA);
        quota.setId("round-quota");
        cap.setLabel(getTranslation("selection.round.cap"));
        cap.setHelperText(getTranslation("selection.round.capHelp"));
        cap.setId("round-cap");
        recommend.setLabel(getTranslation("selection.round.recommendQuota"));
        recommend.setValue(RoundSettings.DEFAULT_RECOMMEND_QUOTA);
        recommend.setId("round-recommend");
        label(wIndicator, "selection.weight.indicator", "round-w-indicator");
        label(wMaterials, "selection.weight.materials", "round-w-materials");
        label(wSite, "selection.weight.siteVisit", "round-w-site");
        label(wDefence, "selection.weight.defence", "round-w-defence");
        wIndicator.setHelperText(getTranslation("selection.weight.help"));
        noticeDays.setLabel(getTranslation("selection.round.noticeDays"));
        noticeDays.setValue(5);
        noticeDays.setId("round-notice-days");
        banYears.setLabel(getTranslation("selection.round.banYears"));
        banYears.setValue(RoundSettings.DEFAULT_BAN_YEARS);
        vetoYears.setLabel(getTranslation("selection.round.vetoYears"));
        vetoYears.setValue(RoundSettings.DEFAULT_VETO_YEARS);
        coverage.setLabel(getTranslation("selection.round.coverage"));
        coverage.setValue(80.0);
        coverage.setId("round-coverage");
        trimFrom.setLabel(getTranslation("selection.round.trimFrom"));
        trimFrom.setValue(RoundSettings.DEFAULT_TRIM_FROM);
        substitute.setLabel(getTranslation("selection.round.substitute"));
        substitute.setValue(true);
        applicationDeadline.setLabel(getTranslation("selection.round.applicationDeadline"));
        applicationDeadline.setId("round-application-deadline");
        reviewDeadline.setLabel(getTranslation("selection.round.reviewDeadline"));
        reviewDeadline.setId("round-review-deadline");
        FormLayout form = new FormLayout(year, snapshot, quota, cap, recommend, noticeDays, wIndicator, wMaterials, wSite,
                wDefence, banYears, vetoYears, coverage, trimFrom, applicationDeadline, reviewDeadline, substitute);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        for (ReviewStage stage : ReviewStage.values()) {
            TextArea area = new TextArea(getTranslation("selection.round.criteria", getTranslation(stage.translationKey())));
            area.setPlaceholder(getTranslation("selection.round.criteriaExample"));
            area.setId("round-criteria-" + stage.name().toLowerCase());
            criteria.add(area);
            form.add(area, 2);
        }
        add(form);
        Button open = new Button(getTranslation("selection.round.openButton"), e -> SelectionUi.run(this, () -> {
            Round round = rounds.open(settings());
            close();
            opened.accept(round);
        }, "selection.round.opened"));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setId("round-open-confirm");
        getFooter().add(new Button(getTranslation("selection.cancel"), e -> close()), open);
    }

    private void label(NumberField field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setMin(0);
        field.setId(id);
    }

    private static double weight(NumberField f) {
        if (f.getValue() == null) {
            throw new SelectionException("selection.error.weightMissing");
        }
        return f.getValue();
    }

    private static int number(IntegerField f, String key) {
        if (f.getValue() == null) {
            throw new SelectionException(key);
        }
        return f.getValue();
    }

    private RoundSettings settings() {
        List<Criterion> all = new ArrayList<>();
        ReviewStage[] stages = ReviewStage.values();
        for (int i = 0; i < stages.length; i++) {
            all.addAll(Criterion.parse(stages[i], criteria.get(i).getValue()));
        }
        if (applicationDeadline.getValue() == null || reviewDeadline.getValue() == null) {
            throw new SelectionException("selection.error.deadlines");
        }
        return new RoundSettings(number(year, "selection.error.year"), snapshot.getValue(),
                number(quota, "selection.error.quota"), cap.getValue(), number(recommend, "selection.error.recommendQuota"),
                new StageWeights(weight(wIndicator), weight(wMaterials), weight(wSite), weight(wDefence)),
                number(noticeDays, "selection.error.noticeDays"), number(banYears, "selection.error.banYears"),
                number(vetoYears, "selection.error.banYears"),
                coverage.getValue() == null ? -1 : coverage.getValue() / 100, number(trimFrom, "selection.error.trimFrom"),
                substitute.getValue(), applicationDeadline.getValue(), reviewDeadline.getValue(), all);
    }
}
