package cn.liaocheng.strongtown.dashboard.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.AtomicFiles;

/**
 * Submitted files, kept once each as {@code <sha256>.<xlsx|csv>} in {@code collection-files/} beside the
 * workflow database until the office decides (and after, as the record of what was submitted). The name a
 * county gave the file is never part of a path.
 */
@Component
class SubmissionFiles {

    private final Path folder;

    SubmissionFiles(StrongTownProperties properties) {
        this.folder = properties.workflowDatabase().toAbsolutePath().getParent().resolve("collection-files");
    }

    void store(String sha256, String extension, byte[] content) {
        Path target = path(sha256, extension);
        if (!Files.exists(target)) {
            AtomicFiles.write(target, content);
        }
    }

    byte[] read(String sha256, String extension) {
        try {
            return Files.readAllBytes(path(sha256, extension));
        } catch (IOException e) {
            throw new SubmissionException("collection.submission.error.fileMissing");
        }
    }

    private Path path(String sha256, String extension) {
        if (!sha256.matches("[0-9a-f]{64}") || !(extension.equals("xlsx") || extension.equals("csv"))) {
            throw new SubmissionException("collection.submission.error.fileMissing");
        }
        return folder.resolve(sha256 + "." + extension);
    }
}
