package cn.liaocheng.strongtown.dashboard.frame;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;

import cn.liaocheng.strongtown.dashboard.audit.ui.AuditView;
import cn.liaocheng.strongtown.dashboard.collection.ui.CollectionView;
import cn.liaocheng.strongtown.dashboard.compare.ui.CompareView;
import cn.liaocheng.strongtown.dashboard.county.ui.CountyLeagueView;
import cn.liaocheng.strongtown.dashboard.i18n.LocaleSupport;
import cn.liaocheng.strongtown.dashboard.league.ui.LeagueView;
import cn.liaocheng.strongtown.dashboard.methodology.ui.MethodologyView;
import cn.liaocheng.strongtown.dashboard.overview.ui.OverviewView;
import cn.liaocheng.strongtown.dashboard.quality.ui.QualityView;
import cn.liaocheng.strongtown.dashboard.report.ui.ReportsView;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.ViewAccess;
import cn.liaocheng.strongtown.dashboard.ui.DemoNotice;
import cn.liaocheng.strongtown.dashboard.user.ui.AccountView;
import cn.liaocheng.strongtown.dashboard.user.ui.UserAdminView;
import cn.liaocheng.strongtown.dashboard.whatif.ui.WhatIfView;

/**
 * The frame of every view: title, the user and logout, language switch, the demo-data notice, and
 * a navigation that lists only the views the user's role may open.
 */
public class MainLayout extends AppLayout {

    /** Navbar wrapping and phone rules (served as a static file, permitted like {@code /js/**}). */
    public static final String STYLES = "context://css/strongtown.css";

    /** Navigation entries: translation key and view, in menu order. */
    static final List<NavEntry> NAVIGATION = List.of(
            new NavEntry("nav.overview", OverviewView.class),
            new NavEntry("nav.league", LeagueView.class),
            new NavEntry("nav.counties", CountyLeagueView.class),
            new NavEntry("nav.compare", CompareView.class),
            new NavEntry("nav.whatif", WhatIfView.class),
            new NavEntry("nav.quality", QualityView.class),
            new NavEntry("nav.tracking", cn.liaocheng.strongtown.dashboard.tracking.ui.TrackingView.class),
            new NavEntry("nav.methodology", MethodologyView.class),
            new NavEntry("nav.collection", CollectionView.class),
            new NavEntry("nav.selection", cn.liaocheng.strongtown.dashboard.selection.ui.SelectionView.class),
            new NavEntry("nav.review", cn.liaocheng.strongtown.dashboard.selection.ui.ReviewView.class),
            new NavEntry("nav.reports", ReportsView.class),
            new NavEntry("nav.users", UserAdminView.class),
            new NavEntry("nav.audit", AuditView.class),
            new NavEntry("nav.account", AccountView.class));

    record NavEntry(String key, Class<? extends Component> view) {
    }

    public MainLayout(DemoNotice demoNotice, ViewAccess access, CurrentUser currentUser,
                      AuthenticationContext authentication) {
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("app-title");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0")
                .set("white-space", "nowrap").set("overflow", "hidden").set("text-overflow", "ellipsis");
        Button language = new Button(getTranslation("lang.switch"), e -> LocaleSupport.toggle(getUI().orElseThrow()));
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.setId("language-switch");
        Span user = new Span(currentUser.get()
                .map(u -> getTranslation("layout.user", u.displayName(), getTranslation(u.role().translationKey())))
                .orElse(""));
        user.setId("current-user");
        user.addClassName("current-user");
        user.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap");
        Button logout = new Button(getTranslation("layout.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, user, language, logout);
        bar.setWidthFull();
        bar.setSpacing(false);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)").set("min-width", "0");
        addToNavbar(bar);
        demoNotice.banner().ifPresent(this::addToNavbar);
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (NavEntry entry : NAVIGATION) {
            if (access.mayOpen(entry.view())) {
                nav.addItem(new SideNavItem(getTranslation(entry.key()), entry.view()));
            }
        }
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addStyleSheet(STYLES);
    }
}
