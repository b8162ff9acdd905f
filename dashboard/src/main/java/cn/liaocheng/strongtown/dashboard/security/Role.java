package cn.liaocheng.strongtown.dashboard.security;

/**
 * The six roles of DESIGN §2. A county user is bound to one county; every other role is city-wide.
 * {@link Names} holds the role names as constants for {@code @RolesAllowed}.
 */
public enum Role {
    /** 领导: city leadership and the leading group. */
    LEADER,
    /** 分析人员: analysts. */
    ANALYST,
    /** 办公室: the city private-economy office. */
    OFFICE,
    /** 县区: county staff, bound to one county. */
    COUNTY,
    /** 评审专家: review experts. */
    REVIEWER,
    /** 管理员: administrators (users, audit log). */
    ADMIN;

    /** Role names for annotations ({@code @RolesAllowed(Role.Names.ADMIN)}). */
    public static final class Names {
        public static final String LEADER = "LEADER";
        public static final String ANALYST = "ANALYST";
        public static final String OFFICE = "OFFICE";
        public static final String COUNTY = "COUNTY";
        public static final String REVIEWER = "REVIEWER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether users of this role are bound to one county. */
    public boolean countyBound() {
        return this == COUNTY;
    }

    /** Translation key of the role's name. */
    public String translationKey() {
        return "role." + name();
    }
}
