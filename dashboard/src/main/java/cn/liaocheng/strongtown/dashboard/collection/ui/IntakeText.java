package cn.liaocheng.strongtown.dashboard.collection.ui;

import com.vaadin.flow.component.Component;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionException;

/** Outcome lines in the viewer's language. */
final class IntakeText {

    private IntakeText() {
    }

    static String of(Component c, IntakeResult result) {
        String key = switch (result.outcome()) {
            case ACCEPTED -> "collection.accepted";
            case UNCHANGED -> "collection.unchanged";
            case REJECTED -> "collection.rejected";
        };
        return c.getTranslation(key, String.valueOf(result.year()), String.valueOf(result.revision()),
                result.changes().size(), result.report().errors().size(), result.report().warnings().size());
    }

    static String of(Component c, SubmissionException refused) {
        return c.getTranslation(refused.messageKey(), refused.arguments().toArray());
    }
}
