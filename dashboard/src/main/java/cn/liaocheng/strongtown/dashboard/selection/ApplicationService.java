package cn.liaocheng.strongtown.dashboard.selection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Applications: the county drafts one per town (申报书, attachments, signed credit pledge), orders and
 * recommends them within its quota; the office checks the form (accept, or return with a reason, after
 * which the county may resubmit until the deadline). County staff see and touch only their own county.
 */
@Service
public class ApplicationService {

    private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final SelectionSupport support;
    private final SelectionRepository repository;
    private final EligibilityChecker eligibility;
    private final AttachmentStore store;
    private final CountyScope scope;
    private final TownRegistry towns;

    public ApplicationService(SelectionSupport support, EligibilityChecker eligibility, AttachmentStore store,
                              CountyScope scope, TownRegistry towns) {
        this.support = support;
        this.repository = support.repository;
        this.eligibility = eligibility;
        this.store = store;
        this.scope = scope;
        this.towns = towns;
    }

    /** A round's applications, of the caller's county for county staff (or of the county asked for). */
    @PreAuthorize(SelectionAccess.FOLLOWERS)
    public List<Application> applications(long roundId, String countyCode) {
        String county = scope.restrict(countyCode);
        return support.tx(c -> repository.applications(c, roundId, county));
    }

    @PreAuthorize(SelectionAccess.FOLLOWERS)
    public Application application(long applicationId) {
        return support.tx(c -> {
            Application app = support.application(c, applicationId);
            support.requireCounty(app);
            return app;
        });
    }

    /** The application's history, oldest first. */
    @PreAuthorize(SelectionAccess.FOLLOWERS)
    public List<HistoryEvent> history(long applicationId) {
        return support.tx(c -> {
            support.requireCounty(support.application(c, applicationId));
            return repository.history(c, applicationId);
        });
    }

    /** The towns of a county with their eligibility in the round (county staff: their own county). */
    @PreAuthorize(SelectionAccess.APPLICANTS)
    public List<TownOption> towns(long roundId, String countyCode) {
        String county = scope.restrict(countyCode);
        if (county == null) {
            throw new SelectionException("selection.error.countyRequired");
        }
        return support.tx(c -> {
            Round round = support.round(c, roundId);
            List<Town> list = towns.towns().stream().filter(t -> t.countyCode().equals(county)).toList();
            List<Eligibility> checks = eligibility.checkAll(c, round, list.stream().map(Town::code).toList());
            List<Application> apps = repository.applications(c, roundId, county);
            List<TownOption> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Town t = list.get(i);
                out.add(new TownOption(t.code(), t.name(), t.countyName(), checks.get(i), apps.stream()
                        .filter(a -> a.townCode().equals(t.code())).findFirst().orElse(null)));
            }
            return out;
        });
    }

    /** The eligibility of an application's town now (checked again at every stage). */
    @PreAuthorize(SelectionAccess.APPLICANTS)
    public Eligibility eligibility(long applicationId) {
        return support.tx(c -> {
            Application app = support.application(c, applicationId);
            support.requireCounty(app);
            return eligibility.check(c, support.round(c, app.roundId()), app.townCode());
        });
    }

    /** Starts a draft for a town of the caller's county; only an eligible town may apply. */
    @PreAuthorize("hasRole('COUNTY')")
    public Application create(long roundId, String townCode) {
        Town town = towns.find(townCode).orElseThrow(() -> new SelectionException("selection.error.noTown", townCode));
        scope.restrict(town.countyCode());
        Application app = support.tx(c -> {
            Round round = support.round(c, roundId);
            requireApplicationOpen(round);
            Eligibility e = eligibility.check(c, round, townCode);
            if (!e.eligible()) {
                throw new SelectionException("selection.error.ineligible", town.name());
            }
            if (repository.applications(c, roundId, town.countyCode()).stream().anyMatch(a -> a.townCode().equals(townCode))) {
                throw new SelectionException("selection.error.applicationExists", town.name());
            }
            int priority = repository.applications(c, roundId, town.countyCode()).size() + 1;
            long id = repository.insertApplication(c, roundId, townCode, town.countyCode(), priority, support.username(),
                    support.now());
            repository.event(c, roundId, id, support.username(), "CREATED", null, ApplicationState.DRAFT, null, null,
                    support.now());
            return repository.application(c, id).orElseThrow();
        });
        support.audit(AuditAction.SELECTION_APPLICATION, "create " + app.id() + " " + townCode);
        return app;
    }

    private void requireApplicationOpen(Round round) {
        if (round.stage() != RoundStage.APPLICATION) {
            throw new SelectionException("selection.error.stageClosed", round.stage().translationKey());
        }
        if (support.today().isAfter(round.settings().applicationDeadline())) {
            throw new SelectionException("selection.error.deadlinePassed", round.settings().applicationDeadline().toString());
        }
    }

    private Application editable(Connection c, long applicationId) throws SQLException {
        Application app = support.application(c, applicationId);
        support.requireCounty(app);
        if (!app.state().editableByCounty()) {
            throw new SelectionException("selection.error.notEditable", app.state().translationKey());
        }
        requireApplicationOpen(support.round(c, app.roundId()));
        return app;
    }

    /** Saves the 申报书's text of a draft or returned application. */
    @PreAuthorize("hasRole('COUNTY')")
    public Application saveText(long applicationId, ApplicationText text) {
        return support.tx(c -> {
            editable(c, applicationId);
            repository.setText(c, applicationId, text, support.now());
            return repository.application(c, applicationId).orElseThrow();
        });
    }

    /** Attaches a file (checked by content, size-limited, stored by SHA-256) to a draft or returned application. */
    @PreAuthorize("hasRole('COUNTY')")
    public Attachment attach(long applicationId, AttachmentKind kind, String fileName, byte[] content) {
        if (kind == AttachmentKind.EVIDENCE) {
            throw new SelectionException("selection.error.fileType");
        }
        Attachment attachment = support.tx(c -> {
            Application app = editable(c, applicationId);
            AttachmentStore.Stored stored = store.store(content);
            String name = fileName == null || fileName.isBlank() ? stored.sha256() + "." + stored.extension()
                    : fileName.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
            long id = repository.insertAttachment(c, applicationId, null, kind, name, stored.sha256(), stored.extension(),
                    stored.size(), support.username(), support.now());
            repository.event(c, app.roundId(), applicationId, support.username(), "ATTACHED", null, null,
                    kind.name() + " " + name, stored.sha256(), support.now());
            return repository.attachment(c, id).orElseThrow();
        });
        support.audit(AuditAction.SELECTION_APPLICATION, "attach " + applicationId + " " + attachment.sha256());
        return attachment;
    }

    @PreAuthorize(SelectionAccess.FILE_READERS)
    public List<Attachment> attachments(long applicationId) {
        return support.tx(c -> {
            requireMayRead(c, support.application(c, applicationId));
            return repository.attachments(c, applicationId);
        });
    }

    /** An attachment's bytes as a download, for the office, the application's county and its assigned experts. */
    @PreAuthorize(SelectionAccess.FILE_READERS)
    public Download download(long attachmentId) {
        return support.tx(c -> {
            Attachment a = repository.attachment(c, attachmentId)
                    .orElseThrow(() -> new SelectionException("selection.error.fileMissing"));
            if (a.applicationId() == null) {
                if (support.user().role() != Role.OFFICE) {
                    throw new AccessDeniedException("仅办公室可下载异议证据");
                }
            } else {
                requireMayRead(c, support.application(c, a.applicationId()));
            }
            return new Download(a.fileName().endsWith("." + a.extension()) ? a.fileName() : a.fileName() + "." + a.extension(),
                    CONTENT_TYPES.get(a.extension()), store.read(a.sha256(), a.extension()));
        });
    }

    private void requireMayRead(Connection c, Application app) throws SQLException {
        StrongTownUser u = support.user();
        if (u.role() == Role.REVIEWER) {
            if (!repository.reviewers(c, app.id()).contains(u.getUsername())) {
                throw new AccessDeniedException("评审专家只能查看分配给自己的申报");
            }
        } else {
            support.requireCounty(app);
        }
    }

    /** Moves an application one place up (-1) or down (+1) in its county's order of recommendation. */
    @PreAuthorize("hasRole('COUNTY')")
    public List<Application> move(long applicationId, int direction) {
        return support.tx(c -> {
            Application app = support.application(c, applicationId);
            support.requireCounty(app);
            requireApplicationOpen(support.round(c, app.roundId()));
            List<Application> list = new ArrayList<>(repository.applications(c, app.roundId(), app.countyCode()));
            int i = list.indexOf(list.stream().filter(a -> a.id() == applicationId).findFirst().orElseThrow());
            int j = i + Integer.signum(direction);
            if (j >= 0 && j < list.size()) {
                Application other = list.set(j, list.get(i));
                list.set(i, other);
                for (int k = 0; k < list.size(); k++) {
                    repository.setPriority(c, list.get(k).id(), k + 1);
                }
                repository.event(c, app.roundId(), applicationId, support.username(), "REORDERED", null, null,
                        String.valueOf(j + 1), null, support.now());
            }
            return repository.applications(c, app.roundId(), app.countyCode());
        });
    }

    /**
     * Recommends (submits) an application to the city: the town must still be eligible, the 申报书
     * complete, the signed credit pledge attached, and the county within its quota.
     */
    @PreAuthorize("hasRole('COUNTY')")
    public Application recommend(long applicationId) {
        Application moved = support.tx(c -> {
            Application app = editable(c, applicationId);
            Round round = support.round(c, app.roundId());
            Eligibility e = eligibility.check(c, round, app.townCode());
            if (!e.eligible()) {
                throw new SelectionException("selection.error.ineligible", app.townName());
            }
            if (!app.text().complete()) {
                throw new SelectionException("selection.error.textIncomplete");
            }
            List<Attachment> files = repository.attachments(c, applicationId);
            if (files.stream().noneMatch(a -> a.kind() == AttachmentKind.PLEDGE)) {
                throw new SelectionException("selection.error.pledgeMissing");
            }
            long recommended = repository.applications(c, app.roundId(), app.countyCode()).stream()
                    .filter(a -> a.state().recommended()).count();
            if (recommended >= round.settings().recommendQuota()) {
                throw new SelectionException("selection.error.quotaReached", round.settings().recommendQuota());
            }
            String hashes = String.join(",", files.stream().map(Attachment::sha256).toList());
            return support.move(c, app, ApplicationState.SUBMITTED, "RECOMMENDED", null, hashes);
        });
        support.audit(AuditAction.SELECTION_APPLICATION, "recommend " + applicationId);
        return moved;
    }

    /** Withdraws a draft or returned application (kept, with its history). */
    @PreAuthorize("hasRole('COUNTY')")
    public Application withdraw(long applicationId, String reason) {
        String why = SelectionSupport.requireReason(reason);
        Application moved = support.tx(c -> {
            Application app = support.application(c, applicationId);
            support.requireCounty(app);
            return support.move(c, app, ApplicationState.WITHDRAWN, "WITHDRAWN", why, null);
        });
        support.audit(AuditAction.SELECTION_APPLICATION, "withdraw " + applicationId);
        return moved;
    }

    /** 形式审查: accepts a recommended application (its town must still be eligible). */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Application accept(long applicationId) {
        Application moved = support.tx(c -> {
            Application app = support.application(c, applicationId);
            Eligibility e = eligibility.check(c, support.round(c, app.roundId()), app.townCode());
            if (!e.eligible()) {
                throw new SelectionException("selection.error.ineligible", app.townName());
            }
            return support.move(c, app, ApplicationState.ACCEPTED, "ACCEPTED", null, null);
        });
        support.audit(AuditAction.SELECTION_APPLICATION, "accept " + applicationId);
        return moved;
    }

    /** 形式审查: returns a recommended application to its county with a reason. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Application returnToCounty(long applicationId, String reason) {
        String why = SelectionSupport.requireReason(reason);
        Application moved = support.tx(c -> support.move(c, support.application(c, applicationId),
                ApplicationState.RETURNED, "RETURNED", why, null));
        support.audit(AuditAction.SELECTION_APPLICATION, "return " + applicationId);
        return moved;
    }

    /** Disqualifies an application whose town failed an eligibility re-check, with the reason. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Application disqualify(long applicationId, String reason) {
        String why = SelectionSupport.requireReason(reason);
        Application moved = support.tx(c -> support.move(c, support.application(c, applicationId),
                ApplicationState.DISQUALIFIED, "DISQUALIFIED", why, null));
        support.audit(AuditAction.SELECTION_APPLICATION, "disqualify " + applicationId);
        return moved;
    }
}
