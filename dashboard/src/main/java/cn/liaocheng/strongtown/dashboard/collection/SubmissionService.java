package cn.liaocheng.strongtown.dashboard.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValidationReport;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.collection.declaration.TemplateWriter;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Multi-level reporting (多级上报): a county user downloads their county's yearly template and submits it;
 * the file is validated at once (one with an error is refused with its report and kept nowhere), then waits,
 * stored by its SHA-256, until the city office accepts it — only then it enters the lake, through the same
 * intake and re-scoring as the office's own uploads ({@link CollectionService#upload}) — or returns it with a
 * reason the county sees. Every step is in the audit log. The office's and administrators' own uploads keep
 * going straight in: they are the city level that would accept them.
 */
@Service
public class SubmissionService {

    /** County staff: their own county's template and submissions. */
    static final String COUNTY = "hasRole('COUNTY')";
    /** Who sees submissions: county staff (own county), the office and administrators (all). */
    static final String READERS = "hasAnyRole('COUNTY', 'OFFICE', 'ADMIN')";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TownRegistry towns;
    private final CatalogRepository catalogs;
    private final DeclarationIntake intake;
    private final CollectionService collection;
    private final SubmissionRepository repository;
    private final SubmissionFiles files;
    private final WorkflowDatabase database;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    public SubmissionService(StrongTownProperties properties, TownRegistry towns, CatalogRepository catalogs,
                             CollectionService collection, SubmissionRepository repository, SubmissionFiles files,
                             WorkflowDatabase database, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.towns = towns;
        this.catalogs = catalogs;
        this.intake = new DeclarationIntake(towns, catalogs, new Lake(properties.lake()));
        this.collection = collection;
        this.repository = repository;
        this.files = files;
        this.database = database;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Years that can be submitted, newest first (as for the office's uploads). */
    @PreAuthorize(COUNTY)
    public List<Integer> years() {
        return CollectionService.years(catalogs);
    }

    @PreAuthorize(COUNTY)
    public int defaultYear() {
        return CollectionService.lastYear();
    }

    /** The name of the county user's own template for the year. */
    @PreAuthorize(COUNTY)
    public String templateFileName(int year) {
        return new TemplateWriter(towns, catalogs).fileName(year, ownCounty());
    }

    /** The county user's own county's template for the year: only its towns' rows. */
    @PreAuthorize(COUNTY)
    public byte[] template(int year) {
        return new TemplateWriter(towns, catalogs).write(year, ownCounty());
    }

    /**
     * Validates the county user's file for the year, refusing rows of other counties; without error it is
     * stored and waits for the city office, replacing a submission of the same year still waiting.
     */
    @PreAuthorize(COUNTY)
    public synchronized SubmissionResult submit(String fileName, byte[] content, int year) {
        String county = ownCounty();
        UploadedFile file = UploadedFile.of(fileName, content);
        ValidationReport report = intake.check(file, year, county);
        if (report.hasErrors()) {
            return new SubmissionResult(report, null);
        }
        files.store(file.sha256(), file.extension(), file.content());
        String user = username();
        Instant now = clock.instant();
        List<Long> replaced = new java.util.ArrayList<>();
        long id = database.transaction(c -> {
            replaced.clear();
            long created = repository.insert(c, county, year, file.originalName(), file.sha256(), file.extension(),
                    file.size(), report.warnings().size(), user, now);
            for (SubmissionRepository.Row earlier : repository.pending(c, county, year)) {
                if (earlier.id() != created) {
                    repository.decide(c, earlier.id(), SubmissionState.SUPERSEDED, user, now, "#" + created, null);
                    replaced.add(earlier.id());
                }
            }
            return created;
        });
        // ids, codes and hashes only: the file's name and a return reason are the county's words, kept in the
        // submission row (the audit log is read in either language)
        audit(AuditAction.COLLECTION_SUBMITTED, "#" + id + " " + county + " " + year + " → PENDING " + file.sha256());
        for (long earlier : replaced) {
            audit(AuditAction.COLLECTION_SUBMITTED, "#" + earlier + " " + county + " " + year + " PENDING → SUPERSEDED #" + id);
        }
        return new SubmissionResult(report, find(id));
    }

    /** Submissions, waiting ones first: a county user's own county's; all for the office. */
    @PreAuthorize(READERS)
    public List<Submission> submissions() {
        String county = countyBound() ? ownCounty() : null;
        return database.transaction(c -> repository.list(c, county)).stream().map(this::named).toList();
    }

    /** The submitted file, to the office and to the county that submitted it. */
    @PreAuthorize(READERS)
    public SubmissionFile download(long id) {
        Submission s = visible(id);
        return new SubmissionFile(s.fileName(), s.extension().equals("xlsx") ? XLSX : "text/csv",
                files.read(s.sha256(), s.extension()));
    }

    /**
     * Accepts a waiting submission: its file goes through the intake (validated again, now for the lake's
     * current state) and, without error, becomes a new revision and starts re-scoring. A file that no longer
     * passes stays waiting, and the report says why (the office may then return it).
     *
     * @throws LakeNotReadyException while the first-start demo data are still being generated
     */
    @PreAuthorize(Access.COLLECTORS)
    public synchronized IntakeResult accept(long id) {
        Submission s = waiting(id);
        byte[] content = files.read(s.sha256(), s.extension());
        ValidationReport countyCheck = intake.check(UploadedFile.of(s.fileName(), content), s.year(), s.countyCode());
        if (countyCheck.hasErrors()) {
            return new IntakeResult(IntakeResult.Outcome.REJECTED, countyCheck, s.year(), 0, List.of());
        }
        Optional<RevisionInfo> entered = enteredLake(s);
        if (entered.isPresent()) {
            return completeInterruptedAcceptance(s, entered.get(), countyCheck);
        }
        IntakeResult result = collection.upload(s.fileName(), content, s.year());
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            return result;
        }
        Integer revision = result.outcome() == IntakeResult.Outcome.ACCEPTED ? result.revision() : null;
        decide(s, SubmissionState.ACCEPTED, null, revision);
        audit(AuditAction.COLLECTION_ACCEPTED, "#" + id + " " + s.countyCode() + " " + s.year() + " PENDING → ACCEPTED "
                + (revision == null ? "unchanged" : "revision " + revision) + " " + s.sha256());
        return result;
    }

    /** Returns a waiting submission to its county with a reason; nothing enters the lake. */
    @PreAuthorize(Access.COLLECTORS)
    public synchronized Submission returnToCounty(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SubmissionException("collection.submission.error.reasonRequired");
        }
        Submission s = waiting(id);
        Optional<RevisionInfo> entered = enteredLake(s);
        if (entered.isPresent()) {
            throw new SubmissionException("collection.submission.error.alreadyInLake", entered.get().revision());
        }
        decide(s, SubmissionState.RETURNED, reason.strip(), null);
        audit(AuditAction.COLLECTION_RETURNED, "#" + id + " " + s.countyCode() + " " + s.year() + " PENDING → RETURNED "
                + s.sha256());
        return find(id);
    }

    /**
     * The revision this submission's file became, if its acceptance wrote the lake but ended (a crash, {@code kill -9})
     * before the workflow database recorded it: a revision of the year from the same file, made after the submission.
     * The lake and the workflow database cannot share one transaction, so the lake, written first, decides.
     */
    private Optional<RevisionInfo> enteredLake(Submission s) {
        Instant submitted = s.submittedAt();
        return intake.revisions(s.year()).stream()
                .filter(r -> s.sha256().equals(r.sourceSha256())
                        && !r.submittedAt().atZone(ZoneId.systemDefault()).toInstant().isBefore(submitted.truncatedTo(ChronoUnit.SECONDS)))
                .findFirst();
    }

    /** Records an acceptance whose revision is already in the lake; the data go in once, not twice. */
    private IntakeResult completeInterruptedAcceptance(Submission s, RevisionInfo revision, ValidationReport report) {
        decide(s, SubmissionState.ACCEPTED, null, revision.revision());
        audit(AuditAction.COLLECTION_ACCEPTED, "#" + s.id() + " " + s.countyCode() + " " + s.year() + " PENDING → ACCEPTED "
                + "revision " + revision.revision() + " (already in the lake: an earlier acceptance was cut off) " + s.sha256());
        return new IntakeResult(IntakeResult.Outcome.ACCEPTED, report, s.year(), revision.revision(),
                intake.changes(s.year(), revision.revision()));
    }

    private void decide(Submission s, SubmissionState to, String reason, Integer revision) {
        String user = username();
        boolean decided = database.transaction(c -> repository.decide(c, s.id(), to, user, clock.instant(), reason, revision));
        if (!decided) {
            throw new SubmissionException("collection.submission.error.notPending");
        }
    }

    private Submission waiting(long id) {
        Submission s = find(id);
        if (!s.pending()) {
            throw new SubmissionException("collection.submission.error.notPending");
        }
        return s;
    }

    /** A submission the current user may see: a county user only their own county's. */
    private Submission visible(long id) {
        Submission s = find(id);
        if (countyBound() && !s.countyCode().equals(ownCounty())) {
            throw new AccessDeniedException("县区用户无权查看其他县区的报送");
        }
        return s;
    }

    private Submission find(long id) {
        return database.transaction(c -> repository.find(c, id)).map(this::named)
                .orElseThrow(() -> new SubmissionException("collection.submission.error.none"));
    }

    private Submission named(SubmissionRepository.Row r) {
        return new Submission(r.id(), r.countyCode(), towns.county(r.countyCode()).name(), r.year(), r.fileName(),
                r.sha256(), r.extension(), r.sizeBytes(), r.warnings(), r.state(), r.submittedBy(), r.submittedAt(),
                r.decidedBy(), r.decidedAt(), r.reason(), r.revision());
    }

    private boolean countyBound() {
        return currentUser.require().role().countyBound();
    }

    private String ownCounty() {
        StrongTownUser user = currentUser.require();
        if (!user.role().countyBound() || user.countyCode() == null) {
            throw new AccessDeniedException("只有县区用户可以报送本县（市、区）数据");
        }
        return user.countyCode();
    }

    private String username() {
        return currentUser.require().getUsername();
    }

    private void audit(AuditAction action, String detail) {
        events.publishEvent(AuditEntry.of(username(), action, detail));
    }
}
