package cn.liaocheng.strongtown.dashboard.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.MultipartConfigElement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.upload.Upload;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.SingleFileUpload;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;

/**
 * The upload field on the collection page (issue 14): the server accepts the 20 MB the page promises, the
 * browser's refusals read in the user's language, and every outcome empties the file list so that a second
 * file on the same page is not refused as one too many.
 */
class CollectionUploadTest extends KaribuTestBase {

    private static final String CLEAR_LIST = "this.files = [];";

    @Autowired
    MultipartConfigElement multipart;
    @Autowired
    List<ServletRegistrationBean<?>> servlets;

    private List<Function1<PendingJavaScriptInvocation, Unit>> savedHandlers;

    @AfterEach
    void restoreHandlers() {
        if (savedHandlers != null) {
            TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(savedHandlers);
        }
    }

    @Test
    void theServerAcceptsFilesUpToThePromisedTwentyMegabytes() {
        assertThat(multipart.getMaxFileSize()).isEqualTo(SingleFileUpload.MAX_BYTES).isEqualTo(20L * 1024 * 1024);
        assertThat(multipart.getMaxRequestSize()).isGreaterThan(multipart.getMaxFileSize());
        // the limit reaches the servlet that parses the uploads (with Vaadin at the root: Spring's dispatcher,
        // which forwards to Vaadin's servlet)
        List<MultipartConfigElement> parsing = servlets.stream().map(ServletRegistrationBean::getMultipartConfig)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(parsing).isNotEmpty().allSatisfy(config -> {
            assertThat(config.getMaxFileSize()).isEqualTo(SingleFileUpload.MAX_BYTES);
            assertThat(config.getMaxRequestSize()).isGreaterThan(SingleFileUpload.MAX_BYTES);
        });
    }

    @Test
    void aSecondUploadOnTheSamePageIsReceivedBecauseEachOutcomeEmptiesTheList() {
        List<String> scripts = recordScripts();
        signIn(Role.OFFICE);
        navigate("collection");
        Upload upload = _get(Upload.class, spec -> spec.withId("declaration-upload"));
        assertThat(upload.getMaxFiles()).isEqualTo(1);
        byte[] notADeclaration = "乡镇代码,数值\n不存在,abc\n".getBytes(StandardCharsets.UTF_8);

        UploadKt._upload(upload, "第一次.csv", "text/csv", notADeclaration);
        assertThat(_get(Span.class, spec -> spec.withId("upload-outcome")).getText()).startsWith("未接受");
        long afterFirst = cleared(scripts);
        assertThat(afterFirst).isPositive();

        _get(Span.class, spec -> spec.withId("upload-outcome")).setText("");
        UploadKt._upload(upload, "第二次.csv", "text/csv", notADeclaration);
        assertThat(_get(Span.class, spec -> spec.withId("upload-outcome")).getText()).startsWith("未接受");
        assertThat(cleared(scripts)).isGreaterThan(afterFirst);
    }

    @Test
    void theBrowsersRefusalsReadInChineseAndEnglish() {
        signIn(Role.OFFICE);
        navigate("collection");
        Upload upload = _get(Upload.class, spec -> spec.withId("declaration-upload"));
        assertThat(upload.getMaxFileSize()).isEqualTo(SingleFileUpload.MAX_BYTES);
        assertThat(upload.getI18n().getError().getFileIsTooBig()).isEqualTo("文件超过 20 MB 上限");
        assertThat(upload.getI18n().getUploading().getError().getForbidden()).contains("20 MB").contains("服务器");
        assertThat(upload.getI18n().getError().getTooManyFiles()).isEqualTo("一次只能上传一个文件");

        useLocale(Locale.ENGLISH);
        navigate("overview");
        navigate("collection");
        Upload english = _get(Upload.class, spec -> spec.withId("declaration-upload"));
        assertThat(english.getI18n().getError().getFileIsTooBig()).isEqualTo("The file exceeds the 20 MB limit");
    }

    private static long cleared(List<String> scripts) {
        return scripts.stream().filter(s -> s.contains(CLEAR_LIST)).count();
    }

    /** Every script the server sends to the browser from now on. */
    private List<String> recordScripts() {
        List<String> scripts = new ArrayList<>();
        savedHandlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<Function1<PendingJavaScriptInvocation, Unit>> handlers = new ArrayList<>(savedHandlers);
        handlers.add(invocation -> {
            scripts.add(invocation.getInvocation().getExpression());
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        return scripts;
    }
}
