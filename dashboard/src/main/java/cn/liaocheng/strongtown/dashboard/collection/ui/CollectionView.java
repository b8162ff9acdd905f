package cn.liaocheng.strongtown.dashboard.collection.ui;

import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.dashboard.collection.LakeNotReadyException;
import cn.liaocheng.strongtown.dashboard.collection.CollectionService;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.lake.PreparationState;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.SingleFileUpload;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.dashboard.ui.ValidationReportPanel;

/**
 * Data collection: download the year's template (city or county), upload a filled workbook or CSV,
 * read the validation report, follow the re-scoring, see and restore revisions; accept or return the
 * counties' submissions. County staff see their own county's template, submissions and their states.
 */
@Route(value = "collection", layout = MainLayout.class)
@RolesAllowed({Role.Names.OFFICE, Role.Names.ADMIN, Role.Names.COUNTY})
public class CollectionView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionView.class);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CollectionService collection;
    private final LakePreparation preparation;
    private final Select<Integer> year = new Select<>();
    private final ComboBox<County> county = new ComboBox<>();
    private final ValidationReportPanel report = new ValidationReportPanel(
            new ValidationReportPanel.Ids("upload-outcome", "validation-report", "report-download"), "collection.reportFileName");
    private final Span refreshStatus = new Span();
    private final ProgressBar refreshProgress = new ProgressBar(0, 1);
    private final Grid<RevisionInfo> revisions = new Grid<>();
    private SubmissionQueue queue;

    /** County staff get their own county's page ({@link CountySubmissionPanel}); the office the city's. */
    public CollectionView(CollectionService collection, SubmissionService submissions, LakePreparation preparation,
                          CountyScope scope) {
        this.collection = collection;
        this.preparation = preparation;
        setWidthFull();
        add(new H2(getTranslation("collection.title")));
        if (scope.lockedCounty().isPresent()) {
            add(new CountySubmissionPanel(submissions));
            return;
        }
        add(new Span(getTranslation("collection.intro")));
        add(templateRow(), uploadRow(), statusRow(), new H3(getTranslation("collection.report")), report);
        queue = new SubmissionQueue(submissions, this::show, report::message);
        add(queue);
        add(new H3(getTranslation("collection.revisions")), revisionGrid());
        refreshRevisions();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("collection.title") + " · " + getTranslation("app.title");
    }

    private HorizontalLayout templateRow() {
        year.setLabel(getTranslation("collection.year"));
        year.setItems(collection.years());
        year.setValue(collection.defaultYear());
        year.setId("collection-year");
        year.addValueChangeListener(e -> refreshRevisions());
        county.setLabel(getTranslation("league.county"));
        county.setItems(collection.counties());
        county.setItemLabelGenerator(County::name);
        county.setPlaceholder(getTranslation("league.county.all"));
        county.setClearButtonVisible(true);
        county.setId("collection-county");
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            int y = year.getValue();
            String code = county.getValue() == null ? null : county.getValue().code();
            byte[] workbook = collection.template(y, code);
            return new DownloadResponse(new ByteArrayInputStream(workbook), collection.templateFileName(y, code), XLSX,
                    workbook.length);
        }), getTranslation("collection.download"));
        download.setId("template-download");
        download.getElement().setAttribute("download", true);
        HorizontalLayout row = new HorizontalLayout(year, county, download);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private VerticalLayout uploadRow() {
        Upload upload = SingleFileUpload.create((fileName, data) -> {
            try {
                IntakeResult result = collection.upload(fileName, data, year.getValue());
                return () -> show(result);
            } catch (LakeNotReadyException e) {
                return () -> report.message(getTranslation(e.messageKey()));
            } catch (RuntimeException e) {
                // a failed write changed nothing (writes are atomic) but must not pass for "not ready"
                LOG.error("上传未能写入数据湖", e);
                return () -> report.message(getTranslation("collection.writeFailed"));
            }
        }, reason -> report.message(getTranslation("collection.rejectedFile", reason)), ".xlsx", ".csv");
        upload.setId("declaration-upload");
        upload.setDropLabel(new Span(getTranslation("collection.drop")));
        VerticalLayout box = new VerticalLayout(new Span(getTranslation("collection.uploadHint")), upload);
        box.setPadding(false);
        return box;
    }

    private HorizontalLayout statusRow() {
        refreshStatus.setId("refresh-status");
        refreshProgress.setWidth("240px");
        refreshProgress.setVisible(false);
        HorizontalLayout row = new HorizontalLayout(refreshStatus, refreshProgress);
        row.setAlignItems(Alignment.CENTER);
        return row;
    }

    private void show(IntakeResult result) {
        report.show(IntakeText.of(this, result), result.outcome() != IntakeResult.Outcome.REJECTED, result.report());
        refreshRevisions();
        if (result.accepted()) {
            followRescoring(UI.getCurrent());
        }
    }

    private Grid<RevisionInfo> revisionGrid() {
        revisions.setId("revision-grid");
        revisions.addThemeVariants(GridVariant.LUMO_COMPACT);
        revisions.setAllRowsVisible(true);
        revisions.addColumn(RevisionInfo::revision).setHeader(getTranslation("collection.col.revision")).setAutoWidth(true);
        revisions.addColumn(r -> r.submittedAt() == null ? "" : r.submittedAt().format(TIME))
                .setHeader(getTranslation("collection.col.at")).setAutoWidth(true);
        revisions.addColumn(RevisionInfo::submittedBy).setHeader(getTranslation("collection.col.by")).setAutoWidth(true);
        revisions.addColumn(RevisionInfo::values).setHeader(getTranslation("collection.col.values")).setAutoWidth(true);
        revisions.addColumn(r -> r.sourceSha256() == null ? getTranslation("collection.noFile") : r.sourceSha256().substring(0, 16) + "…")
                .setHeader(getTranslation("collection.col.sha")).setAutoWidth(true);
        if (collection.mayRestore()) {
            revisions.addComponentColumn(r -> {
                Button restore = new Button(getTranslation("collection.restore"), e -> show(collection.restore(r.year(), r.revision())));
                restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return restore;
            }).setHeader(getTranslation("collection.col.action")).setAutoWidth(true);
        }
        revisions.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(r -> changes(r)));
        return revisions;
    }

    /** Old → new values of a revision, shown when its row is opened. */
    private VerticalLayout changes(RevisionInfo revision) {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        collection.changes(revision.year(), revision.revision()).stream().limit(200).forEach(c -> list.add(new Span(
                collection.townName(c.townCode()) + " · " + collection.indicatorName(revision.year(), c.indicatorId(), getLocale())
                        + "：" + format(c.oldValue()) + " → " + format(c.newValue()))));
        return list;
    }

    private static String format(Double v) {
        return v == null ? "—" : String.format("%,.2f", v);
    }

    private void refreshRevisions() {
        if (year.getValue() != null) {
            revisions.setItems(collection.revisions(year.getValue()));
        }
    }

    /** Polls the background re-scoring and shows its progress until the new snapshot is published. */
    private void followRescoring(UI ui) {
        refreshProgress.setVisible(true);
        ui.setPollInterval(500);
        updateStatus(preparation.state());
        ui.addPollListener(e -> {
            PreparationState state = preparation.state();
            updateStatus(state);
            if (state.phase() != PreparationState.Phase.PREPARING) {
                e.getSource().setPollInterval(-1);
                refreshProgress.setVisible(false);
            }
        });
    }

    private void updateStatus(PreparationState state) {
        refreshProgress.setValue(Math.max(0, Math.min(1, state.progress())));
        refreshStatus.setText(state.ready() ? getTranslation("collection.published", state.detail())
                : getTranslation(state.messageKey(), state.detail()));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!preparation.state().ready()) {
            followRescoring(event.getUI());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }
}
