package cn.liaocheng.strongtown.task;

/** Receives progress of a long task: a fraction from 0 to 1 and a short Chinese message. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, message) -> { };

    void progress(double fraction, String message);
}
