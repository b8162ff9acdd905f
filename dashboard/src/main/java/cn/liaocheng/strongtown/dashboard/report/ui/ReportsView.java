package cn.liaocheng.strongtown.dashboard.report.ui;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.report.NarrativeVersion;
import cn.liaocheng.strongtown.dashboard.report.ReportException;
import cn.liaocheng.strongtown.dashboard.report.ReportFile;
import cn.liaocheng.strongtown.dashboard.report.ReportService;
import cn.liaocheng.strongtown.dashboard.report.ReportStatus;
import cn.liaocheng.strongtown.dashboard.report.ReportTown;
import cn.liaocheng.strongtown.dashboard.report.ReportWorkers;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;

/**
 * Reports (issue 11): the typical-experience report of a designated town — narrative parts edited
 * and saved as versions, submitted and approved, previewed exactly as downloaded — and the annual
 * city report; Word always, PDF through LibreOffice in the background with a progress indicator.
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ReportService reports;
    private final ReportWorkers workers;
    private final boolean cityWide;
    final Select<Integer> year = new Select<>();
    final ComboBox<ReportTown> town = new ComboBox<>();
    final Span status = new Span();
    final Span message = new Span();
    final VerticalLayout editors = new VerticalLayout();
    final Div preview = new Div();
    final HorizontalLayout actions = new HorizontalLayout();
    final Select<Integer> annualYear = new Select<>();
    final Div annualPreview = new Div();

    public ReportsView(ReportService reports, ReportWorkers workers, CurrentUser currentUser,
                       LakePreparation preparation) {
        this.reports = reports;
        this.workers = workers;
        this.cityWide = currentUser.get().map(u -> !u.role().countyBound()).orElse(false);
        setWidthFull();
        add(new H2(getTranslation("report.title")));
        LakeReadiness.buildWhenAttached(this, preparation, this::build);
    }

    private void build() {
        message.setId("report-message");
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("report.tab.town"), townTab());
        if (cityWide) {
            tabs.add(getTranslation("report.tab.annual"), annualTab());
        }
        add(message, tabs);
    }

    // ---- the typical-experience report of a town ----

    private Component townTab() {
        List<Integer> years = reports.years();
        year.setLabel(getTranslation("report.year"));
        year.setItems(years);
        year.setId("report-year");
        town.setLabel(getTranslation("report.town"));
        town.setItemLabelGenerator(t -> t.name() + "（" + t.countyName() + "）");
        town.setId("report-town");
        town.setWidth("320px");
        status.setId("report-status");
        HorizontalLayout choose = new HorizontalLayout(year, town, status);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setId("report-actions");
        editors.setPadding(false);
        editors.setId("report-editors");
        preview.setId("report-preview");
        preview.setWidthFull();
        year.addValueChangeListener(e -> {
            List<ReportTown> towns = reports.towns(e.getValue());
            town.setItems(towns);
            town.setValue(towns.isEmpty() ? null : towns.get(0));
            if (towns.isEmpty()) {
                showTown();
            }
        });
        town.addValueChangeListener(e -> showTown());
        VerticalLayout tab = new VerticalLayout(choose, actions, editors, preview);
        tab.setPadding(false);
        year.setValue(years.get(0));
        return tab;
    }

    /** Rebuilds status, actions, editors and preview for the chosen town and year. */
    private void showTown() {
        actions.removeAll();
        editors.removeAll();
        preview.removeAll();
        ReportTown chosen = town.getValue();
        if (chosen == null) {
            status.setText(getTranslation("report.noTowns"));
            return;
        }
        int y = year.getValue();
        try {
            ReportStatus state = reports.status(chosen.code(), y);
            status.setText(state.changedBy() == null ? getTranslation("report.status", getTranslation(state.state().translationKey()))
                    : getTranslation("report.statusBy", getTranslation(state.state().translationKey()), state.changedBy(),
                    WHEN.format(state.changedAt())));
            boolean editable = reports.mayEdit(chosen.code(), y);
            townActions(chosen, y, state, editable);
            townEditors(chosen, y, editable);
            if (state.note() != null) {
                Span note = new Span(getTranslation("report.returnNote", state.note()));
                note.setId("report-return-note");
                editors.addComponentAsFirst(note);
            }
            preview.add(new H3(getTranslation("report.preview")),
                    new ReportPreview(reports.townReport(chosen.code(), y, locale())));
        } catch (ReportException e) {
            show(e);
        } catch (AccessDeniedException e) {
            message.setText(getTranslation("report.error.denied"));
        }
    }

    private void townActions(ReportTown chosen, int y, ReportStatus state, boolean editable) {
        Anchor docx = download(() -> reports.townDocx(chosen.code(), y, locale()), getTranslation("report.downloadDocx"));
        docx.setId("report-docx");
        actions.add(docx);
        actions.add(pdfControls("report-pdf", () -> reports.townPdf(chosen.code(), y, locale())));
        boolean open = state.state() == ReportStatus.State.DRAFT || state.state() == ReportStatus.State.RETURNED;
        if (editable && open) {
            Button submit = new Button(getTranslation("report.submit"), e -> act(() -> reports.submit(chosen.code(), y),
                    "report.submitted"));
            submit.setId("report-submit");
            actions.add(submit);
        }
        if (reports.mayApprove()) {
            if (state.state() == ReportStatus.State.SUBMITTED || state.state() == ReportStatus.State.DRAFT) {
                Button approve = new Button(getTranslation("report.approve"), e -> act(() -> reports.approve(chosen.code(), y),
                        "report.approved"));
                approve.setId("report-approve");
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(approve);
            }
            if (state.state() == ReportStatus.State.SUBMITTED) {
                TextField reason = new TextField();
                reason.setPlaceholder(getTranslation("report.returnReason"));
                reason.setId("report-return-reason");
                Button back = new Button(getTranslation("report.return"), e -> act(() -> reports.returnForRevision(
                        chosen.code(), y, reason.getValue()), "report.returned"));
                back.setId("report-return");
                actions.add(reason, back);
            }
        }
    }

    private void townEditors(ReportTown chosen, int y, boolean editable) {
        if (!editable) {
            Span readOnly = new Span(getTranslation("report.readOnly"));
            readOnly.setId("report-read-only");
            editors.add(readOnly);
            return;
        }
        editors.add(new H3(getTranslation("report.edit.heading")));
        var texts = reports.narratives(chosen.code(), y);
        for (String key : ReportService.narrativeKeys()) {
            String id = key.replace('.', '-');
            TextArea area = new TextArea(label(key));
            area.setId("narrative-" + id);
            area.setWidthFull();
            area.setValue(texts.getOrDefault(key, ""));
            if (!"title".equals(key)) {
                area.setMinHeight("120px");
            }
            Details versions = new Details(getTranslation("report.versions"));
            versions.setId("versions-" + id);
            fillVersions(versions, chosen, y, key);
            Button save = new Button(getTranslation("report.save"), e -> {
                try {
                    int v = reports.saveNarrative(chosen.code(), y, key, area.getValue());
                    showTown();
                    message.setText(getTranslation("report.saved", v));
                } catch (ReportException ex) {
                    show(ex);
                }
            });
            save.setId("save-" + id);
            editors.add(area, new HorizontalLayout(save, versions));
        }
    }

    private void fillVersions(Details details, ReportTown chosen, int y, String key) {
        List<NarrativeVersion> versions = reports.versions(chosen.code(), y, key);
        if (versions.isEmpty()) {
            details.add(new Span(getTranslation("report.noVersions")));
            return;
        }
        for (NarrativeVersion v : versions) {
            String line = v.restoredFrom() == null
                    ? getTranslation("report.version", v.version(), v.author(), WHEN.format(v.savedAt()))
                    : getTranslation("report.versionRestored", v.version(), v.restoredFrom(), v.author(),
                    WHEN.format(v.savedAt()));
            Span text = new Span(line + "：" + abbreviate(v.text()));
            Button restore = new Button(getTranslation("report.restore"), e -> {
                try {
                    int restored = reports.restoreNarrative(chosen.code(), y, key, v.version());
                    showTown();
                    message.setText(getTranslation("report.restored", restored));
                } catch (ReportException ex) {
                    show(ex);
                }
            });
            restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            restore.setId("restore-" + key.replace('.', '-') + "-" + v.version());
            HorizontalLayout row = new HorizontalLayout(text, restore);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            details.add(row);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private String label(String key) {
        if ("title".equals(key)) {
            return getTranslation("report.edit.title");
        }
        if ("lessons".equals(key)) {
            return getTranslation("report.doc.lessons");
        }
        return getTranslation("report.doc.section." + key.substring("practice.".length()));
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            showTown();
            message.setText(getTranslation(doneKey));
        } catch (ReportException e) {
            show(e);
        }
    }

    // ---- the annual report ----

    private Component annualTab() {
        List<Integer> years = reports.years();
        annualYear.setLabel(getTranslation("report.year"));
        annualYear.setItems(years);
        annualYear.setId("annual-year");
        annualPreview.setId("annual-preview");
        annualPreview.setWidthFull();
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        annualYear.addValueChangeListener(e -> {
            int y = e.getValue();
            bar.removeAll();
            Anchor docx = download(() -> reports.annualDocx(y, locale()), getTranslation("report.downloadDocx"));
            docx.setId("annual-docx");
            bar.add(annualYear, docx, pdfControls("annual-pdf", () -> reports.annualPdf(y, locale())));
            annualPreview.removeAll();
            try {
                annualPreview.add(new H3(getTranslation("report.preview")), new ReportPreview(reports.annualReport(y, locale())));
            } catch (ReportException ex) {
                show(ex);
            }
        });
        bar.add(annualYear);
        annualYear.setValue(years.get(0));
        VerticalLayout tab = new VerticalLayout(bar, annualPreview);
        tab.setPadding(false);
        return tab;
    }

    // ---- files ----

    private Anchor download(Supplier<ReportFile> file, String text) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            ReportFile f = file.get();
            return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.contentType(),
                    f.content().length);
        }), text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /**
     * The PDF button: without LibreOffice it explains what to install; with it, it makes the PDF in the
     * background while a progress bar runs (the page polls), then offers the download.
     */
    private Component pdfControls(String id, Supplier<ReportFile> make) {
        HorizontalLayout box = new HorizontalLayout();
        box.setAlignItems(FlexComponent.Alignment.BASELINE);
        Button button = new Button(getTranslation("report.makePdf"));
        button.setId(id);
        Span hint = new Span();
        hint.setId(id + "-hint");
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setWidth("160px");
        progress.setVisible(false);
        button.addClickListener(e -> {
            if (!reports.pdfAvailable()) {
                hint.setText(getTranslation("report.pdfMissing"));
                return;
            }
            UI ui = e.getSource().getUI().orElseThrow();
            button.setEnabled(false);
            progress.setVisible(true);
            hint.setText(getTranslation("report.generating"));
            ui.setPollInterval(500);
            CompletableFuture.supplyAsync(make, workers.asCurrentUser()).whenComplete((file, failure) -> ui.access(() -> {
                ui.setPollInterval(-1);
                progress.setVisible(false);
                button.setEnabled(true);
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    hint.setText(cause instanceof ReportException r ? getTranslation(r.messageKey(), r.params())
                            : getTranslation("report.error.pdfFailed"));
                    return;
                }
                hint.setText("");
                Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(file.content()), file.fileName(), file.contentType(),
                        file.content().length)), getTranslation("report.downloadPdf"));
                link.getElement().setAttribute("download", true);
                link.setId(id + "-download");
                box.getChildren().filter(c -> id.concat("-download").equals(c.getId().orElse(null))).toList()
                        .forEach(box::remove);
                box.add(link);
            }));
        });
        box.add(button, progress, hint);
        return box;
    }

    private void show(ReportException e) {
        message.setText(getTranslation(e.messageKey(), e.params()));
    }

    private Locale locale() {
        return getLocale();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.title") + " · " + getTranslation("app.title");
    }
}
