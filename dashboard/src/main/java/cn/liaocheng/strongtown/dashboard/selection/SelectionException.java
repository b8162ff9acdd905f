package cn.liaocheng.strongtown.dashboard.selection;

import java.util.List;

/**
 * A refused selection action, carried as a translation key and its arguments, so that the view shows
 * it in the user's language; arguments that are themselves keys ({@code selection.…}) are translated too.
 */
public class SelectionException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public SelectionException(String messageKey, Object... arguments) {
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
