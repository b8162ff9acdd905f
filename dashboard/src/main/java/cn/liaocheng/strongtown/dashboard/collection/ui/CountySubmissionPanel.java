package cn.liaocheng.strongtown.dashboard.collection.ui;

import java.io.ByteArrayInputStream;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.liaocheng.strongtown.dashboard.collection.SubmissionException;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionResult;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;
import cn.liaocheng.strongtown.dashboard.ui.SingleFileUpload;
import cn.liaocheng.strongtown.dashboard.ui.ValidationReportPanel;

/**
 * A county user's side of multi-level reporting: the county's template for a year, the upload (checked at
 * once, then waiting for the city office) and the county's submissions with their states and reasons.
 */
class CountySubmissionPanel extends VerticalLayout {

    private final SubmissionService submissions;
    private final Select<Integer> year = new Select<>();
    private final ValidationReportPanel report = new ValidationReportPanel(
            new ValidationReportPanel.Ids("upload-outcome", "validation-report", "report-download"), "collection.reportFileName");
    private final SubmissionGrid grid;

    CountySubmissionPanel(SubmissionService submissions) {
        this.submissions = submissions;
        setPadding(false);
        add(new Span(getTranslation("collection.county.intro")));
        add(templateRow(), uploadRow(), new H3(getTranslation("collection.report")), report);
        grid = new SubmissionGrid(submissions, false);
        grid.setId("submission-grid");
        add(new H3(getTranslation("collection.county.submissions")), grid);
    }

    private HorizontalLayout templateRow() {
        year.setLabel(getTranslation("collection.year"));
        year.setItems(submissions.years());
        year.setValue(submissions.defaultYear());
        year.setId("collection-year");
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            int y = year.getValue();
            byte[] workbook = submissions.template(y);
            return new DownloadResponse(new ByteArrayInputStream(workbook), submissions.templateFileName(y),
                    CollectionView.XLSX, workbook.length);
        }), getTranslation("collection.county.download"));
        download.setId("template-download");
        download.getElement().setAttribute("download", true);
        HorizontalLayout row = new HorizontalLayout(year, download);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private VerticalLayout uploadRow() {
        Upload upload = SingleFileUpload.create((fileName, data) -> {
            int y = year.getValue();
            try {
                SubmissionResult result = submissions.submit(fileName, data, y);
                return () -> show(result);
            } catch (SubmissionException e) {
                return () -> report.message(IntakeText.of(this, e));
            }
        }, reason -> report.message(getTranslation("collection.rejectedFile", reason)), ".xlsx", ".csv");
        upload.setId("declaration-upload");
        upload.setDropLabel(new Span(getTranslation("collection.drop")));
        VerticalLayout box = new VerticalLayout(new Span(getTranslation("collection.county.uploadHint")), upload);
        box.setPadding(false);
        return box;
    }

    private void show(SubmissionResult result) {
        if (result.queued()) {
            report.show(getTranslation("collection.county.queued", String.valueOf(result.submission().year()),
                    String.valueOf(result.submission().id()), result.report().warnings().size()), true, result.report());
            grid.refresh();
        } else {
            report.show(getTranslation("collection.county.refused", result.report().errors().size(),
                    result.report().warnings().size()), false, result.report());
        }
    }
}
