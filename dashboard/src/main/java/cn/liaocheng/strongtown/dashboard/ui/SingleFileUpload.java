package cn.liaocheng.strongtown.dashboard.ui;

import java.io.Serializable;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * The upload field every feature uses: one file at a time, a size limit the server's multipart limit
 * ({@code spring.servlet.multipart.*}) matches, messages in the user's language, and an empty file list
 * after every outcome. Vaadin fires no {@code SucceededEvent} for an {@link UploadHandler}, so a list
 * cleared there never empties and the next file on the same page is refused as one too many.
 */
public final class SingleFileUpload {

    /** The largest file any upload field accepts: 20 MB, as README and the upload hints promise. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    /**
     * Receives a file outside the session lock (validation of a large workbook must not freeze the page)
     * and returns what to show, which then runs under the lock.
     */
    @FunctionalInterface
    public interface Receiver extends Serializable {
        Command receive(String fileName, byte[] content);
    }

    private SingleFileUpload() {
    }

    /**
     * An upload field for one file of the given types (".xlsx", …) up to {@link #MAX_BYTES}.
     *
     * @param rejected shown when the browser refuses a file (too large, wrong type), with its translated reason
     */
    public static Upload create(Receiver receiver, java.util.function.Consumer<String> rejected, String... types) {
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            Command show = receiver.receive(metadata.fileName(), data);
            upload.getUI().ifPresent(ui -> ui.access(() -> {
                try {
                    show.execute();
                } finally {
                    upload.clearFileList();
                }
            }));
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(types);
        upload.setI18n(i18n(upload));
        upload.addFileRejectedListener(e -> {
            upload.clearFileList();
            rejected.accept(e.getErrorMessage());
        });
        // a failed transfer (network, server refusal) leaves its row too
        upload.addAllFinishedListener(e -> upload.clearFileList());
        return upload;
    }

    /** Vaadin's built-in texts are English only. */
    static UploadI18N i18n(Component c) {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(t(c, "dropOne")).setMany(t(c, "dropMany")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t(c, "addOne")).setMany(t(c, "addMany")))
                .setError(new UploadI18N.Error().setTooManyFiles(t(c, "tooMany"))
                        .setFileIsTooBig(c.getTranslation("collection.upload.tooBig", MAX_BYTES / 1024 / 1024))
                        .setIncorrectFileType(t(c, "wrongType")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(c, "connecting"))
                                .setStalled(t(c, "stalled")).setProcessing(t(c, "processing")).setHeld(t(c, "held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t(c, "remaining"))
                                .setUnknown(t(c, "remainingUnknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t(c, "serverUnavailable"))
                                .setUnexpectedServerError(t(c, "serverError"))
                                .setForbidden(c.getTranslation("collection.upload.forbidden", MAX_BYTES / 1024 / 1024))))
                .setFile(new UploadI18N.File().setRetry(t(c, "retry")).setStart(t(c, "start")).setRemove(t(c, "remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
    }

    private static String t(Component c, String key) {
        return c.getTranslation("collection.upload." + key);
    }
}
