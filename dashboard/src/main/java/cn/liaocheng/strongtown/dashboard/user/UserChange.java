package cn.liaocheng.strongtown.dashboard.user;

import cn.liaocheng.strongtown.dashboard.security.Role;

/** What an administrator sets for a user: name shown, role, county (county users only), enabled. */
public record UserChange(String displayName, Role role, String countyCode, boolean enabled) {
}
