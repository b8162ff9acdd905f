package cn.liaocheng.strongtown.dashboard.selection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.AtomicFiles;

/**
 * Stores uploaded files by content: the type is read from the first bytes (never the name), the size is
 * limited, and the file is kept once as {@code <sha256>.<ext>} in the state folder beside the workflow
 * database. Identical uploads share one file.
 */
@Component
class AttachmentStore {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** A checked file: its type's extension and its SHA-256. */
    record Stored(String extension, String sha256, long size) {
    }

    private final Path folder;

    AttachmentStore(StrongTownProperties properties) {
        this.folder = properties.workflowDatabase().toAbsolutePath().getParent().resolve("selection-files");
    }

    /** The file type from the content: pdf, png, jpg or docx; null for anything else. */
    static String detect(byte[] content) {
        if (startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return "pdf";
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "png";
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "jpg";
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4}) && isWordDocument(content)) {
            return "docx";
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A .docx is a zip with {@code word/document.xml}; other zips (xlsx, plain archives) are refused. */
    private static boolean isWordDocument(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 1000) {
                if (entry.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks and stores the file; refuses empty, too large or unknown content with a translated reason. */
    Stored store(byte[] content) {
        if (content == null || content.length == 0) {
            throw new SelectionException("selection.error.fileEmpty");
        }
        if (content.length > MAX_BYTES) {
            throw new SelectionException("selection.error.fileTooLarge", MAX_BYTES / 1024 / 1024);
        }
        String extension = detect(content);
        if (extension == null) {
            throw new SelectionException("selection.error.fileType");
        }
        String sha = sha256(content);
        Path target = folder.resolve(sha + "." + extension);
        if (!Files.exists(target)) {
            AtomicFiles.write(target, content);
        }
        return new Stored(extension, sha, content.length);
    }

    byte[] read(String sha256, String extension) {
        if (!sha256.matches("[0-9a-f]{64}") || !extension.matches("[a-z]{3,4}")) {
            throw new SelectionException("selection.error.fileMissing");
        }
        try {
            return Files.readAllBytes(folder.resolve(sha256 + "." + extension));
        } catch (IOException e) {
            throw new SelectionException("selection.error.fileMissing");
        }
    }
}
