package cn.liaocheng.strongtown.dashboard;

import java.util.List;

/**
 * A step a feature's rules refuse, carried as a translation key and its arguments so that the view shows it
 * in the user's language (never an exception's English text). Features subclass it with their own name.
 */
public abstract class TranslatedRefusal extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    protected TranslatedRefusal(String messageKey, Object... arguments) {
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
