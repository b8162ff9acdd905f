package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.report.ui.ReportsView;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.ServiceMatrix;
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

    private List<ServiceMatrix.Call> calls() {
        boolean pdfHere = pdf.available();
        return List.of(
                new ServiceMatrix.Call(ReportService.class, "years", READERS, () -> reports.years()),
                new ServiceMatrix.Call(ReportService.class, "towns", READERS, () -> reports.towns(year)),
                new ServiceMatrix.Call(ReportService.class, "townReport", READERS, () -> reports.townReport(OWN_TOWN, year, Locale.CHINA)),
                new ServiceMatrix.Call(ReportService.class, "annualReport", CITY, () -> reports.annualReport(year, Locale.CHINA)),
                new ServiceMatrix.Call(ReportService.class, "townDocx", READERS, () -> reports.townDocx(OWN_TOWN, year, Locale.CHINA)),
                new ServiceMatrix.Call(ReportService.class, "annualDocx", CITY, () -> reports.annualDocx(year, Locale.CHINA)),
                new ServiceMatrix.Call(ReportService.class, "pdfAvailable", READERS, () -> reports.pdfAvailable()),
                // without LibreOffice an allowed call ends in the "install LibreOffice" message, a denied one earlier
                new ServiceMatrix.Call(ReportService.class, "townPdf", READERS, () -> expectPdf(pdfHere, () -> reports.townPdf(OWN_TOWN, year, Locale.CHINA))),
                new ServiceMatrix.Call(ReportService.class, "annualPdf", CITY, () -> expectPdf(pdfHere, () -> reports.annualPdf(year, Locale.CHINA))),
                new ServiceMatrix.Call(ReportService.class, "narratives", READERS, () -> reports.narratives(OWN_TOWN, year)),
                new ServiceMatrix.Call(ReportService.class, "versions", READERS, () -> reports.versions(OWN_TOWN, year, "lessons")),
                // an over-long text is refused after the role check, so an allowed call changes nothing
                new ServiceMatrix.Call(ReportService.class, "saveNarrative", WRITERS, () -> expectRefusal(() -> reports.saveNarrative(OWN_TOWN, year, "lessons",
                        "长".repeat(ReportService.MAX_TEXT + 1)))),
                new ServiceMatrix.Call(ReportService.class, "restoreNarrative", WRITERS,
                        () -> expectRefusal(() -> reports.restoreNarrative(OWN_TOWN, year, "lessons", 999))),
                new ServiceMatrix.Call(ReportService.class, "status", READERS, () -> reports.status(OWN_TOWN, year)),
                new ServiceMatrix.Call(ReportService.class, "mayEdit", READERS, () -> reports.mayEdit(OWN_TOWN, year)),
                new ServiceMatrix.Call(ReportService.class, "mayApprove", READERS, () -> reports.mayApprove()),
                // the town's report stays a draft: submitting it is allowed but returning or approving it is not yet
                new ServiceMatrix.Call(ReportService.class, "submit", WRITERS, () -> expectRefusal(() -> reports.submit("371502099999", year))),
                new ServiceMatrix.Call(ReportService.class, "approve", APPROVERS, () -> expectRefusal(() -> reports.approve("371502099999", year))),
                new ServiceMatrix.Call(ReportService.class, "returnForRevision", APPROVERS,
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
        assertThat(ServiceMatrix.misgranted(calls())).isEmpty();
    }

    @Test
    void anonymousCallersAreRefused() {
        ServiceMatrix.assertAnonymousRefused(calls());
    }

    @Test
    void theMatrixCoversEveryPublicMethodAndEachCarriesARoleCheck() {
        List<Class<?>> services = List.of(ReportService.class);
        assertThat(ServiceMatrix.covered(calls())).isEqualTo(ServiceMatrix.publicMethods(services));
        assertThat(ServiceMatrix.unchecked(services)).isEmpty();
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
