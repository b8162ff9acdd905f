package cn.liaocheng.strongtown.dashboard.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Converts a .docx to PDF with LibreOffice ({@code soffice --headless --convert-to pdf}) when it is
 * installed (Debian: {@code libreoffice-writer-nogui fonts-noto-cjk}). Each conversion gets its own
 * LibreOffice profile folder, so conversions may run side by side and never touch a user's profile.
 *
 * <p>That folder is a copy of a profile prepared once per converter ({@link #template()}): headless
 * LibreOffice never records that it has started this version, so with a new profile it runs its graphics
 * self-tests on every start — about 5 of the 6 seconds a conversion took on a 2-core machine. The
 * prepared profile records the installed version ({@code ooSetupLastVersion}), and a conversion takes
 * about a second. If the profile cannot be prepared, conversions use a new profile as before.
 */
@Component
class PdfConverter {

    private static final Logger LOG = LoggerFactory.getLogger(PdfConverter.class);
    private static final long TIMEOUT_SECONDS = 180;
    private static final long PREPARE_TIMEOUT_SECONDS = 60;
    private static final Pattern VERSION = Pattern.compile("LibreOffice (\\d+\\.\\d+)");

    /** The prepared profile; null until the first conversion, empty when it could not be prepared. */
    private Optional<Path> template;

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
            Path profile = work.resolve("profile");
            Optional<Path> prepared = template(soffice);
            if (prepared.isPresent()) {
                copy(prepared.get(), profile);
            }
            Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore", "--nologo",
                    "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf",
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

    /** The prepared profile, made on first use; empty when preparing failed (then each conversion starts fresh). */
    synchronized Optional<Path> template(Path soffice) throws InterruptedException {
        if (template == null) {
            template = prepare(soffice);
        }
        return template;
    }

    /**
     * Lets LibreOffice create a profile ({@code --terminate_after_init}) and records in it that the installed
     * version has started, which is what a desktop start would have recorded.
     */
    private static Optional<Path> prepare(Path soffice) throws InterruptedException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("strongtown-pdf-profile");
            Optional<String> version = version(soffice, dir);
            if (version.isEmpty()) {
                LOG.info("LibreOffice version not recognised; each conversion starts a new profile");
                delete(dir);
                return Optional.empty();
            }
            Path profile = dir.resolve("profile");
            Process init = new ProcessBuilder(soffice.toString(), "--headless", "--norestore", "--nologo",
                    "-env:UserInstallation=" + profile.toUri(), "--terminate_after_init")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("init.log").toFile()).start();
            Path registry = profile.resolve("user").resolve("registrymodifications.xcu");
            if (!init.waitFor(PREPARE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || init.exitValue() != 0
                    || !Files.isRegularFile(registry)) {
                init.destroyForcibly();
                LOG.info("LibreOffice profile not prepared; each conversion starts a new profile");
                delete(dir);
                return Optional.empty();
            }
            String items = Files.readString(registry, StandardCharsets.UTF_8);
            String lastVersion = "<item oor:path=\"/org.openoffice.Setup/Product\"><prop oor:name=\"ooSetupLastVersion\""
                    + " oor:op=\"fuse\"><value>" + version.get() + "</value></prop></item>\n</oor:items>";
            Files.writeString(registry, items.replace("</oor:items>", lastVersion), StandardCharsets.UTF_8);
            Files.deleteIfExists(dir.resolve("init.log"));
            return Optional.of(profile);
        } catch (IOException e) {
            LOG.info("LibreOffice profile not prepared; each conversion starts a new profile", e);
            delete(dir);
            return Optional.empty();
        }
    }

    /** "7.4" from {@code soffice --version} ("LibreOffice 7.4.7.2 40(Build:2)"). */
    private static Optional<String> version(Path soffice, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("version.txt");
        Process process = new ProcessBuilder(soffice.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(PREPARE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(Files.readString(out, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @PreDestroy
    synchronized void close() {
        if (template != null && template.isPresent()) {
            delete(template.get().getParent());
        }
        template = null;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
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
