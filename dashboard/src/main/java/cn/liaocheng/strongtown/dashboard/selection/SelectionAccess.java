package cn.liaocheng.strongtown.dashboard.selection;

/**
 * Who may call the selection services, as {@code @PreAuthorize} expressions. The office runs a round;
 * county staff apply for their own county's towns; experts score what they are assigned; leadership
 * and analysts follow rounds read-only; administrators, who may open every view, read them too.
 */
public final class SelectionAccess {

    /** The city office. */
    public static final String OFFICE = "hasRole('OFFICE')";
    /** Office and county staff (county staff narrowed to their county inside the service). */
    public static final String APPLICANTS = "hasAnyRole('OFFICE', 'COUNTY')";
    /** Those who follow a round: leadership, analysts, the office, county staff (own county), administrators. */
    public static final String FOLLOWERS = "hasAnyRole('LEADER', 'ANALYST', 'OFFICE', 'COUNTY', 'ADMIN')";
    /** Those who see a round's ranking before it is published: leadership, analysts, the office, administrators. */
    public static final String RESULT_READERS = "hasAnyRole('LEADER', 'ANALYST', 'OFFICE', 'ADMIN')";
    /** Review experts. */
    public static final String REVIEWER = "hasRole('REVIEWER')";
    /** Those who may download an attachment (each narrowed inside the service). */
    public static final String FILE_READERS = "hasAnyRole('OFFICE', 'COUNTY', 'REVIEWER')";

    private SelectionAccess() {
    }
}
