package cn.liaocheng.strongtown.dashboard.report;

/** Who may do what with reports, as {@code @PreAuthorize} expressions (see {@code security.Access}). */
public final class ReportAccess {

    /** Town reports: the city-wide roles and county staff (own county's towns only). */
    public static final String READERS = "hasAnyRole('LEADER', 'ANALYST', 'OFFICE', 'COUNTY', 'ADMIN')";
    /** The annual city report compares counties: city-wide roles only. */
    public static final String CITY = "hasAnyRole('LEADER', 'ANALYST', 'OFFICE', 'ADMIN')";
    /** Narrative drafting and submission: the office and county staff (own county). */
    public static final String WRITERS = "hasAnyRole('OFFICE', 'COUNTY')";
    /** Approval or return of a submitted report: the office. */
    public static final String APPROVERS = "hasRole('OFFICE')";

    private ReportAccess() {
    }
}
