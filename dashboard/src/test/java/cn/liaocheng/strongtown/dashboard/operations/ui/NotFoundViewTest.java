package cn.liaocheng.strongtown.dashboard.operations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * Unknown and refused routes: a short page in the user's language that lists no routes and does not tell whether
 * the page exists; one log line each, saying which it was, with the user.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotFoundViewTest extends KaribuTestBase {

    /**
     * Navigates as the first request of a page does: on the server. ({@code UI.navigate} hands a path that is no
     * server route to the browser's router, which Karibu does not have.)
     */
    private static Component open(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
        return ui.getInternals().getActiveRouterTargetsChain().get(0) instanceof Component c ? c : null;
    }

    private static String text(Component view) {
        return view.getElement().getTextRecursively();
    }

    @Test
    void anUnknownRouteShowsAChinesePageWithoutTheRouteListAndIsLoggedOnce(CapturedOutput output) {
        signIn(Role.ANALYST);
        Component view = open("no-such-page-" + System.nanoTime());
        assertThat(view).isNotNull();
        assertThat(text(view)).contains("页面不存在").doesNotContain("overview").doesNotContain("league")
                .doesNotContain("admin").doesNotContain("Could not navigate");
        assertThat(output.getAll().lines().filter(l -> l.contains("route not found") && l.contains("no-such-page-")))
                .hasSize(1);
    }

    @Test
    void aRefusedRouteLooksLikeAMissingOneAndIsLoggedOnceWithTheUser(CapturedOutput output) {
        signIn(Role.ANALYST);
        Component view = open("admin/users");
        assertThat(view).isNotNull();
        assertThat(text(view)).contains("页面不存在");
        assertThat(output.getAll().lines().filter(l -> l.contains("access refused") && l.contains("test-analyst")
                && l.contains("admin/users"))).hasSize(1);
    }

    @Test
    void inEnglishToo() {
        signIn(Role.LEADER);
        useLocale(Locale.ENGLISH);
        assertThat(text(open("no-such-page"))).contains("Page not found");
    }
}
