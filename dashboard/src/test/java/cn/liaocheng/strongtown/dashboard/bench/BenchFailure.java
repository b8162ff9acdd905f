package cn.liaocheng.strongtown.dashboard.bench;

/** A request that failed or an answer that is not what the interaction must produce: counted as an error. */
class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure of one user action, under the action's kind. */
    static final class InKind extends BenchFailure {

        final String kind;

        InKind(String kind, RuntimeException cause) {
            super(kind + ": " + cause.getMessage(), cause);
            this.kind = kind;
        }
    }
}
