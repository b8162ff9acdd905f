package cn.liaocheng.strongtown.dashboard.tracking;

/** A plan that cannot be saved; the message is Chinese and names the row, the column and the reason. */
public class PlanValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanValidationException(String message) {
        super(message);
    }
}
