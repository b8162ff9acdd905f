package cn.liaocheng.strongtown.dashboard.export;

/**
 * The table does not fit the file format (too many rows, a text too long for a cell). Exports fail
 * with this rather than cut anything off silently.
 */
public class ExportTooLargeException extends RuntimeException {

    public ExportTooLargeException(String message) {
        super(message);
    }
}
