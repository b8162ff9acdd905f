package cn.liaocheng.strongtown.dashboard.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;
import cn.liaocheng.strongtown.town.UnknownTownException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code report town|annual}: the same reports as the reports view, from the command line, as .docx or
 * (with LibreOffice) .pdf by the output file's extension. Started by {@link ReportCli}; the Spring
 * context (snapshot reading, narratives) is started only once the arguments are valid.
 */
@Command(name = "report", mixinStandardHelpOptions = true, version = "strongtown report",
        description = "从已发布的快照生成典型经验材料或年度报告（.docx，或安装 LibreOffice 后生成 .pdf）。",
        subcommands = {ReportCommand.TownReport.class, ReportCommand.AnnualReport.class})
public class ReportCommand implements Callable<Integer> {

    /** Exit codes: 0 done, 1 the report could not be made (no score, no LibreOffice …), 2 bad arguments. */
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final Function<Void, ConfigurableApplicationContext> contexts;
    private final Translations translations = new Translations();

    @Option(names = "--lang", defaultValue = "zh", description = "报告语言：zh（默认）或 en")
    String language;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param contexts starts the (non-web) Spring context when a report is actually made */
    public ReportCommand(Function<Void, ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return BAD_INPUT;
    }

    Locale locale() {
        return "en".equalsIgnoreCase(language) ? Translations.ENGLISH : Translations.CHINESE;
    }

    /** Checks the output path, makes the report in a Spring context and writes it atomically. */
    int make(Path out, Function<ConfigurableApplicationContext, ReportFile> report) {
        PrintWriter err = spec.commandLine().getErr();
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".docx") && !name.endsWith(".pdf")) {
            err.println("输出文件须以 .docx 或 .pdf 结尾：" + out);
            return BAD_INPUT;
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("输出目录不存在：" + (dir == null ? out : dir));
            return BAD_INPUT;
        }
        try (ConfigurableApplicationContext context = contexts.apply(null)) {
            ReportFile file = report.apply(context);
            Path temp = Files.createTempFile(dir, ".report-", ".part");
            try {
                Files.write(temp, file.content());
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            spec.commandLine().getOut().println(translations.getTranslation("report.cli.done", locale(), out.toAbsolutePath()));
            return DONE;
        } catch (ReportException e) {
            err.println(translations.getTranslation(e.messageKey(), Translations.CHINESE, e.params()));
            return FAILED;
        } catch (UnknownTownException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (AccessDeniedException e) {
            err.println(translations.getTranslation("report.error.denied", Translations.CHINESE));
            return FAILED;
        } catch (IOException e) {
            err.println("无法写入输出文件：" + out);
            return FAILED;
        } catch (RuntimeException e) {
            err.println(ReportCli.explain(e));
            return FAILED;
        }
    }

    /** {@code report town --town <code|name> --year 2025 --out f.docx}. */
    @Command(name = "town", mixinStandardHelpOptions = true, description = "生成一个镇（街道）的典型经验材料。")
    static class TownReport implements Callable<Integer> {

        @ParentCommand
        ReportCommand parent;

        @Option(names = "--town", required = true, description = "镇（街道）的12位代码或名称")
        String town;

        @Option(names = "--county", description = "县（市、区）名称或代码，镇名重名时用于区分")
        String county;

        @Mixin
        YearAndOutput target;

        @Override
        public Integer call() {
            return parent.make(target.out, context -> {
                Town resolved = context.getBean(TownRegistry.class).resolve(town, county);
                ReportService reports = context.getBean(ReportService.class);
                return target.pdf()
                        ? reports.townPdf(resolved.code(), target.year, parent.locale())
                        : reports.townDocx(resolved.code(), target.year, parent.locale());
            });
        }
    }

    /** {@code report annual --year 2025 --out f.docx}. */
    @Command(name = "annual", mixinStandardHelpOptions = true, description = "生成全市年度报告。")
    static class AnnualReport implements Callable<Integer> {

        @ParentCommand
        ReportCommand parent;

        @Mixin
        YearAndOutput target;

        @Override
        public Integer call() {
            return parent.make(target.out, context -> {
                ReportService reports = context.getBean(ReportService.class);
                return target.pdf() ? reports.annualPdf(target.year, parent.locale())
                        : reports.annualDocx(target.year, parent.locale());
            });
        }
    }

    /** The options every report has: its year, and the output file whose extension chooses .docx or .pdf. */
    static class YearAndOutput {

        @Option(names = "--year", required = true, description = "年度，如 2025")
        int year;

        @Option(names = "--out", required = true, description = "输出文件（.docx 或 .pdf）")
        Path out;

        boolean pdf() {
            return out.toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        }
    }
}
