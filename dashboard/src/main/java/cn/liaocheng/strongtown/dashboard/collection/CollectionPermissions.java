package cn.liaocheng.strongtown.dashboard.collection;

import org.springframework.stereotype.Component;

/**
 * Who may do what in data collection — the one place to wire to Spring Security once the login
 * exists (then: office staff upload and restore for the whole city; county staff download and upload
 * their own county's template only; everyone else nothing). Until then the dashboard has no login
 * and every visitor acts as the city office.
 */
@Component
public class CollectionPermissions {

    /** The name recorded in revisions and the audit log. */
    public String currentUser() {
        return "市民营经济办公室（未登录）";
    }

    public boolean mayUpload() {
        return true;
    }

    public boolean mayRestore() {
        return true;
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
