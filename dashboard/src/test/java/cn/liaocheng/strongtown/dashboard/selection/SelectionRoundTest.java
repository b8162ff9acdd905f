package cn.liaocheng.strongtown.dashboard.selection;

import static cn.liaocheng.strongtown.dashboard.selection.SelectionFixture.signIn;
import static cn.liaocheng.strongtown.dashboard.selection.SelectionFixture.signOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.user.UserService;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;

/**
 * A whole round through the services: open → apply, return and resubmit, recommend → formal check →
 * three experts (conflict rule, locked sheets, a reopened one) → proposed list within the cap →
 * 公示 → objections (anonymous, late, upheld with 递补) → designation in the lake.
 */
class SelectionRoundTest extends DashboardTestContext {

    private static final int YEAR = 2027;
    private static final String OWN = TestUsers.OWN_COUNTY;
    private static final String OTHER = TestUsers.OTHER_COUNTY;

    private final SelectionFixture.Services selection;

    SelectionRoundTest(@Autowired ApplicationContext context) {
        this.selection = SelectionFixture.Services.from(context);
    }

    @Autowired
    StrongTownProperties properties;

    @BeforeEach
    void lake() {
        awaitLake();
        SelectionFixture.reviewers(selection.users(), "round-r1", "round-r2", "round-r3", "round-r4");
    }

    @AfterEach
    void out() {
        signOut();
    }

    private List<Application> applyFor(String county, int count, long roundId) {
        signIn("county-" + county, Role.COUNTY, county);
        List<TownOption> options = selection.applications().towns(roundId, null);
        assertThat(options).isNotEmpty().allSatisfy(o -> assertThat(o.townCode()).startsWith(county));
        List<Application> made = new ArrayList<>();
        for (TownOption o : options) {
            if (made.size() == count) {
                break;
            }
            if (o.eligibility().eligible() && o.application() == null) {
                Application a = selection.applications().create(roundId, o.townCode());
                selection.applications().saveText(a.id(), SelectionFixture.text(o.townName()));
                selection.applications().attach(a.id(), AttachmentKind.PLEDGE, "信用承诺书.pdf", SelectionFixture.PDF);
                made.add(selection.applications().recommend(a.id()));
            }
        }
        signOut();
        assertThat(made).hasSize(count);
        return made;
    }

    private static Map<Integer, Double> points(ReviewStage stage, double share) {
        return switch (stage) {
            case MATERIALS -> Map.of(1, 40 * share, 2, 30 * share, 3, 30 * share);
            case SITE_VISIT -> Map.of(1, 50 * share, 2, 50 * share);
            case DEFENCE -> Map.of(1, 60 * share, 2, 40 * share);
        };
    }

    @Test
    void aWholeRoundRunsFromOpeningToDesignation() throws Exception {
        signIn("office-round", Role.OFFICE, null);
        String snapshot = selection.rounds().currentSnapshot().orElseThrow();
        Round round = selection.rounds().open(SelectionFixture.settings(YEAR, snapshot, 2, 1, true));
        assertThat(round.stage()).isEqualTo(RoundStage.APPLICATION);
        assertThat(round.dataYear()).isLessThan(YEAR);
        assertThatThrownBy(() -> selection.rounds().open(SelectionFixture.settings(YEAR, snapshot, 2, 1, true)))
                .isInstanceOf(SelectionException.class);
        signOut();

        List<Application> own = applyFor(OWN, 3, round.id());
        List<Application> other = applyFor(OTHER, 2, round.id());

        // the county's quota of three is used up; another county's town is refused
        signIn("county-own", Role.COUNTY, OWN);
        TownOption spare = selection.applications().towns(round.id(), null).stream()
                .filter(o -> o.eligibility().eligible() && o.application() == null).findFirst().orElseThrow();
        Application fourth = selection.applications().create(round.id(), spare.townCode());
        selection.applications().saveText(fourth.id(), SelectionFixture.text("四"));
        selection.applications().attach(fourth.id(), AttachmentKind.PLEDGE, "承诺.png", SelectionFixture.PNG);
        assertThatThrownBy(() -> selection.applications().recommend(fourth.id())).isInstanceOf(SelectionException.class)
                .satisfies(e -> assertThat(((SelectionException) e).messageKey()).isEqualTo("selection.error.quotaReached"));
        assertThatThrownBy(() -> selection.applications().create(round.id(), other.get(0).townCode().substring(0, 6) + "999000"))
                .isInstanceOfAny(SelectionException.class, AccessDeniedException.class);
        assertThatThrownBy(() -> selection.applications().application(other.get(0).id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selection.applications().applications(round.id(), OTHER)).isInstanceOf(AccessDeniedException.class);
        selection.applications().withdraw(fourth.id(), "名额已满");
        signOut();

        // formal check: one returned with a reason, resubmitted, then all accepted
        signIn("office-round", Role.OFFICE, null);
        assertThatThrownBy(() -> selection.applications().returnToCounty(own.get(0).id(), " ")).isInstanceOf(SelectionException.class);
        selection.applications().returnToCounty(own.get(0).id(), "缺少产业数据说明");
        signOut();
        signIn("county-own", Role.COUNTY, OWN);
        selection.applications().saveText(own.get(0).id(), SelectionFixture.text("补正"));
        selection.applications().recommend(own.get(0).id());
        signOut();
        signIn("office-round", Role.OFFICE, null);
        for (Application a : concat(own, other)) {
            selection.applications().accept(a.id());
        }
        selection.rounds().startReview(round.id());

        // experts: r4 comes from the applicants' county, r3 declares a conflict with one town
        selection.review().registerExpert("round-r1", "371524");
        selection.review().registerExpert("round-r2", null);
        selection.review().registerExpert("round-r3", "371525");
        selection.review().registerExpert("round-r4", OWN);
        selection.review().recordConflict("round-r3", other.get(1).townCode(), "亲属在该镇任职");
        assertThatThrownBy(() -> selection.review().assign(own.get(0).id(), "round-r4")).isInstanceOf(SelectionException.class)
                .satisfies(e -> assertThat(((SelectionException) e).messageKey()).isEqualTo("selection.error.ownCounty"));
        assertThatThrownBy(() -> selection.review().assign(other.get(1).id(), "round-r3")).isInstanceOf(SelectionException.class)
                .satisfies(e -> assertThat(((SelectionException) e).messageKey()).isEqualTo("selection.error.declaredConflict"));
        for (Application a : concat(own, other)) {
            selection.review().assign(a.id(), "round-r1");
            selection.review().assign(a.id(), "round-r2");
            selection.review().assign(a.id(), a.id() == other.get(1).id() ? "round-r4" : "round-r3");
        }
        signOut();

        // each expert scores: the selection.applications()' shares fall in order of creation
        List<Application> all = concat(own, other);
        for (String expert : List.of("round-r1", "round-r2", "round-r3", "round-r4")) {
            signIn(expert, Role.REVIEWER, null);
            List<ReviewTask> tasks = selection.review().myTasks();
            for (ReviewTask t : tasks) {
                double share = 0.95 - 0.1 * all.stream().map(Application::id).toList().indexOf(t.application().id());
                for (ReviewStage s : ReviewStage.values()) {
                    selection.review().save(t.application().id(), s, points(s, share), "", true);
                }
            }
            if (expert.equals("round-r4")) {
                assertThat(tasks).extracting(t -> t.application().id()).containsExactly(other.get(1).id());
                assertThatThrownBy(() -> selection.review().sheet(own.get(0).id(), ReviewStage.MATERIALS))
                        .isInstanceOf(AccessDeniedException.class);
            } else if (expert.equals("round-r1")) {
                assertThatThrownBy(() -> selection.review().save(own.get(0).id(), ReviewStage.MATERIALS, points(ReviewStage.MATERIALS, 1),
                        "", true)).isInstanceOf(SelectionException.class)
                        .satisfies(e -> assertThat(((SelectionException) e).messageKey()).isEqualTo("selection.error.sheetLocked"));
            }
            signOut();
        }
        signIn("office-round", Role.OFFICE, null);
        assertThat(selection.applications().application(own.get(0).id()).state()).isEqualTo(ApplicationState.SCORED);
        selection.review().reopen(own.get(0).id(), "round-r1", ReviewStage.DEFENCE, "分数录入有误");
        assertThat(selection.applications().application(own.get(0).id()).state()).isEqualTo(ApplicationState.UNDER_REVIEW);
        assertThatThrownBy(() -> selection.results().drawList(round.id())).isInstanceOf(SelectionException.class);
        signOut();
        signIn("round-r1", Role.REVIEWER, null);
        selection.review().save(own.get(0).id(), ReviewStage.DEFENCE, points(ReviewStage.DEFENCE, 0.95), "更正", true);
        signOut();

        // proposed list: quota 2, cap 1 per county → the best of each county
        signIn("office-round", Role.OFFICE, null);
        List<ResultRow> rows = selection.results().drawList(round.id());
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r.rank()).isNotNull());
        assertThat(rows.stream().filter(r -> r.application().state() == ApplicationState.PROPOSED)
                .map(r -> r.application().id())).containsExactlyInAnyOrder(own.get(0).id(), other.get(0).id());
        assertThatThrownBy(() -> selection.results().changeList(own.get(1).id(), true, "")).isInstanceOf(SelectionException.class);

        // 公示 of five working days from Monday 2 Nov 2026
        Round noticed = selection.results().startNotice(round.id(), LocalDate.of(2026, 11, 2));
        assertThat(noticed.noticeEnd()).isEqualTo(LocalDate.of(2026, 11, 6));
        Objection anonymous = selection.results().recordObjection(own.get(0).id(), "", "", LocalDate.of(2026, 11, 3), "匿名来信", "");
        assertThat(anonymous.status()).isEqualTo(ObjectionStatus.NOT_ACCEPTED);
        assertThat(anonymous.statusReason()).isEqualTo("selection.objection.reason.anonymous");
        Objection late = selection.results().recordObjection(own.get(0).id(), "某企业", "0635-0000000", LocalDate.of(2026, 11, 9),
                "逾期来信", "");
        assertThat(late.status()).isEqualTo(ObjectionStatus.NOT_ACCEPTED);
        assertThat(late.statusReason()).isEqualTo("selection.objection.reason.late");
        Objection real = selection.results().recordObjection(own.get(0).id(), "某村委会", "0635-1111111", LocalDate.of(2026, 11, 4),
                "申报数据与实际不符", "现场照片");
        assertThat(real.status()).isEqualTo(ObjectionStatus.INVESTIGATING);
        Optional<Application> movedUp = selection.results().concludeObjection(real.id(), true, "经核查，申报数据存在虚报");
        // 递补 within the cap of one per county: the county's next best
        assertThat(movedUp).map(Application::id).contains(own.get(1).id());
        assertThat(selection.applications().application(own.get(0).id()).state()).isEqualTo(ApplicationState.REMOVED);

        List<Application> designated = selection.results().designate(round.id());
        assertThat(designated).extracting(Application::id).containsExactlyInAnyOrder(own.get(1).id(), other.get(0).id());
        assertThat(designationsOf(YEAR)).containsExactlyInAnyOrder(own.get(1).townCode(), other.get(0).townCode());

        // the removed town is banned from the next round; the history shows every step
        List<HistoryEvent> history = selection.applications().history(own.get(0).id());
        assertThat(history).extracting(HistoryEvent::action).containsSubsequence("CREATED", "ATTACHED", "RECOMMENDED",
                "RETURNED", "RECOMMENDED", "ACCEPTED", "ASSIGNED", "SCORED", "SHEET_REOPENED", "SCORED", "PROPOSED",
                "NOTICE_STARTED", "OBJECTION_NOT_ACCEPTED", "OBJECTION_INVESTIGATING", "OBJECTION_UPHELD");
        assertThat(history.stream().filter(h -> h.action().equals("RETURNED")).findFirst().orElseThrow().reason())
                .isEqualTo("缺少产业数据说明");
        assertThat(history.stream().filter(h -> h.action().equals("RECOMMENDED")).findFirst().orElseThrow()
                .attachmentHashes()).isEqualTo(AttachmentStore.sha256(SelectionFixture.PDF));
        signOut();
    }

    private static List<Application> concat(List<Application> a, List<Application> b) {
        List<Application> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private List<String> designationsOf(int year) throws Exception {
        Path file = new Lake(properties.lake()).root().resolve(DesignationWriter.TARGET);
        assertThat(Files.exists(file)).isTrue();
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT town_code FROM read_parquet(" + DuckDb.literal(file)
                     + ") WHERE year = " + year)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
