package cn.liaocheng.strongtown.dashboard.tracking.ui;

import java.io.ByteArrayInputStream;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.liaocheng.strongtown.dashboard.tracking.PlanImport;
import cn.liaocheng.strongtown.dashboard.tracking.PlanValidationException;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;
import cn.liaocheng.strongtown.dashboard.ui.SingleFileUpload;
import cn.liaocheng.strongtown.dashboard.ui.ValidationReportPanel;

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
    final ValidationReportPanel report = new ValidationReportPanel(
            new ValidationReportPanel.Ids("plan-import-outcome", "plan-import-report", "plan-import-report-download"),
            "tracking.import.reportFile");
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
        Upload upload = SingleFileUpload.create((fileName, data) -> () -> accept(fileName, data),
                reason -> report.problem(getTranslation("tracking.import.browserRejected")), ".xlsx");
        upload.setId("plan-upload");
        upload.setDropLabel(new Span(getTranslation("tracking.import.drop")));
        add(new Span(getTranslation("tracking.import.hint")), template, upload, report);
    }

    /** Takes an uploaded file (called by the upload; tests call it directly). */
    void accept(String fileName, byte[] content) {
        try {
            last = tracking.importPlan(townCode, fileName, content, getLocale());
        } catch (AccessDeniedException denied) {
            report.problem(getTranslation("tracking.plan.denied"));
            return;
        } catch (PlanValidationException invalid) {
            report.problem(invalid.problems().get(0).reasonText(this::getTranslation));
            return;
        }
        var r = last.report();
        if (last.accepted()) {
            report.show(getTranslation("tracking.import.accepted", String.valueOf(last.version()), r.warnings().size()),
                    true, r);
            imported.run();
        } else {
            report.show(getTranslation("tracking.import.rejectedOutcome", r.errors().size(), r.warnings().size()), false, r);
        }
    }
}
