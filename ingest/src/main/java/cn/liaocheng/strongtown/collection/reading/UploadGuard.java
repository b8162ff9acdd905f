package cn.liaocheng.strongtown.collection.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.UploadedFile;

/**
 * Checks an upload before any parser sees it: size, extension, magic bytes and — for workbooks — the
 * zip container's entry count and expansion, with limits stricter than POI's own (which stay in
 * force as a second line: POI's ZipSecureFile settings are never relaxed).
 */
public final class UploadGuard {

    /** Largest upload accepted: a city-wide workbook is well under 1 MB. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 200;
    static final long MAX_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;
    /** An entry expanding more than 100-fold is treated as a zip bomb (POI's default limit is the same). */
    static final double MAX_EXPANSION = 100;

    public enum Format { XLSX, CSV }

    private UploadGuard() {
    }

    /** The file's format, or the finding that rejects it. */
    public static Result check(UploadedFile file) {
        if (file.size() == 0) {
            return Result.rejected("文件为空");
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            return Result.rejected("文件过大（" + file.size() / 1024 / 1024 + " MB），上限为 "
                    + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB");
        }
        byte[] b = file.content();
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole = b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
        switch (file.extension()) {
            case "xlsx" -> {
                if (ole) {
                    return Result.rejected("文件内容是旧版 Excel（.xls）或加密的工作簿，请用 Excel 另存为 .xlsx 后上传");
                }
                if (!zip) {
                    return Result.rejected("扩展名为 .xlsx，但文件内容不是 Excel 工作簿（文件头不符）");
                }
                return inspectZip(b).map(Result::rejected).orElse(new Result(Format.XLSX, null));
            }
            case "csv" -> {
                if (zip || ole) {
                    return Result.rejected("扩展名为 .csv，但文件内容是 Excel 工作簿，请改用 .xlsx 扩展名或另存为 CSV");
                }
                for (int i = 0; i < Math.min(b.length, 8192); i++) {
                    if (b[i] == 0) {
                        return Result.rejected("文件含有二进制内容，不是文本格式的 CSV（如为 UTF-16 编码，请另存为 UTF-8）");
                    }
                }
                return new Result(Format.CSV, null);
            }
            case "xls" -> {
                return Result.rejected("不支持旧版 Excel（.xls），请另存为 .xlsx 后上传");
            }
            case "xlsm" -> {
                return Result.rejected("不接受含宏的工作簿（.xlsm），请另存为 .xlsx 后上传");
            }
            default -> {
                return Result.rejected("不支持的文件类型“" + (file.extension().isEmpty() ? "无扩展名" : "." + file.extension())
                        + "”：只接受 .xlsx 或 .csv");
            }
        }
    }

    /** Walks the zip entries (inflating them, so sizes cannot lie) against the limits. */
    static Optional<String> inspectZip(byte[] content) {
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    return Optional.of("工作簿内部文件过多（超过 " + MAX_ZIP_ENTRIES + " 个），疑为压缩炸弹，已拒绝");
                }
                long size = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (total > MAX_UNCOMPRESSED_BYTES) {
                        return Optional.of("工作簿解压后超过 " + MAX_UNCOMPRESSED_BYTES / 1024 / 1024 + " MB，疑为压缩炸弹，已拒绝");
                    }
                }
                long compressed = entry.getCompressedSize();
                if (size > 1024 * 1024 && compressed > 0 && size / (double) compressed > MAX_EXPANSION) {
                    return Optional.of("工作簿内部文件“" + entry.getName() + "”压缩比异常（" + size / compressed
                            + " 倍），疑为压缩炸弹，已拒绝");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no exception text: the user needs the reason, not the inflater's English message
            return Optional.of("工作簿已损坏，无法解压（文件不完整或不是有效的 .xlsx 压缩包），请重新保存后上传");
        }
        return entries == 0 ? Optional.of("工作簿已损坏：压缩包中没有内容") : Optional.empty();
    }

    public record Result(Format format, String problem) {

        static Result rejected(String problem) {
            return new Result(null, problem);
        }

        public boolean accepted() {
            return problem == null;
        }

        public List<Finding> findings() {
            List<Finding> list = new ArrayList<>();
            if (problem != null) {
                list.add(Finding.fileError(problem));
            }
            return list;
        }
    }
}
