package cn.liaocheng.strongtown.dashboard.report;

/** A generated report file: name with extension, content type and bytes. */
public record ReportFile(String fileName, String contentType, byte[] content) {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";
}
