package cn.liaocheng.strongtown.cli.collection;

import java.io.PrintWriter;
import java.nio.file.Path;

import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.lake.AtomicFiles;

/** Prints a validation report and outcome the same way for upload, extract and restore. */
final class IntakeOutput {

    private IntakeOutput() {
    }

    /** Exit code 0 when accepted or unchanged, 2 when rejected. */
    static int finish(IntakeResult result, Path reportFile, PrintWriter out) {
        out.print(result.report().toText());
        out.println(result.message());
        if (reportFile != null) {
            AtomicFiles.writeString(reportFile.toAbsolutePath(), result.report().toCsv());
            out.println("校验报告已写入 " + reportFile);
        }
        if (result.accepted()) {
            out.println("请运行 strongtown score 发布新快照（运行中的仪表盘会自行重新计算）。");
        }
        return result.outcome() == IntakeResult.Outcome.REJECTED ? ExitCodes.REJECTED : ExitCodes.OK;
    }
}
