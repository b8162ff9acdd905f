package cn.liaocheng.strongtown.dashboard.collection.ui;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.dashboard.collection.LakeNotReadyException;
import cn.liaocheng.strongtown.dashboard.collection.Submission;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionException;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;

/** The city office's queue of county submissions: accept one into the lake, or return it with a reason. */
class SubmissionQueue extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionQueue.class);

    private final SubmissionService submissions;
    private final Consumer<IntakeResult> accepted;
    private final Consumer<String> message;
    private final SubmissionGrid grid;

    /**
     * @param accepted shows the intake's outcome as for the office's own upload (and follows the re-scoring)
     * @param message shows a refusal or a note in the page's outcome line
     */
    SubmissionQueue(SubmissionService submissions, Consumer<IntakeResult> accepted, Consumer<String> message) {
        this.submissions = submissions;
        this.accepted = accepted;
        this.message = message;
        setPadding(false);
        grid = new SubmissionGrid(submissions, true);
        grid.setId("submission-queue");
        grid.addComponentColumn(this::actions).setKey("action").setHeader(getTranslation("collection.col.action"))
                .setAutoWidth(true);
        add(new H3(getTranslation("collection.queue.title")), new Span(getTranslation("collection.queue.intro")), grid);
    }

    private HorizontalLayout actions(Submission s) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (!s.pending()) {
            return buttons;
        }
        Button accept = new Button(getTranslation("collection.queue.accept"), e -> accept(s));
        accept.setId("accept-" + s.id());
        Button back = new Button(getTranslation("collection.queue.return"), e -> askReason(s));
        back.setId("return-" + s.id());
        for (Button b : new Button[] {accept, back}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        buttons.add(accept, back);
        return buttons;
    }

    private void accept(Submission s) {
        try {
            IntakeResult result = submissions.accept(s.id());
            accepted.accept(result);
        } catch (SubmissionException e) {
            message.accept(IntakeText.of(this, e));
        } catch (LakeNotReadyException e) {
            message.accept(getTranslation(e.messageKey()));
        } catch (RuntimeException e) {
            // a failed write changed nothing (writes are atomic) but must not pass for "not ready"
            LOG.error("县区报送接收时未能写入数据湖", e);
            message.accept(getTranslation("collection.writeFailed"));
        }
        grid.refresh();
    }

    private void askReason(Submission s) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("collection.queue.returnTitle", s.countyName(), String.valueOf(s.year())));
        TextArea reason = new TextArea(getTranslation("collection.queue.reason"));
        reason.setId("return-reason");
        reason.setWidth("28em");
        reason.setMaxLength(1000);
        Button confirm = new Button(getTranslation("collection.queue.return"), e -> {
            try {
                submissions.returnToCounty(s.id(), reason.getValue());
                dialog.close();
                message.accept(getTranslation("collection.queue.returned", s.countyName(), "#" + s.id()));
                grid.refresh();
            } catch (SubmissionException refused) {
                reason.setInvalid(true);
                reason.setErrorMessage(IntakeText.of(this, refused));
            }
        });
        confirm.setId("return-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("collection.queue.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
