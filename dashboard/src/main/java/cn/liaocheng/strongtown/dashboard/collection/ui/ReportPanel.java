package cn.liaocheng.strongtown.dashboard.collection.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.ValidationReport;

/** The outcome of an upload: one line, and the validation report as a table and as a CSV download. */
class ReportPanel extends VerticalLayout {

    private final Span outcome = new Span();
    private final Grid<Finding> report = new Grid<>();
    private final Anchor reportDownload = new Anchor();
    private ValidationReport last;

    ReportPanel() {
        setPadding(false);
        outcome.setId("upload-outcome");
        report.setId("validation-report");
        report.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        report.setAllRowsVisible(true);
        report.addColumn(f -> getTranslation(f.isError() ? "collection.error" : "collection.warning"))
                .setHeader(getTranslation("collection.col.severity")).setAutoWidth(true);
        report.addColumn(Finding::where).setHeader(getTranslation("collection.col.where")).setAutoWidth(true);
        report.addColumn(Finding::row).setHeader(getTranslation("collection.col.row")).setAutoWidth(true);
        report.addColumn(Finding::column).setHeader(getTranslation("collection.col.column")).setAutoWidth(true);
        report.addColumn(Finding::value).setHeader(getTranslation("collection.col.value")).setAutoWidth(true);
        report.addColumn(Finding::reason).setHeader(getTranslation("collection.col.reason")).setFlexGrow(1);
        report.setVisible(false);
        reportDownload.setText(getTranslation("collection.reportCsv"));
        reportDownload.setId("report-download");
        reportDownload.setVisible(false);
        reportDownload.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = last == null ? new byte[0] : last.toCsv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), getTranslation("collection.reportFileName"),
                    "text/csv", csv.length);
        }));
        reportDownload.getElement().setAttribute("download", true);
        add(new H3(getTranslation("collection.report")), outcome, reportDownload, report);
    }

    /** A line of outcome, green for success and red for refusal, with the report below it. */
    void show(String text, boolean success, ValidationReport validation) {
        last = validation;
        outcome.setText(text);
        outcome.getStyle().set("color", success ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        boolean findings = validation != null && !validation.findings().isEmpty();
        report.setItems(findings ? validation.findings() : java.util.List.of());
        report.setVisible(findings);
        reportDownload.setVisible(findings);
    }

    /** A plain message, the report left as it was. */
    void message(String text) {
        outcome.setText(text);
        outcome.getStyle().remove("color");
    }
}
