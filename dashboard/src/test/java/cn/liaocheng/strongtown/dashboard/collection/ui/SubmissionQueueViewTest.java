package cn.liaocheng.strongtown.dashboard.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.collection.CollectionFixture;
import cn.liaocheng.strongtown.dashboard.collection.Submission;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;
import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * Multi-level reporting on the collection page: the county uploads its workbook, sees it waiting; the office
 * finds it in its queue and accepts it, or returns it with a reason the county then reads.
 */
class SubmissionQueueViewTest extends KaribuTestBase {

    private static final int YEAR = 2020;
    private static final String OWN_TOWN = "371502002000";

    @Autowired
    SubmissionService submissions;
    @Autowired
    StrongTownProperties properties;

    @SuppressWarnings("unchecked")
    private Grid<Submission> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    /** The collection page built afresh for the signed-in user (navigating to the same address keeps the view). */
    private void open() {
        navigate("account");
        navigate("collection");
    }

    private String outcome() {
        return _get(Span.class, spec -> spec.withId("upload-outcome")).getText();
    }

    /** As the county user, on the county's page: uploads the town's row as the lake has it. */
    @SuppressWarnings("unchecked")
    private Submission countyUploads(String fileName) {
        signIn(Role.COUNTY);
        open();
        assertThat(_find(Grid.class, spec -> spec.withId("revision-grid"))).isEmpty();
        assertThat(_find(Grid.class, spec -> spec.withId("submission-queue"))).isEmpty();
        _get(Select.class, spec -> spec.withId("collection-year")).setValue(YEAR);
        byte[] filled = new CollectionFixture(properties).fill(submissions.template(YEAR), YEAR, OWN_TOWN, null);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("declaration-upload")), fileName,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled);
        assertThat(outcome()).startsWith("已报送：2020 年度第");
        Grid<Submission> own = grid("submission-grid");
        Submission waiting = GridKt._get(own, 0);
        assertThat(waiting.fileName()).isEqualTo(fileName);
        assertThat(GridKt._getFormattedRow(own, waiting)).contains("待接收");
        signOut();
        return waiting;
    }

    /** The submission's row on the county's own page, as its cells read. */
    private java.util.List<String> asTheCountySees(Submission submission) {
        signIn(Role.COUNTY);
        open();
        Grid<Submission> own = grid("submission-grid");
        Submission row = own.getListDataView().getItems().filter(s -> s.id() == submission.id()).findFirst().orElseThrow();
        return GridKt._getFormattedRow(own, row);
    }

    private Button action(Grid<Submission> queue, long id, String prefix) {
        for (int row = 0; row < GridKt._size(queue); row++) {
            HorizontalLayout buttons = (HorizontalLayout) GridKt._getCellComponent(queue, row, "action");
            for (var child : buttons.getChildren().toList()) {
                if (child.getId().orElse("").equals(prefix + id)) {
                    return (Button) child;
                }
            }
        }
        throw new AssertionError("no " + prefix + id + " in the queue");
    }

    @Test
    void theCountyUploadsAndTheOfficeAcceptsFromItsQueue() {
        Submission waiting = countyUploads("东昌府区-接收.xlsx");

        signIn(Role.OFFICE);
        open();
        Grid<Submission> queue = grid("submission-queue");
        assertThat(GridKt._get(queue, 0).id()).as("waiting first").isEqualTo(waiting.id());
        _click(action(queue, waiting.id(), "accept-"));
        // the same values as the lake's: accepted without a new revision
        assertThat(outcome()).startsWith("数据与当前版本");
        signOut();

        assertThat(asTheCountySees(waiting)).contains("已接收", "数据与当前版本一致，未形成新版本");
    }

    @Test
    void theOfficeReturnsWithAReasonTheCountyReads() {
        Submission waiting = countyUploads("东昌府区-退回.xlsx");

        signIn(Role.OFFICE);
        open();
        _click(action(grid("submission-queue"), waiting.id(), "return-"));
        _click(_get(Button.class, spec -> spec.withId("return-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("return-reason")).getErrorMessage()).isEqualTo("请填写退回原因");
        _get(TextArea.class, spec -> spec.withId("return-reason")).setValue("第二行人口数与统计年鉴不符");
        _click(_get(Button.class, spec -> spec.withId("return-confirm")));
        assertThat(outcome()).contains("已退回东昌府区");
        signOut();

        assertThat(asTheCountySees(waiting)).contains("已退回", "第二行人口数与统计年鉴不符");
    }
}
