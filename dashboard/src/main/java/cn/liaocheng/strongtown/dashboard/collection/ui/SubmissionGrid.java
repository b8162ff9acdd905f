package cn.liaocheng.strongtown.dashboard.collection.ui;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.liaocheng.strongtown.dashboard.collection.Submission;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionFile;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;

/** Counties' submissions: who sent which file when, where it stands, and why it was returned. */
class SubmissionGrid extends Grid<Submission> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final SubmissionService submissions;

    SubmissionGrid(SubmissionService submissions, boolean showCounty) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(s -> "#" + s.id()).setHeader(getTranslation("collection.submission.col.id")).setAutoWidth(true);
        if (showCounty) {
            addColumn(Submission::countyName).setHeader(getTranslation("league.county")).setAutoWidth(true);
        }
        addColumn(s -> String.valueOf(s.year())).setHeader(getTranslation("collection.year")).setAutoWidth(true);
        addComponentColumn(s -> {
            Anchor file = new Anchor(DownloadHandler.fromInputStream(event -> {
                SubmissionFile f = submissions.download(s.id());
                return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.contentType(),
                        f.content().length);
            }), s.fileName());
            file.getElement().setAttribute("download", true);
            return file;
        }).setHeader(getTranslation("collection.submission.col.file")).setAutoWidth(true);
        addColumn(s -> s.submittedBy() + " · " + TIME.format(s.submittedAt()))
                .setHeader(getTranslation("collection.submission.col.submitted")).setAutoWidth(true);
        addColumn(s -> getTranslation(s.state().translationKey())).setKey("state")
                .setHeader(getTranslation("collection.submission.col.state")).setAutoWidth(true);
        addColumn(s -> s.decidedBy() == null ? "" : s.decidedBy() + " · " + TIME.format(s.decidedAt()))
                .setHeader(getTranslation("collection.submission.col.decided")).setAutoWidth(true);
        addColumn(this::note).setKey("note").setHeader(getTranslation("collection.submission.col.note")).setFlexGrow(1);
        this.submissions = submissions;
        refresh();
    }

    void refresh() {
        setItems(submissions.submissions());
    }

    /** The return reason, or the revision an accepted submission became. */
    private String note(Submission s) {
        return switch (s.state()) {
            case RETURNED -> s.reason();
            case ACCEPTED -> s.revision() == null ? getTranslation("collection.submission.unchanged")
                    : getTranslation("collection.submission.revision", String.valueOf(s.revision()));
            case SUPERSEDED -> getTranslation("collection.submission.supersededBy", s.reason());
            case PENDING -> getTranslation("collection.submission.waiting");
        };
    }
}
