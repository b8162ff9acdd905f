package cn.liaocheng.strongtown.dashboard.selection;

import java.time.Instant;

/** One line of an application's (or a round's) history: who did what, when, from which state to which, why. */
public record HistoryEvent(Instant at, String username, String action, ApplicationState from, ApplicationState to,
                           String reason, String attachmentHashes) {

    public String actionKey() {
        return "selection.action." + action;
    }
}
