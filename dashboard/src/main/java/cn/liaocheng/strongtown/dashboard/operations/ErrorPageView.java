package cn.liaocheng.strongtown.dashboard.operations;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Boot's error page (bean name {@code error} replaces the English "Whitelabel Error Page"): status and the
 * error id in Chinese and English, never an exception text.
 */
@Component("error")
class ErrorPageView implements View {

    @Override
    public String getContentType() {
        return "text/html;charset=UTF-8";
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        response.setContentType(getContentType());
        String status = HtmlUtils.htmlEscape(String.valueOf(model.get("status")));
        String id = HtmlUtils.htmlEscape(String.valueOf(model.get(RequestErrorLogging.ERROR_ID)));
        response.getWriter().write("""
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>出错了 / Error</title></head>
                <body style="font-family:sans-serif;margin:3em">
                <h1>出错了（%1$s）</h1><p>请求没有完成。如需帮助，请把错误编号 <b>%2$s</b> 告诉系统管理员。</p>
                <p lang="en">The request failed (status %1$s). Please give the error id <b>%2$s</b> to the administrator.</p>
                <p><a href="/">返回首页 / Home</a></p></body></html>""".formatted(status, id));
    }
}
