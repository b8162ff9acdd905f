package cn.liaocheng.strongtown.dashboard.collection;

import cn.liaocheng.strongtown.dashboard.TranslatedRefusal;

/** A refused submission step ({@code collection.submission.error.*}), shown in the user's language. */
public class SubmissionException extends TranslatedRefusal {

    public SubmissionException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
