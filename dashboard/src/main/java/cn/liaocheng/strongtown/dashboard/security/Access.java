package cn.liaocheng.strongtown.dashboard.security;

/**
 * Who may call a service, as {@code @PreAuthorize} expressions. Services use these (method security
 * with pre/post annotations only); views carry {@code @RolesAllowed}, which only Vaadin reads, so
 * that Spring never wraps a view in a security proxy.
 */
public final class Access {

    /** The city-wide roles: leadership, analysts, the office, administrators. */
    public static final String CITY_WIDE = "hasAnyRole('LEADER', 'ANALYST', 'OFFICE', 'ADMIN')";
    /** Readers of the town league table: the city-wide roles and county staff (own county only). */
    public static final String LEAGUE_READERS = "hasAnyRole('LEADER', 'ANALYST', 'OFFICE', 'COUNTY', 'ADMIN')";
    /** Data collection (templates, uploads, revisions, restores): the city office and administrators. */
    public static final String COLLECTORS = "hasAnyRole('OFFICE', 'ADMIN')";
    /** Administrators only. */
    public static final String ADMIN = "hasRole('ADMIN')";
    /** Any signed-in user. */
    public static final String SIGNED_IN = "isAuthenticated()";

    private Access() {
    }
}
