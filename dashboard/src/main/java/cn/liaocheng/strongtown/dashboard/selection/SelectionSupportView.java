package cn.liaocheng.strongtown.dashboard.selection;

import java.time.ZoneId;

/** Constants the selection views share with the services. */
public final class SelectionSupportView {

    /** Dates and times of the selection are those of Liaocheng. */
    public static final ZoneId ZONE = SelectionSupport.ZONE;

    private SelectionSupportView() {
    }
}
