package cn.liaocheng.strongtown.dashboard.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.html.Anchor;

/**
 * Addresses of pages that other features link to. A feature links to another feature's page by its
 * address, never by importing its view class, so that features stay free of each other's {@code ui}
 * (kept by {@code PackageBordersTest}); the views declare their {@code @Route} with these constants.
 */
public final class Links {

    /** A town's profile: {@code town/<code>?year=<year>}. */
    public static final String TOWN_PROFILE = "town";
    /** The query parameter naming the year a page shows. */
    public static final String YEAR = "year";
    /** The county table. */
    public static final String COUNTIES = "counties";
    /** The overview. */
    public static final String OVERVIEW = "overview";
    /** The league table. */
    public static final String LEAGUE = "league";
    /** One designated town's tracking page: {@code tracking/<code>}. */
    public static final String TOWN_TRACKING = "tracking";

    private Links() {
    }

    /** A link to a town's profile in a year (league table, quality page, similar towns). */
    public static Anchor townProfile(String text, String townCode, int year) {
        Anchor link = routerLink(TOWN_PROFILE + "/" + encode(townCode) + "?" + YEAR + "=" + year, text);
        link.addClassName("town-link");
        return link;
    }

    /** A link to a designated town's tracking page. */
    public static Anchor townTracking(String text, String townCode) {
        return routerLink(TOWN_TRACKING + "/" + encode(townCode), text);
    }

    /** An anchor that Vaadin's router follows inside the page, as a {@code RouterLink} would. */
    private static Anchor routerLink(String href, String text) {
        Anchor link = new Anchor(href, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
