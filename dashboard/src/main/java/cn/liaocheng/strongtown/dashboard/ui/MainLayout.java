package cn.liaocheng.strongtown.dashboard.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

import cn.liaocheng.strongtown.dashboard.collection.ui.CollectionView;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.league.ui.LeagueView;

/** The frame of every view: title, navigation, language switch and the demo-data notice. */
public class MainLayout extends AppLayout {

    public MainLayout(LakePreparation preparation) {
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Button language = new Button(getTranslation("lang.switch"), e -> LocaleSupport.toggle(getUI().orElseThrow()));
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.setId("language-switch");
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, language);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
        if (preparation.demo()) {
            addToNavbar(true, demoBanner());
        }
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.league"), LeagueView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.collection"), CollectionView.class));
        addToDrawer(nav);
    }

    private Div demoBanner() {
        Div banner = new Div(getTranslation("demo.banner"));
        banner.setId("demo-banner");
        banner.getStyle().set("background", "#fff4e5").set("color", "#8a4b00").set("width", "100%")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        return banner;
    }
}
