package cn.liaocheng.strongtown.dashboard.user;

/** A refused user change; the message key and parameters are for the translation files. */
public class UserValidationException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] parameters;

    public UserValidationException(String messageKey, Object... parameters) {
        super(messageKey);
        this.messageKey = messageKey;
        this.parameters = parameters.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] parameters() {
        return parameters.clone();
    }
}
