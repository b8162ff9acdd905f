package cn.liaocheng.strongtown.dashboard.tracking.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.reading.WorkbookInput;
import cn.liaocheng.strongtown.dashboard.tracking.PlanImport;
import cn.liaocheng.strongtown.dashboard.tracking.PlanValidationException;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;

/**
 * The plan workbook round trip on a town's page: download the template (the current plan pre-filled), upload the
 * filled workbook, read the outcome and the validation report (also as CSV). An accepted workbook is a new plan
 * version and the page is redrawn; a rejected one changes nothing.
 */
class PlanImportPanel extends VerticalLayout {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TrackingService tracking;
    private final String townCode;
    private final Runnable imported;
    final Paragraph outcome = new Paragraph();
    final Grid<Finding> report = new Grid<>();
    final Anchor reportDownload = new Anchor();
    private PlanImport last;

    PlanImportPanel(TrackingService tracking, String townCode, Runnable imported) {
        this.tracking = tracking;
        this.townCode = townCode;
        this.imported = imported;
        setPadding(false);
        setId("plan-import");
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] workbook = tracking.planTemplate(townCode);
            return new DownloadResponse(new ByteArrayInputStream(workbook), tracking.planTemplateName(townCode), XLSX,
                    workbook.length);
        }), getTranslation("tracking.import.template"));
        template.setId("plan-template-download");
        template.getElement().setAttribute("download", true);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) ->
                getUI().ifPresent(ui -> ui.access(() -> accept(metadata.fileName(), data)))));
        upload.setId("plan-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) WorkbookInput.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".xlsx");
        upload.setDropLabel(new Span(getTranslation("tracking.import.drop")));
        upload.addFileRejectedListener(e -> showProblem(getTranslation("tracking.import.browserRejected")));
        upload.addSucceededListener(e -> upload.clearFileList());
        outcome.setId("plan-import-outcome");
        report.setId("plan-import-report");
        report.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        report.setAllRowsVisible(true);
        report.addColumn(f -> getTranslation(f.isError() ? "tracking.import.error" : "tracking.import.warning"))
                .setHeader(getTranslation("tracking.import.col.level")).setAutoWidth(true);
        report.addColumn(Finding::where).setHeader(getTranslation("tracking.import.col.where")).setAutoWidth(true);
        report.addColumn(Finding::row).setHeader(getTranslation("tracking.import.col.row")).setAutoWidth(true);
        report.addColumn(Finding::column).setHeader(getTranslation("tracking.import.col.column")).setAutoWidth(true);
        report.addColumn(Finding::value).setHeader(getTranslation("tracking.import.col.value")).setAutoWidth(true);
        report.addColumn(Finding::reason).setHeader(getTranslation("tracking.import.col.reason")).setFlexGrow(1);
        report.setVisible(false);
        reportDownload.setText(getTranslation("tracking.import.reportCsv"));
        reportDownload.setId("plan-import-report-download");
        String reportFile = getTranslation("tracking.import.reportFile");
        reportDownload.setHref(DownloadHandler.fromInputStream(event -> {
            // the report's texts went through the ingest FormulaGuard in toCsv()
            byte[] csv = last == null ? new byte[0] : last.report().toCsv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), reportFile, "text/csv", csv.length);
        }));
        reportDownload.getElement().setAttribute("download", true);
        reportDownload.setVisible(false);
        add(new Span(getTranslation("tracking.import.hint")), template, upload, outcome, reportDownload, report);
    }

    /** Takes an uploaded file (called by the upload; tests call it directly). */
    void accept(String fileName, byte[] content) {
        try {
            last = tracking.importPlan(townCode, fileName, content, getLocale());
        } catch (AccessDeniedException denied) {
            showProblem(getTranslation("tracking.plan.denied"));
            return;
        } catch (PlanValidationException invalid) {
            showProblem(invalid.problems().get(0).reasonText(this::getTranslation));
            return;
        }
        var r = last.report();
        report.setItems(r.findings());
        report.setVisible(!r.findings().isEmpty());
        reportDownload.setVisible(!r.findings().isEmpty());
        if (last.accepted()) {
            outcome.setText(getTranslation("tracking.import.accepted", String.valueOf(last.version()),
                    r.warnings().size()));
            outcome.getStyle().set("color", "var(--lumo-success-text-color)");
            imported.run();
        } else {
            outcome.setText(getTranslation("tracking.import.rejectedOutcome", r.errors().size(), r.warnings().size()));
            outcome.getStyle().set("color", "var(--lumo-error-text-color)");
        }
    }

    private void showProblem(String text) {
        outcome.setText(text);
        outcome.getStyle().set("color", "var(--lumo-error-text-color)");
    }
}
