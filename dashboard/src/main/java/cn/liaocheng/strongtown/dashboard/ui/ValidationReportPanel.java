package cn.liaocheng.strongtown.dashboard.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.ValidationReport;

/**
 * The outcome of an upload checked by the ingest rules (yearly data, county submissions, construction plans):
 * one line, and the validation report — sheet, row, column, value, reason — as a table and as a CSV download
 * (written by {@link ValidationReport#toCsv()}, which goes through the formula guard).
 */
public class ValidationReportPanel extends VerticalLayout {

    /** The element ids the page's tests and browser tests look for. */
    public record Ids(String outcome, String report, String download) {
    }

    private final Span outcome = new Span();
    private final Grid<Finding> report = new Grid<>();
    private final Anchor download = new Anchor();
    private ValidationReport last;

    /** @param fileNameKey translation key of the CSV download's file name */
    public ValidationReportPanel(Ids ids, String fileNameKey) {
        setPadding(false);
        outcome.setId(ids.outcome());
        report.setId(ids.report());
        report.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        report.setAllRowsVisible(true);
        report.addColumn(f -> getTranslation(f.isError() ? "validation.error" : "validation.warning"))
                .setHeader(getTranslation("validation.col.severity")).setAutoWidth(true);
        report.addColumn(Finding::where).setHeader(getTranslation("validation.col.where")).setAutoWidth(true);
        report.addColumn(Finding::row).setHeader(getTranslation("validation.col.row")).setAutoWidth(true);
        report.addColumn(Finding::column).setHeader(getTranslation("validation.col.column")).setAutoWidth(true);
        report.addColumn(Finding::value).setHeader(getTranslation("validation.col.value")).setAutoWidth(true);
        report.addColumn(Finding::reason).setHeader(getTranslation("validation.col.reason")).setFlexGrow(1);
        report.setVisible(false);
        download.setText(getTranslation("validation.csv"));
        download.setId(ids.download());
        download.setVisible(false);
        String fileName = getTranslation(fileNameKey);
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = last == null ? new byte[0] : last.toCsv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName, "text/csv", csv.length);
        }));
        download.getElement().setAttribute("download", true);
        add(outcome, download, report);
    }

    /** A line of outcome, green for success and red for refusal, with the report below it. */
    public void show(String text, boolean success, ValidationReport validation) {
        last = validation;
        outcome.setText(text);
        outcome.getStyle().set("color", success ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        boolean findings = validation != null && !validation.findings().isEmpty();
        report.setItems(findings ? validation.findings() : List.of());
        report.setVisible(findings);
        download.setVisible(findings);
    }

    /** A plain message, the report left as it was. */
    public void message(String text) {
        outcome.setText(text);
        outcome.getStyle().remove("color");
    }

    /** A refusal before any report (the file could not be taken at all). */
    public void problem(String text) {
        outcome.setText(text);
        outcome.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    /** The outcome line (tests read it). */
    public Span outcome() {
        return outcome;
    }

    /** The report table (tests read it). */
    public Grid<Finding> report() {
        return report;
    }

    /** The CSV download (tests read it). */
    public Anchor download() {
        return download;
    }
}
