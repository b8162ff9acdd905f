package cn.liaocheng.strongtown.dashboard.collection;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;

/**
 * Who may do what in data collection. Office staff and administrators upload and restore for the
 * whole city; the service itself is closed to every other role ({@code Access.COLLECTORS}). County
 * staff submit their own county's workbook through {@link SubmissionService}, where it waits for the
 * office.
 */
@Component
public class CollectionPermissions {

    private final CurrentUser currentUser;

    public CollectionPermissions(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The name recorded in revisions and the audit log: user name and display name. */
    public String currentUser() {
        StrongTownUser user = currentUser.require();
        return user.getUsername() + "（" + user.displayName() + "）";
    }

    public boolean mayUpload() {
        return currentUser.get().map(u -> u.role() == Role.OFFICE || u.role() == Role.ADMIN).orElse(false);
    }

    public boolean mayRestore() {
        return mayUpload();
    }

    /** Throws if the current user may not upload; views hide the controls, this guards the service. */
    void requireUpload() {
        if (!mayUpload()) {
            throw new SecurityException("无权上传申报数据");
        }
    }

    void requireRestore() {
        if (!mayRestore()) {
            throw new SecurityException("无权恢复历史版本");
        }
    }
}
