package cn.liaocheng.strongtown.dashboard.frame;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import cn.liaocheng.strongtown.dashboard.league.ui.LeagueView;
import cn.liaocheng.strongtown.dashboard.overview.ui.OverviewView;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.ViewAccess;
import cn.liaocheng.strongtown.dashboard.selection.ui.ReviewView;

/**
 * The start address: forwards to the first landing view the role may open — the overview for the
 * city-wide roles, the league table for county staff, the review desk ({@code /review}) for review
 * experts. The welcome page is left only for a role with none of these.
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class StartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final List<Class<? extends Component>> LANDING = List.of(OverviewView.class, LeagueView.class, ReviewView.class);

    private final ViewAccess access;

    public StartView(ViewAccess access, CurrentUser currentUser) {
        this.access = access;
        add(new H2(getTranslation("start.title")));
        Paragraph text = new Paragraph(currentUser.get()
                .map(u -> getTranslation("start.text", u.displayName(), getTranslation(u.role().translationKey())))
                .orElse(""));
        text.setId("start-text");
        add(text);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LANDING.stream().filter(access::mayOpen).findFirst().ifPresent(event::forwardTo);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("start.title") + " · " + getTranslation("app.title");
    }
}
