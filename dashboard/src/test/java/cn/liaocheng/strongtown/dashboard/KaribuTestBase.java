package cn.liaocheng.strongtown.dashboard;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;

import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import kotlin.jvm.functions.Function0;

/**
 * Karibu-Testing on the shared Spring context: views run server-side without a browser. A test
 * signs in a role with {@link #signIn}, which sets both Spring Security's context and the mock
 * request's principal and roles (Vaadin's view access control reads the request).
 */
public abstract class KaribuTestBase extends DashboardTestContext {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("cn.liaocheng.strongtown.dashboard");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        awaitLake();
        mockVaadin(context);
    }

    @AfterEach
    void tearDownVaadin() {
        signOut();
        MockVaadin.tearDown();
    }

    /** A mock UI served by the Spring context's views and beans (also for tests on a context of their own). */
    public static void mockVaadin(ApplicationContext context) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    protected StrongTownUser signIn(Role role) {
        return signInMock(role);
    }

    /** Signs a role in for Spring Security and for the mock request (Vaadin's view access control). */
    public static StrongTownUser signInMock(Role role) {
        StrongTownUser user = TestUsers.signIn(role);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication());
        request.setUserInRole((principal, r) -> role.name().equals(r));
        return user;
    }

    protected void signOut() {
        signOutMock();
    }

    public static void signOutMock() {
        TestUsers.signOut();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, r) -> false);
        }
    }

    protected void useLocale(Locale locale) {
        UI.getCurrent().setLocale(locale);
    }

    /** Navigates and returns the view the router ended on (a denied view ends elsewhere). */
    protected Component navigate(String route) {
        return navigateMock(route);
    }

    public static Component navigateMock(String route) {
        UI.getCurrent().navigate(route);
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0) instanceof Component c ? c : null;
    }
}
