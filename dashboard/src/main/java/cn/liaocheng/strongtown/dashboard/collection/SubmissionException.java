package cn.liaocheng.strongtown.dashboard.collection;

import java.util.List;

/** A refused submission step, as a translation key and its arguments, shown in the user's language. */
public class SubmissionException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public SubmissionException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
