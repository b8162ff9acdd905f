package cn.liaocheng.strongtown.dashboard.export;

/** A finished export: file name, MIME type and content. */
public record ExportFile(String fileName, String contentType, byte[] content) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=UTF-8";
}
