package cn.liaocheng.strongtown.dashboard.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * Multi-level reporting (issue 9, deliver 2a): a county's upload waits for the city office; only an accepted
 * one enters the lake; a returned one carries its reason to the county; a county touches only its own county.
 * Uses the oldest demo year, 2020, which no other test writes.
 */
class SubmissionServiceTest extends DashboardTestContext {

    private static final int YEAR = 2020;
    /** A town of the county user's county (东昌府区) and one of another county (莘县). */
    private static final String OWN_TOWN = "371502001000";
    private static final String OTHER_TOWN = "371522001000";

    @Autowired
    SubmissionService submissions;
    @Autowired
    CollectionService collection;
    @Autowired
    AuditLog audit;
    @Autowired
    StrongTownProperties properties;

    private CollectionFixture fixture;

    @BeforeEach
    void ready() {
        awaitLake();
        fixture = new CollectionFixture(properties);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private List<Integer> revisions() {
        TestUsers.signIn(Role.OFFICE);
        return collection.revisions(YEAR).stream().map(r -> r.revision()).toList();
    }

    private int audited(AuditAction action) {
        TestUsers.signIn(Role.ADMIN);
        return audit.count(new AuditFilter(null, action));
    }

    @Test
    void aCountyUploadEntersTheLakeOnlyWhenTheOfficeAcceptsIt() {
        List<Integer> before = revisions();
        int submittedBefore = audited(AuditAction.COLLECTION_SUBMITTED);
        int acceptedBefore = audited(AuditAction.COLLECTION_ACCEPTED);
        double oldValue = fixture.current(YEAR).get(OWN_TOWN + "/" + CollectionFixture.CHANGED_ITEM);

        TestUsers.signIn(Role.COUNTY);
        byte[] filled = fixture.fill(submissions.template(YEAR), YEAR, OWN_TOWN, v -> v * 1.02);
        SubmissionResult result = submissions.submit(submissions.templateFileName(YEAR), filled, YEAR);
        assertThat(result.report().errors()).isEmpty();
        assertThat(result.queued()).isTrue();
        Submission waiting = result.submission();
        assertThat(waiting.state()).isEqualTo(SubmissionState.PENDING);
        assertThat(waiting.countyCode()).isEqualTo(TestUsers.OWN_COUNTY);
        assertThat(waiting.sha256()).matches("[0-9a-f]{64}");
        assertThat(submissions.download(waiting.id()).content()).isEqualTo(filled);
        // waiting: nothing in the lake yet
        assertThat(revisions()).isEqualTo(before);
        assertThat(fixture.current(YEAR).get(OWN_TOWN + "/" + CollectionFixture.CHANGED_ITEM)).isEqualTo(oldValue);

        TestUsers.signIn(Role.OFFICE);
        assertThat(submissions.submissions()).anyMatch(s -> s.id() == waiting.id() && s.pending());
        IntakeResult accepted = submissions.accept(waiting.id());
        assertThat(accepted.outcome()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        assertThat(accepted.changes()).singleElement().satisfies(c -> {
            assertThat(c.townCode()).isEqualTo(OWN_TOWN);
            assertThat(c.indicatorId()).isEqualTo(CollectionFixture.CHANGED_ITEM);
        });
        assertThat(revisions()).hasSize(before.size() + 1).first().isEqualTo(accepted.revision());
        assertThat(fixture.current(YEAR).get(OWN_TOWN + "/" + CollectionFixture.CHANGED_ITEM))
                .isCloseTo(oldValue * 1.02, org.assertj.core.data.Offset.offset(1e-6 * oldValue));

        TestUsers.signIn(Role.COUNTY);
        Submission decided = submissions.submissions().stream().filter(s -> s.id() == waiting.id()).findFirst().orElseThrow();
        assertThat(decided.state()).isEqualTo(SubmissionState.ACCEPTED);
        assertThat(decided.revision()).isEqualTo(accepted.revision());
        assertThat(decided.decidedBy()).isEqualTo(TestUsers.user(Role.OFFICE).getUsername());
        assertThat(audited(AuditAction.COLLECTION_SUBMITTED)).isEqualTo(submittedBefore + 1);
        assertThat(audited(AuditAction.COLLECTION_ACCEPTED)).isEqualTo(acceptedBefore + 1);

        // decided once: neither accepted again nor returned
        TestUsers.signIn(Role.OFFICE);
        assertThatThrownBy(() -> submissions.accept(waiting.id())).isInstanceOf(SubmissionException.class);
        assertThatThrownBy(() -> submissions.returnToCounty(waiting.id(), "理由")).isInstanceOf(SubmissionException.class);
    }

    @Test
    void anAcceptanceCutOffAfterTheLakeIsCompletedWithItsRevisionAndCannotBeReturned() {
        TestUsers.signIn(Role.COUNTY);
        byte[] filled = fixture.fill(submissions.template(YEAR), YEAR, OWN_TOWN, v -> v * 1.05);
        Submission waiting = submissions.submit("东昌府区.xlsx", filled, YEAR).submission();
        // the first half of an acceptance, as a kill between the lake and the workflow database leaves it
        TestUsers.signIn(Role.OFFICE);
        IntakeResult written = collection.upload(waiting.fileName(), filled, YEAR);
        assertThat(written.outcome()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        List<Integer> before = revisions();

        TestUsers.signIn(Role.OFFICE);
        assertThatThrownBy(() -> submissions.returnToCounty(waiting.id(), "理由"))
                .isInstanceOfSatisfying(SubmissionException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("collection.submission.error.alreadyInLake"));
        IntakeResult completed = submissions.accept(waiting.id());

        assertThat(completed.outcome()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        assertThat(completed.revision()).isEqualTo(written.revision());
        assertThat(completed.changes()).isNotEmpty();
        assertThat(revisions()).as("the data went in once").isEqualTo(before);
        TestUsers.signIn(Role.COUNTY);
        Submission decided = submissions.submissions().stream().filter(s -> s.id() == waiting.id()).findFirst().orElseThrow();
        assertThat(decided.state()).isEqualTo(SubmissionState.ACCEPTED);
        assertThat(decided.revision()).isEqualTo(written.revision());
    }

    @Test
    void aReturnedUploadChangesNothingAndTheCountySeesWhy() {
        List<Integer> before = revisions();
        TestUsers.signIn(Role.COUNTY);
        byte[] filled = fixture.fill(submissions.template(YEAR), YEAR, OWN_TOWN, v -> v * 3);
        Submission waiting = submissions.submit("东昌府区.xlsx", filled, YEAR).submission();

        TestUsers.signIn(Role.OFFICE);
        assertThatThrownBy(() -> submissions.returnToCounty(waiting.id(), "  "))
                .isInstanceOf(SubmissionException.class)
                .extracting(e -> ((SubmissionException) e).messageKey()).isEqualTo("collection.submission.error.reasonRequired");
        int returnedBefore = audited(AuditAction.COLLECTION_RETURNED);
        TestUsers.signIn(Role.OFFICE);
        submissions.returnToCounty(waiting.id(), "民营经济税收比上年增长两倍，请核实");
        assertThat(revisions()).isEqualTo(before);
        assertThat(audited(AuditAction.COLLECTION_RETURNED)).isEqualTo(returnedBefore + 1);

        TestUsers.signIn(Role.COUNTY);
        Submission returned = submissions.submissions().stream().filter(s -> s.id() == waiting.id()).findFirst().orElseThrow();
        assertThat(returned.state()).isEqualTo(SubmissionState.RETURNED);
        assertThat(returned.reason()).isEqualTo("民营经济税收比上年增长两倍，请核实");
        TestUsers.signIn(Role.OFFICE);
        assertThatThrownBy(() -> submissions.accept(waiting.id())).isInstanceOf(SubmissionException.class);
    }

    @Test
    void aWorkbookWithAnErrorIsRefusedAtOnceAndKeptNowhere() {
        TestUsers.signIn(Role.COUNTY);
        int before = submissions.submissions().size();
        SubmissionResult refused = submissions.submit("坏.xlsx", "PK not really a workbook".getBytes(), YEAR);
        assertThat(refused.queued()).isFalse();
        assertThat(refused.report().errors()).isNotEmpty();
        assertThat(submissions.submissions()).hasSize(before);
    }

    @Test
    void aCountySubmitsOnlyItsOwnCountysTowns() {
        TestUsers.signIn(Role.OFFICE);
        byte[] wholeCity = collection.template(YEAR, null);
        byte[] otherCounty = collection.template(YEAR, TestUsers.OTHER_COUNTY);
        TestUsers.signIn(Role.COUNTY);
        int before = submissions.submissions().size();
        SubmissionResult cityWide = submissions.submit("全市.xlsx", fixture.fill(wholeCity, YEAR, OTHER_TOWN, null), YEAR);
        assertThat(cityWide.queued()).isFalse();
        assertThat(cityWide.report().errors()).anyMatch(f -> f.reason().contains("不属于"));
        SubmissionResult theirs = submissions.submit("莘县.xlsx", fixture.fill(otherCounty, YEAR, OTHER_TOWN, null), YEAR);
        assertThat(theirs.queued()).isFalse();
        assertThat(theirs.report().errors()).anyMatch(f -> f.reason().contains("莘县的模板"));
        assertThat(submissions.submissions()).hasSize(before);
    }

    @Test
    void aNewSubmissionReplacesTheOneStillWaitingAndCountiesSeeOnlyTheirOwn() {
        TestUsers.signIn(Role.COUNTY);
        byte[] template = submissions.template(YEAR);
        Submission first = submissions.submit("第一版.xlsx", fixture.fill(template, YEAR, OWN_TOWN, v -> v * 1.5), YEAR).submission();
        Submission second = submissions.submit("第二版.xlsx", fixture.fill(template, YEAR, OWN_TOWN, v -> v * 1.6), YEAR).submission();
        List<Submission> own = submissions.submissions();
        assertThat(own).filteredOn(s -> s.id() == first.id()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(SubmissionState.SUPERSEDED));
        assertThat(own).filteredOn(s -> s.id() == second.id()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(SubmissionState.PENDING));
        assertThat(own).allMatch(s -> s.countyCode().equals(TestUsers.OWN_COUNTY));

        // another county's user sees neither the submission nor its file
        var other = new cn.liaocheng.strongtown.dashboard.security.StrongTownUser("test-other-county", "{noop}x", "莘县用户",
                Role.COUNTY, TestUsers.OTHER_COUNTY, true, true);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(other, null,
                        other.getAuthorities()));
        assertThat(submissions.submissions()).noneMatch(s -> s.id() == second.id());
        assertThatThrownBy(() -> submissions.download(second.id())).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn(Role.OFFICE);
        submissions.returnToCounty(second.id(), "测试结束");
    }
}
