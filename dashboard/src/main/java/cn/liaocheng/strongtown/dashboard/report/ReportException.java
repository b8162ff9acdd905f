package cn.liaocheng.strongtown.dashboard.report;

import java.util.List;

/**
 * A report request that cannot be met (no score that year, a state that forbids the change, LibreOffice
 * missing): carries a translation key and its parameters, never English exception text for users.
 */
public class ReportException extends RuntimeException {

    private final String messageKey;
    private final List<Object> params;

    public ReportException(String messageKey, Object... params) {
        super(messageKey);
        this.messageKey = messageKey;
        this.params = List.of(params);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] params() {
        return params.toArray();
    }
}
