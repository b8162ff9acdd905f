package cn.liaocheng.strongtown.dashboard.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Service;

import com.vaadin.flow.component.Component;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.collection.ui.CollectionView;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.ServiceMatrix;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginView;

/**
 * Data collection's role matrix: every role × the collection view and every public method of the collection
 * services. The office and administrators collect for the city; county staff submit their own county's data,
 * which waits for the office.
 */
class CollectionRoleMatrixTest extends KaribuTestBase {

    private static final Set<Role> COLLECTORS = EnumSet.of(Role.OFFICE, Role.ADMIN);
    private static final Set<Role> COUNTY = EnumSet.of(Role.COUNTY);
    private static final Set<Role> READERS = EnumSet.of(Role.OFFICE, Role.ADMIN, Role.COUNTY);
    /** No such submission: an allowed call ends in a business refusal. */
    private static final long NONE = 987_654_321L;

    @Autowired
    CollectionService collection;
    @Autowired
    SubmissionService submissions;
    @Autowired
    LeagueService league;

    private int year;

    @BeforeEach
    void latestYear() {
        TestUsers.signIn(Role.LEADER);
        year = league.years().get(0);
        TestUsers.signOut();
    }

    private List<ServiceMatrix.Call> calls() {
        return List.of(
                new ServiceMatrix.Call(CollectionService.class, "years", COLLECTORS, () -> collection.years()),
                new ServiceMatrix.Call(CollectionService.class, "defaultYear", COLLECTORS, () -> collection.defaultYear()),
                new ServiceMatrix.Call(CollectionService.class, "counties", COLLECTORS, () -> collection.counties()),
                new ServiceMatrix.Call(CollectionService.class, "templateFileName", COLLECTORS, () -> collection.templateFileName(year, null)),
                new ServiceMatrix.Call(CollectionService.class, "template", COLLECTORS, () -> collection.template(year, "371502")),
                // an empty file is rejected by validation, so an allowed call changes nothing
                new ServiceMatrix.Call(CollectionService.class, "upload", COLLECTORS,
                        () -> assertThat(collection.upload("空.csv", new byte[0], year).accepted()).isFalse()),
                new ServiceMatrix.Call(CollectionService.class, "restore", COLLECTORS,
                        () -> assertThat(collection.restore(year, 999).accepted()).isFalse()),
                new ServiceMatrix.Call(CollectionService.class, "revisions", COLLECTORS, () -> collection.revisions(year)),
                new ServiceMatrix.Call(CollectionService.class, "changes", COLLECTORS, () -> collection.changes(year, 1)),
                new ServiceMatrix.Call(CollectionService.class, "townName", COLLECTORS, () -> collection.townName("371502001000")),
                new ServiceMatrix.Call(CollectionService.class, "indicatorName", COLLECTORS,
                        () -> collection.indicatorName(year, "private_tax_revenue", Locale.CHINA)),
                new ServiceMatrix.Call(CollectionService.class, "mayRestore", COLLECTORS, () -> collection.mayRestore()),
                new ServiceMatrix.Call(SubmissionService.class, "years", COUNTY, () -> submissions.years()),
                new ServiceMatrix.Call(SubmissionService.class, "defaultYear", COUNTY, () -> submissions.defaultYear()),
                new ServiceMatrix.Call(SubmissionService.class, "templateFileName", COUNTY, () -> submissions.templateFileName(year)),
                new ServiceMatrix.Call(SubmissionService.class, "template", COUNTY, () -> submissions.template(year)),
                // an empty file is refused by validation, so an allowed call stores nothing
                new ServiceMatrix.Call(SubmissionService.class, "submit", COUNTY,
                        () -> assertThat(submissions.submit("空.csv", new byte[0], year).queued()).isFalse()),
                new ServiceMatrix.Call(SubmissionService.class, "submissions", READERS, () -> submissions.submissions()),
                new ServiceMatrix.Call(SubmissionService.class, "download", READERS, () -> submissions.download(NONE)),
                new ServiceMatrix.Call(SubmissionService.class, "accept", COLLECTORS, () -> submissions.accept(NONE)),
                new ServiceMatrix.Call(SubmissionService.class, "returnToCounty", COLLECTORS,
                        () -> submissions.returnToCounty(NONE, "理由")));
    }

    private static List<Class<?>> services() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        List<Class<?>> classes = new ArrayList<>();
        for (var bean : scanner.findCandidateComponents("cn.liaocheng.strongtown.dashboard.collection")) {
            try {
                classes.add(Class.forName(bean.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(classes).containsExactlyInAnyOrder(CollectionService.class, SubmissionService.class);
        return classes;
    }

    @Test
    void everyRoleCallsExactlyItsServiceMethods() {
        assertThat(ServiceMatrix.misgranted(calls(), Set.of(SubmissionException.class))).isEmpty();
    }

    @Test
    void anonymousCallersAreRefusedByEveryMethod() {
        ServiceMatrix.assertAnonymousRefused(calls());
    }

    @Test
    void theMatrixCoversEveryPublicMethodOfEveryCollectionService() {
        assertThat(ServiceMatrix.covered(calls())).isEqualTo(ServiceMatrix.publicMethods(services()));
    }

    @Test
    void everyCollectionServiceMethodCarriesARoleCheck() {
        assertThat(ServiceMatrix.unchecked(services())).isEmpty();
    }

    @Test
    void everyRoleOpensTheCollectionViewOrNot() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            signIn(role);
            Component shown = navigate("collection");
            boolean opened = shown instanceof CollectionView;
            if (opened != READERS.contains(role)) {
                wrong.add(role + (opened ? " opened" : " refused"));
            }
            signOut();
        }
        assertThat(wrong).isEmpty();
        assertThat(navigate("collection")).isInstanceOf(LoginView.class);
    }
}
