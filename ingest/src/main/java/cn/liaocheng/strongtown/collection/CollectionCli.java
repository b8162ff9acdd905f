package cn.liaocheng.strongtown.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.CommandLineOptions;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Data collection from the command line (see README, "Data collection"):
 * <pre>
 * template  --year Y [--county CODE] --out FILE.xlsx
 * upload    --year Y --file FILE.xlsx|FILE.csv --user NAME [--report REPORT.csv]
 * extract   --year Y --file FILE.csv|FILE.parquet --user NAME
 * revisions --year Y
 * restore   --year Y --revision N --user NAME
 * backup    --out FILE.zip
 * restore-backup --from FILE.zip --lake EMPTY_DIR --state EMPTY_DIR
 * </pre>
 * Common options: {@code --data data}, {@code --lake <data>/lake}, {@code --state <data>/state}.
 * Exit status 0 when accepted or unchanged, 2 when rejected (the report says why), 1 on misuse.
 */
public final class CollectionCli {

    private CollectionCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("用法：CollectionCli template|upload|extract|revisions|restore|backup|restore-backup --选项 值 …（见 README）");
            System.exit(1);
        }
        Map<String, String> opts = CommandLineOptions.parse(args, 1);
        System.exit(run(args[0], opts));
    }

    static int run(String command, Map<String, String> opts) {
        Path data = Path.of(opts.getOrDefault("data", "data"));
        Lake lake = new Lake(Path.of(opts.getOrDefault("lake", data.resolve("lake").toString())));
        Path state = Path.of(opts.getOrDefault("state", data.resolve("state").toString()));
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        CatalogRepository catalogs = CatalogRepository.load(data.resolve("catalog"));
        DeclarationIntake intake = new DeclarationIntake(towns, catalogs, lake);
        switch (command) {
            case "template" -> {
                int year = year(opts);
                Path out = Path.of(required(opts, "out"));
                writeFile(out, new TemplateWriter(towns, catalogs).write(year, opts.get("county")));
                System.out.println("已生成 " + year + " 年度申报模板：" + out);
                return 0;
            }
            case "upload" -> {
                Path file = Path.of(required(opts, "file"));
                IntakeResult result = intake.submit(UploadedFile.of(file.getFileName().toString(), read(file)), year(opts),
                        required(opts, "user"));
                return finish(result, opts);
            }
            case "extract" -> {
                Path file = Path.of(required(opts, "file"));
                IntakeResult result = new RegistryExtractIntake(towns, lake,
                        Pseudonymiser.fromKeyFile(state.resolve("secrets").resolve("pseudonym.key")))
                        .submit(file, file.getFileName().toString(), year(opts), required(opts, "user"),
                                ProgressListener.NONE);
                return finish(result, opts);
            }
            case "revisions" -> {
                int year = year(opts);
                intake.revisions(year).forEach(r -> System.out.printf("第 %d 版  %s  %s  %d 个数值  %s%n", r.revision(),
                        r.submittedAt(), r.submittedBy(), r.values(), r.sourceSha256() == null ? "" : r.sourceSha256()));
                return 0;
            }
            case "restore" -> {
                return finish(intake.restore(year(opts), Integer.parseInt(required(opts, "revision")), required(opts, "user")), opts);
            }
            case "backup" -> {
                Path out = Path.of(required(opts, "out"));
                Backup.Summary summary = Backup.create(lake, state, out);
                System.out.println("已备份 " + summary.files().size() + " 个文件到 " + out + "（当前快照 " + summary.currentSnapshot() + "）");
                return 0;
            }
            case "restore-backup" -> {
                Backup.Summary summary = Backup.restore(Path.of(required(opts, "from")), lake, state);
                System.out.println("已恢复 " + summary.files().size() + " 个文件（当前快照 " + summary.currentSnapshot() + "）");
                return 0;
            }
            default -> {
                System.err.println("未知命令：" + command);
                return 1;
            }
        }
    }

    private static int finish(IntakeResult result, Map<String, String> opts) {
        System.out.print(result.report().toText());
        System.out.println(result.message());
        if (opts.containsKey("report")) {
            Path report = Path.of(opts.get("report"));
            AtomicFiles.writeString(report.toAbsolutePath(), result.report().toCsv());
            System.out.println("校验报告已写入 " + report);
        }
        if (result.accepted()) {
            System.out.println("请重新计算得分以发布新快照：ScoringCli " + opts.getOrDefault("data", "data"));
        }
        return result.outcome() == IntakeResult.Outcome.REJECTED ? 2 : 0;
    }

    private static int year(Map<String, String> opts) {
        return Integer.parseInt(required(opts, "year"));
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("缺少参数 --" + name);
        }
        return value;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }

    private static void writeFile(Path out, byte[] content) {
        try {
            Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, out.toAbsolutePath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + out, e);
        }
    }

}
