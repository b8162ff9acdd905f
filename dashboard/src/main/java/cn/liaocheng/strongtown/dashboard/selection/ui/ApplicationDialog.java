package cn.liaocheng.strongtown.dashboard.selection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.notification.Notification;

import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationText;
import cn.liaocheng.strongtown.dashboard.selection.Attachment;
import cn.liaocheng.strongtown.dashboard.selection.AttachmentKind;
import cn.liaocheng.strongtown.dashboard.ui.SingleFileUpload;

/**
 * The 申报书: its five written parts, its attachments and the signed credit pledge. Editable by the
 * county while a draft or returned; read-only otherwise (and for everyone else).
 */
class ApplicationDialog extends Dialog {

    private final ApplicationService applications;
    private final long applicationId;
    private final VerticalLayout files = new VerticalLayout();

    ApplicationDialog(ApplicationService applications, Application app, boolean editable, Runnable changed) {
        this.applications = applications;
        this.applicationId = app.id();
        setHeaderTitle(getTranslation("selection.application.title", app.countyName() + app.townName()));
        setWidth("820px");
        TextArea basic = area("selection.application.basicInfo", app.text().basicInfo(), editable, "app-basic");
        TextArea status = area("selection.application.industryStatus", app.text().industryStatus(), editable, "app-status");
        TextArea leading = area("selection.application.leadingIndustry", app.text().leadingIndustry(), editable, "app-leading");
        TextArea practices = area("selection.application.practices", app.text().practices(), editable, "app-practices");
        TextArea plan = area("selection.application.developmentPlan", app.text().developmentPlan(), editable, "app-plan");
        add(basic, status, leading, practices, plan);
        add(new H4(getTranslation("selection.application.files")), new Span(getTranslation("selection.application.filesHint")));
        files.setPadding(false);
        files.setSpacing(false);
        add(files);
        if (editable) {
            add(new HorizontalLayout(upload(AttachmentKind.PLEDGE, "upload-pledge", changed),
                    upload(AttachmentKind.MATERIAL, "upload-material", changed)));
            Button save = new Button(getTranslation("selection.save"), e -> SelectionUi.run(this, () -> {
                applications.saveText(applicationId, new ApplicationText(basic.getValue(), status.getValue(),
                        leading.getValue(), practices.getValue(), plan.getValue()));
                changed.run();
            }, "selection.saved"));
            save.setId("app-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(save);
        }
        getFooter().add(new Button(getTranslation("selection.close"), e -> close()));
        refreshFiles();
    }

    private TextArea area(String key, String value, boolean editable, String id) {
        TextArea area = new TextArea(getTranslation(key));
        area.setValue(value);
        area.setReadOnly(!editable);
        area.setWidthFull();
        area.setMaxLength(ApplicationText.MAX_LENGTH);
        area.setId(id);
        return area;
    }

    private Upload upload(AttachmentKind kind, String id, Runnable changed) {
        Upload upload = SingleFileUpload.create((fileName, data) -> () -> {
            if (SelectionUi.run(this, () -> applications.attach(applicationId, kind, fileName, data),
                    "selection.application.attached")) {
                refreshFiles();
                changed.run();
            }
        }, reason -> Notification.show(getTranslation("collection.rejectedFile", reason)), ".pdf", ".png", ".jpg", ".jpeg", ".docx");
        upload.setId(id);
        upload.setDropLabel(new Span(getTranslation(kind.translationKey())));
        return upload;
    }

    private void refreshFiles() {
        files.removeAll();
        java.util.List<Attachment> list;
        try {
            list = applications.attachments(applicationId);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            // leadership and analysts follow the round but do not open the applicants' files
            files.add(new Span(getTranslation("selection.application.filesHidden")));
            return;
        }
        for (Attachment a : list) {
            Anchor link = SelectionUi.download(this, "selection.download", () -> applications.download(a.id()));
            link.setText(getTranslation(a.kind().translationKey()) + "：" + a.fileName());
            link.setId("attachment-" + a.id());
            Span hash = new Span(getTranslation("selection.application.hash", a.sha256().substring(0, 16)));
            hash.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            files.add(new HorizontalLayout(link, hash));
        }
    }
}
