package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.AuthenticationException;

import com.vaadin.flow.component.Component;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.report.ui.ReportsView;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginView;

/**
 * The reports' rows of the role matrix (issue 11): every role × the reports view and every public
 * method of {@link ReportService}, allowed or denied; and the county rule — county staff draft only
 * their own county's towns and never read the city-wide annual report.
 */
class ReportRoleMatrixTest extends KaribuTestBase {

    private static final Set<Role> READERS = EnumSet.of(Role.LEADER, Role.ANALYST, Role.OFFICE, Role.COUNTY, Role.ADMIN);
    private static final Set<Role> CITY = EnumSet.of(Role.LEADER, Role.ANALYST, Role.OFFICE, Role.ADMIN);
    private static final Set<Role> WRITERS = EnumSet.of(Role.OFFICE, Role.COUNTY);
    private static final Set<Role> APPROVERS = EnumSet.of(Role.OFFICE);
    /** A town of the county user's county (东昌府区) used only here, and one of another county (莘县). */
    private static final String OWN_TOWN = "371502005000";
    private static final String OTHER_TOWN = "371522001000";

    private record Call(String method, Set<Role> allowed, Runnable run) {
    }

    @Autowired
    ReportService reports;
    @Autowired
    PdfConverter pdf;
    private int year;

    @BeforeEach
    void year() {
        TestUsers.signIn(Role.OFFICE);
        year = reports.years().get(0);
        TestUsers.signOut();
    }

    private List<Call> calls() {
        boolean pdfHere = pdf.available();
        return List.of(
                new Call("years", READERS, () -> reports.years()),
                new Call("towns", READERS, () -> reports.towns(year)),
                new Call("townReport", READERS, () -> reports.townReport(OWN_TOWN, year, Locale.CHINA)),
                new Call("annualReport", CITY, () -> reports.annualReport(year, Locale.CHINA)),
                new Call("townDocx", READERS, () -> reports.townDocx(OWN_TOWN, year, Locale.CHINA)),
                new Call("annualDocx", CITY, () -> reports.annualDocx(year, Locale.CHINA)),
                new Call("pdfAvailable", READERS, () -> reports.pdfAvailable()),
                // without LibreOffice an allowed call ends in the "install LibreOffice" message, a denied one earlier
                new Call("townPdf", READERS, () -> expectPdf(pdfHere, () -> reports.townPdf(OWN_TOWN, year, Locale.CHINA))),
                new Call("annualPdf", CITY, () -> expectPdf(pdfHere, () -> reports.annualPdf(year, Locale.CHINA))),
                new Call("narratives", READERS, () -> reports.narratives(OWN_TOWN, year)),
                new Call("versions", READERS, () -> reports.versions(OWN_TOWN, year, "lessons")),
                // an over-long text is refused after the role check, so an allowed call changes nothing
                new Call("saveNarrative", WRITERS, () -> expectRefusal(() -> reports.saveNarrative(OWN_TOWN, year, "lessons",
                        "长".repeat(ReportService.MAX_TEXT + 1)))),
                new Call("restoreNarrative", WRITERS,
                        () -> expectRefusal(() -> reports.restoreNarrative(OWN_TOWN, year, "lessons", 999))),
                new Call("status", READERS, () -> reports.status(OWN_TOWN, year)),
                new Call("mayEdit", READERS, () -> reports.mayEdit(OWN_TOWN, year)),
                new Call("mayApprove", READERS, () -> reports.mayApprove()),
                // the town's report stays a draft: submitting it is allowed but returning or approving it is not yet
                new Call("submit", WRITERS, () -> expectRefusal(() -> reports.submit("371502099999", year))),
                new Call("approve", APPROVERS, () -> expectRefusal(() -> reports.approve("371502099999", year))),
                new Call("returnForRevision", APPROVERS,
                        () -> expectRefusal(() -> reports.returnForRevision(OWN_TOWN, year, "退回"))));
    }

    private static void expectRefusal(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a refusal with a message");
        } catch (ReportException refused) {
            assertThat(refused.messageKey()).startsWith("report.error.");
        }
    }

    private static void expectPdf(boolean available, Runnable call) {
        if (available) {
            call.run();
        } else {
            expectRefusal(call);
        }
    }

    @Test
    void everyRoleOpensTheReportsViewOrNot() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            signIn(role);
            Component shown = navigate("reports");
            boolean opened = shown instanceof ReportsView;
            if (opened != READERS.contains(role)) {
                wrong.add(role + (opened ? " opened" : " refused"));
            }
            signOut();
        }
        assertThat(wrong).isEmpty();
        assertThat(navigate("reports")).isInstanceOf(LoginView.class);
    }

    @Test
    void everyRoleCallsExactlyItsReportMethods() {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls()) {
            for (Role role : Role.values()) {
                TestUsers.signIn(role);
                boolean allowed;
                try {
                    call.run().run();
                    allowed = true;
                } catch (AccessDeniedException denied) {
                    allowed = false;
                }
                if (allowed != call.allowed().contains(role)) {
                    wrong.add(call.method() + " " + role + (allowed ? " allowed" : " denied"));
                }
                TestUsers.signOut();
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anonymousCallersAreRefused() {
        for (Call call : calls()) {
            assertThatThrownBy(() -> call.run().run()).as(call.method())
                    .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        }
    }

    @Test
    void theMatrixCoversEveryPublicMethodAndEachCarriesARoleCheck() {
        Set<String> covered = calls().stream().map(Call::method).collect(Collectors.toCollection(TreeSet::new));
        Set<String> existing = new TreeSet<>();
        List<String> unchecked = new ArrayList<>();
        for (Method m : ReportService.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                existing.add(m.getName());
                if (!AnnotatedElementUtils.hasAnnotation(m, PreAuthorize.class)) {
                    unchecked.add(m.getName());
                }
            }
        }
        assertThat(covered).isEqualTo(existing);
        assertThat(unchecked).isEmpty();
    }

    @Test
    void countyStaffWorkOnlyOnTheirOwnCountysTowns() {
        TestUsers.signIn(Role.COUNTY);
        assertThat(reports.towns(year)).allSatisfy(t -> assertThat(t.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThat(reports.townReport(OWN_TOWN, year, Locale.CHINA).title()).isNotBlank();
        assertThatThrownBy(() -> reports.townReport(OTHER_TOWN, year, Locale.CHINA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.townDocx(OTHER_TOWN, year, Locale.CHINA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.saveNarrative(OTHER_TOWN, year, "lessons", "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.versions(OTHER_TOWN, year, "lessons")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.submit(OTHER_TOWN, year)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.annualReport(year, Locale.CHINA)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();
        TestUsers.signIn(Role.LEADER);
        assertThat(reports.towns(year)).extracting(ReportTown::countyCode).hasSizeGreaterThan(1);
        assertThat(reports.mayEdit(OTHER_TOWN, year)).isFalse();
        TestUsers.signOut();
    }
}
