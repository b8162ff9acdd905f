package cn.liaocheng.strongtown.dashboard.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before the application sees them (a header or URL over the size limit, a malformed
 * request line) get Tomcat's own error page, in English, naming Tomcat. This gives Tomcat's error report valve the
 * same static Chinese and English page for every status instead ({@code errorCode.0}), without server information
 * or report. Tomcat reads the page from a file, written once at start.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnClass(ErrorReportValve.class)
class TomcatErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    static final String PAGE = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>请求无效 / Bad request</title></head>
            <body style="font-family:sans-serif;margin:3em">
            <h1>请求无效</h1><p>服务器无法处理这个请求（例如地址或请求头过长）。请返回首页重试。</p>
            <p lang="en">The server cannot handle this request (for example, the address or a header is too long).</p>
            <p><a href="/">返回首页 / Home</a></p></body></html>
            """;

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path page = writePage();
        factory.addContextCustomizers(context -> {
            boolean configured = false;
            for (Valve valve : context.getParent().getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve report) {
                    configure(report, page);
                    configured = true;
                }
            }
            if (!configured) {
                ErrorReportValve report = new ErrorReportValve();
                configure(report, page);
                context.getParent().getPipeline().addValve(report);
            }
        });
    }

    private static void configure(ErrorReportValve report, Path page) {
        report.setShowServerInfo(false);
        report.setShowReport(false);
        report.setProperty("errorCode.0", page.toString());
    }

    private static Path writePage() {
        try {
            Path page = Files.createTempFile("strongtown-error", ".html",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(page, PAGE, StandardCharsets.UTF_8);
            page.toFile().deleteOnExit();
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After Spring Boot's own customizer, which adds the valve when stack traces are off. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
