package cn.liaocheng.strongtown.dashboard.report;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Reports (issue 11): typical-experience reports of designated towns and the annual city report,
 * as content for the browser preview and as .docx/PDF files; the narrative parts saved as versions;
 * a county draft submitted to the office, which approves or returns it. County staff work only on
 * their own county's towns; every change and download is audited.
 */
@Service
public class ReportService {

    /** Longest narrative part, and longest main title, in characters. */
    static final int MAX_TEXT = 5000;
    static final int MAX_TITLE = 60;

    private final ReportData data;
    private final TownReportBuilder townReports;
    private final AnnualReportBuilder annualReports;
    private final NarrativeStore store;
    private final PdfConverter pdf;
    private final TownRegistry towns;
    private final CountyScope scope;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    public ReportService(ReportData data, TownReportBuilder townReports, AnnualReportBuilder annualReports,
                         NarrativeStore store, PdfConverter pdf, TownRegistry towns, CountyScope scope,
                         CurrentUser currentUser, ApplicationEventPublisher events) {
        this.data = data;
        this.townReports = townReports;
        this.annualReports = annualReports;
        this.store = store;
        this.pdf = pdf;
        this.towns = towns;
        this.scope = scope;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The narrative parts of a town report, in document order: title, each section's practice, lessons. */
    public static List<String> narrativeKeys() {
        return TownReportBuilder.narrativeKeys();
    }

    /** Years with scores, newest first. */
    @PreAuthorize(ReportAccess.READERS)
    public List<Integer> years() {
        return data.years();
    }

    /** Towns designated in or before the year, best rank first; county staff see their own county's. */
    @PreAuthorize(ReportAccess.READERS)
    public List<ReportTown> towns(int year) {
        String county = scope.restrict(null);
        return data.designated(year).stream().map(d -> {
            Town t = towns.byCode(d.townCode());
            return new ReportTown(t.code(), t.name(), t.countyCode(), t.countyName(), d.designatedIn());
        }).filter(t -> county == null || county.equals(t.countyCode())).toList();
    }

    /** The typical-experience report's content (what the .docx holds). */
    @PreAuthorize(ReportAccess.READERS)
    public ReportDocument townReport(String townCode, int year, Locale locale) {
        readable(townCode);
        return townReports.build(townCode, year, store.current(townCode, year), locale)
                .orElseThrow(() -> new ReportException("report.error.noScore", String.valueOf(year)));
    }

    /** The annual city report's content. */
    @PreAuthorize(ReportAccess.CITY)
    public ReportDocument annualReport(int year, Locale locale) {
        if (!data.years().contains(year)) {
            throw new ReportException("report.error.noYear", String.valueOf(year));
        }
        return annualReports.build(year, locale);
    }

    @PreAuthorize(ReportAccess.READERS)
    public ReportFile townDocx(String townCode, int year, Locale locale) {
        return docx(townReport(townCode, year, locale), "town " + townCode + " " + year);
    }

    @PreAuthorize(ReportAccess.CITY)
    public ReportFile annualDocx(int year, Locale locale) {
        return docx(annualReport(year, locale), "annual " + year);
    }

    /** Whether PDFs can be made here (LibreOffice installed). */
    @PreAuthorize(ReportAccess.READERS)
    public boolean pdfAvailable() {
        return pdf.available();
    }

    @PreAuthorize(ReportAccess.READERS)
    public ReportFile townPdf(String townCode, int year, Locale locale) {
        return pdf(townReport(townCode, year, locale), "town " + townCode + " " + year);
    }

    @PreAuthorize(ReportAccess.CITY)
    public ReportFile annualPdf(int year, Locale locale) {
        return pdf(annualReport(year, locale), "annual " + year);
    }

    /** The newest text of each narrative part saved so far. */
    @PreAuthorize(ReportAccess.READERS)
    public Map<String, String> narratives(String townCode, int year) {
        readable(townCode);
        return store.current(townCode, year);
    }

    /** Saved versions of one narrative part, newest first. */
    @PreAuthorize(ReportAccess.READERS)
    public List<NarrativeVersion> versions(String townCode, int year, String sectionKey) {
        readable(townCode);
        return store.versions(townCode, year, knownKey(sectionKey));
    }

    /** Saves a narrative part as a new version; returns its number. */
    @PreAuthorize(ReportAccess.WRITERS)
    public int saveNarrative(String townCode, int year, String sectionKey, String text) {
        editable(townCode, year);
        String clean = text == null ? "" : text.strip();
        int max = TownReportBuilder.TITLE.equals(knownKey(sectionKey)) ? MAX_TITLE : MAX_TEXT;
        if (clean.length() > max) {
            throw new ReportException("report.error.tooLong", String.valueOf(max), String.valueOf(clean.length()));
        }
        int version = store.append(townCode, year, sectionKey, clean, username(), clock.instant(), null);
        audit(AuditAction.REPORT_SAVED, townCode + " " + year + " " + sectionKey + " v" + version);
        return version;
    }

    /** Makes an earlier version current again, as a new version that records which one it restored. */
    @PreAuthorize(ReportAccess.WRITERS)
    public int restoreNarrative(String townCode, int year, String sectionKey, int version) {
        editable(townCode, year);
        NarrativeVersion old = store.version(townCode, year, knownKey(sectionKey), version)
                .orElseThrow(() -> new ReportException("report.error.noVersion", String.valueOf(version)));
        int restored = store.append(townCode, year, sectionKey, old.text(), username(), clock.instant(), version);
        audit(AuditAction.REPORT_RESTORED, townCode + " " + year + " " + sectionKey + " v" + version + " → v" + restored);
        return restored;
    }

    @PreAuthorize(ReportAccess.READERS)
    public ReportStatus status(String townCode, int year) {
        readable(townCode);
        return store.status(townCode, year);
    }

    /** Whether the current user may change the report's narrative now. */
    @PreAuthorize(ReportAccess.READERS)
    public boolean mayEdit(String townCode, int year) {
        readable(townCode);
        StrongTownUser user = currentUser.require();
        return user.role() == Role.OFFICE
                || user.role() == Role.COUNTY && isOpenForCounty(store.status(townCode, year).state());
    }

    /** Whether the current user approves and returns reports (the office). */
    @PreAuthorize(ReportAccess.READERS)
    public boolean mayApprove() {
        return currentUser.require().role() == Role.OFFICE;
    }

    /** Submits a draft (or a returned report) to the office. */
    @PreAuthorize(ReportAccess.WRITERS)
    public ReportStatus submit(String townCode, int year) {
        readable(townCode);
        return transition(townCode, year, List.of(ReportStatus.State.DRAFT, ReportStatus.State.RETURNED),
                ReportStatus.State.SUBMITTED, null, AuditAction.REPORT_SUBMITTED);
    }

    /** Approves a submitted report, or the office's own draft. */
    @PreAuthorize(ReportAccess.APPROVERS)
    public ReportStatus approve(String townCode, int year) {
        readable(townCode);
        return transition(townCode, year, List.of(ReportStatus.State.SUBMITTED, ReportStatus.State.DRAFT),
                ReportStatus.State.APPROVED, null, AuditAction.REPORT_APPROVED);
    }

    /** Returns a submitted report to its county for revision, with a note. */
    @PreAuthorize(ReportAccess.APPROVERS)
    public ReportStatus returnForRevision(String townCode, int year, String note) {
        readable(townCode);
        String clean = note == null ? "" : note.strip();
        if (clean.length() > MAX_TITLE * 5) {
            throw new ReportException("report.error.tooLong", String.valueOf(MAX_TITLE * 5), String.valueOf(clean.length()));
        }
        return transition(townCode, year, List.of(ReportStatus.State.SUBMITTED), ReportStatus.State.RETURNED,
                clean.isEmpty() ? null : clean, AuditAction.REPORT_RETURNED);
    }

    private ReportStatus transition(String townCode, int year, List<ReportStatus.State> from, ReportStatus.State to,
                                    String note, AuditAction action) {
        if (!store.transition(townCode, year, from, to, username(), clock.instant(), note)) {
            throw new ReportException("report.error.state", store.status(townCode, year).state().translationKey());
        }
        audit(action, townCode + " " + year + (note == null ? "" : " " + note));
        return store.status(townCode, year);
    }

    private static boolean isOpenForCounty(ReportStatus.State state) {
        return state == ReportStatus.State.DRAFT || state == ReportStatus.State.RETURNED;
    }

    private Town readable(String townCode) {
        Town town = towns.find(townCode).orElseThrow(() -> new ReportException("report.error.unknownTown", townCode));
        scope.restrict(town.countyCode());
        return town;
    }

    /** County staff may change their county's report only while it is a draft or returned; the office always. */
    private void editable(String townCode, int year) {
        readable(townCode);
        if (currentUser.require().role() == Role.COUNTY && !isOpenForCounty(store.status(townCode, year).state())) {
            throw new ReportException("report.error.locked");
        }
    }

    private static String knownKey(String key) {
        if (!narrativeKeys().contains(key)) {
            throw new ReportException("report.error.unknownSection", String.valueOf(key));
        }
        return key;
    }

    private ReportFile docx(ReportDocument report, String what) {
        byte[] bytes = DocxWriter.write(report);
        audit(AuditAction.EXPORT, "report docx " + what);
        return new ReportFile(report.fileStem() + ".docx", ReportFile.DOCX, bytes);
    }

    private ReportFile pdf(ReportDocument report, String what) {
        byte[] bytes = pdf.convert(DocxWriter.write(report), report.fileStem());
        audit(AuditAction.EXPORT, "report pdf " + what);
        return new ReportFile(report.fileStem() + ".pdf", ReportFile.PDF, bytes);
    }

    private String username() {
        return currentUser.require().getUsername();
    }

    private void audit(AuditAction action, String detail) {
        events.publishEvent(AuditEntry.of(username(), action, detail));
    }
}
