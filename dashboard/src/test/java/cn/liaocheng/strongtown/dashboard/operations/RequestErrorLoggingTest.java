package cn.liaocheng.strongtown.dashboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.servlet.RequestDispatcher;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;

@ExtendWith(OutputCaptureExtension.class)
class RequestErrorLoggingTest {

    private final RequestErrorLogging logging = new RequestErrorLogging();

    @AfterEach
    void forgetTheUi() {
        UI.setCurrent(null);
    }

    @Test
    void aBrowserThatHungUpBeforeTheAnswerIsNoErrorOfOurs(CapturedOutput output) {
        logging.handleVaadin(new ErrorEvent(new ClientAbortException(new IOException("Broken pipe"))));
        // Spring's helper may say so in one DEBUG line (the tests log at DEBUG); no ERROR, no id, no stack trace
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("request error id=")
                .doesNotContain("\tat org.apache.catalina");
    }

    @Test
    void aRealErrorIsLoggedOnceWithItsIdEvenWhenThePageIsAlreadyGone(CapturedOutput output) {
        UI.setCurrent(new UI()); // no session: UI.access throws UIDetachedException, as for a closed page
        logging.handleVaadin(new ErrorEvent(new IllegalStateException("internal detail")));
        assertThat(output.getAll()).containsOnlyOnce("request error id=").contains("internal detail")
                .doesNotContain("UIDetachedException");
    }

    private static ServletWebRequest failedRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/some/page");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("internal detail"));
        return new ServletWebRequest(request);
    }

    @Test
    void givesEachFailedRequestOneIdThatStaysTheSameForThatRequest() {
        ServletWebRequest request = failedRequest();
        Map<String, Object> first = logging.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        Map<String, Object> again = logging.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        assertThat(first.get(RequestErrorLogging.ERROR_ID)).asString().matches("[0-9a-f]{8}");
        assertThat(again.get(RequestErrorLogging.ERROR_ID)).isEqualTo(first.get(RequestErrorLogging.ERROR_ID));
        assertThat(logging.getErrorAttributes(failedRequest(), ErrorAttributeOptions.defaults())
                .get(RequestErrorLogging.ERROR_ID)).isNotEqualTo(first.get(RequestErrorLogging.ERROR_ID));
    }

    @Test
    void theErrorPageShowsStatusAndIdInChineseAndEnglishButNoExceptionText() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ErrorPageView().render(Map.of("status", 500, RequestErrorLogging.ERROR_ID, "3f9a1c2e",
                "message", "internal detail <script>"), new MockHttpServletRequest(), response);
        String page = response.getContentAsString();
        assertThat(page).contains("出错了（500）").contains("错误编号 <b>3f9a1c2e</b>").contains("error id <b>3f9a1c2e</b>")
                .doesNotContain("internal detail").doesNotContain("<script>");
    }
}
