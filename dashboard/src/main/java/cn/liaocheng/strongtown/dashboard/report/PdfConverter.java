package cn.liaocheng.strongtown.dashboard.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Converts a .docx to PDF with LibreOffice ({@code soffice --headless --convert-to pdf}) when it is
 * installed (Debian: {@code libreoffice-writer-nogui fonts-noto-cjk}). Each conversion gets its own
 * LibreOffice profile folder, so conversions may run side by side and never touch a user's profile.
 */
@Component
class PdfConverter {

    private static final Logger LOG = LoggerFactory.getLogger(PdfConverter.class);
    private static final long TIMEOUT_SECONDS = 180;

    /** The soffice executable on the PATH, if any. */
    Optional<Path> soffice() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "soffice"))
                .filter(Files::isExecutable).findFirst();
    }

    boolean available() {
        return soffice().isPresent();
    }

    /** The PDF of the .docx; throws {@link ReportException} when LibreOffice is missing or fails. */
    byte[] convert(byte[] docx, String fileStem) {
        Path soffice = soffice().orElseThrow(() -> new ReportException("report.error.noSoffice"));
        Path work = null;
        try {
            work = Files.createTempDirectory("strongtown-pdf");
            Path input = work.resolve(safe(fileStem) + ".docx");
            Files.write(input, docx);
            Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore", "--nologo",
                    "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", "pdf",
                    "--outdir", work.toString(), input.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("soffice.log").toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ReportException("report.error.pdfTimeout");
            }
            Path pdf = work.resolve(safe(fileStem) + ".pdf");
            if (process.exitValue() != 0 || !Files.isRegularFile(pdf)) {
                LOG.warn("LibreOffice failed ({}): {}", process.exitValue(), Files.readString(work.resolve("soffice.log")));
                throw new ReportException("report.error.pdfFailed");
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            LOG.warn("PDF conversion failed", e);
            throw new ReportException("report.error.pdfFailed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("report.error.pdfFailed");
        } finally {
            delete(work);
        }
    }

    /** LibreOffice names the output after the input: an ASCII-safe name avoids locale trouble. */
    private static String safe(String stem) {
        return "report-" + Integer.toHexString(stem.hashCode());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
