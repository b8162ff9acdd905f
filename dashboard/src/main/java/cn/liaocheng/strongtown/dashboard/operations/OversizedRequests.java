package cn.liaocheng.strongtown.dashboard.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.liaocheng.strongtown.dashboard.security.LogText;

/**
 * A request whose declared body is larger than the multipart request limit ({@code spring.servlet.multipart
 * .max-request-size}, 21 MB: a 20 MB file and its framing) is refused before anything reads it: HTTP 413 with a
 * static Chinese and English page, and one log line of ours with the client address and the (escaped) path. Without
 * this, the refusal came from deep in the multipart parsing, logged by Tomcat and Spring in English with a stack
 * trace. The body is read and discarded up to {@link #DRAIN_LIMIT_FACTOR} times the limit so that the client gets the
 * page instead of a reset connection; a bigger one is cut off (Tomcat closes the connection). A browser never sends
 * such a request: the upload widget refuses a file over 20 MB itself ({@code ui/SingleFileUpload}).
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OversizedRequests extends OncePerRequestFilter {

    static final String PAGE = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>请求过大 / Request too large</title></head>
            <body style="font-family:sans-serif;margin:3em">
            <h1>请求过大</h1><p>上传的文件不能超过 20 MB，本次请求未被处理，数据没有改变。请返回首页重试。</p>
            <p lang="en">Uploads may not exceed 20 MB; this request was not processed and nothing changed.</p>
            <p><a href="/">返回首页 / Home</a></p></body></html>
            """;
    static final int DRAIN_LIMIT_FACTOR = 3;
    private static final Logger LOG = LoggerFactory.getLogger("request-refused");

    private final long limit;

    OversizedRequests(MultipartProperties multipart) {
        this.limit = multipart.getMaxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (limit <= 0 || length <= limit) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("request refused: too large ({} bytes, limit {}) {} {} from {}", length, limit, request.getMethod(),
                LogText.safe(request.getRequestURI()), request.getRemoteAddr());
        if (length <= DRAIN_LIMIT_FACTOR * limit) {
            drain(request.getInputStream());
        } else {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (body.read(buffer) >= 0) {
            // discarded
        }
    }
}
