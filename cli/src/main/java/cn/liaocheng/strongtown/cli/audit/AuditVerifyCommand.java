package cn.liaocheng.strongtown.cli.audit;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailCheck;
import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code strongtown audit verify}: reads the lake's audit trail and checks every entry — it parses, is numbered
 * in order, names the hash of the entry before it and hashes to its own hash. Reads only, takes no lock, so it
 * runs beside a working dashboard. Exit 0 when the chain holds, 2 when it is broken (the first broken entry is
 * named), 1 when there is no trail.
 */
@Command(name = "verify", description = {
        "校验审计链：逐条核对序号、前一条记录的哈希与本条哈希；完整则退出码 0，断开则报告第一条出错的记录并以退出码 2 结束。",
        "Verify the audit chain entry by entry; exit 0 when whole, 2 naming the first broken entry."},
        exitCodeListHeading = "%n退出码 Exit codes:%n",
        exitCodeList = {"0:审计链完整 / the chain holds", "1:用法错误或没有审计链 / wrong use or no trail",
                "2:审计链断开（记录被修改、删除、插入或调换） / the chain is broken",
                "3:运行失败 / failure"})
public class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Override
    public Integer call() {
        AuditTrail trail = AuditTrail.of(where.lake());
        if (!Files.isRegularFile(trail.file())) {
            throw CliFailure.usage("没有审计链文件：" + trail.file() + "（用 --lake 指定数据湖）");
        }
        TrailCheck check = trail.verify();
        PrintWriter out = spec.commandLine().getOut();
        if (check.tornTail()) {
            out.println("注意：文件末尾有一条未写完的记录（写入时进程被中断），它不属于审计链，下次写入时会移到旁边的文件。");
        }
        if (check.intact()) {
            out.println("审计链完整：共 " + check.entries() + " 条记录，末条哈希 " + check.head());
            out.println("（请另行记下末条哈希：日后若末尾的记录被删去，只有与它对照才能发现。）");
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("审计链已断开：第 " + check.brokenLine() + " 条记录（文件第 " + check.brokenLine() + " 行）出错——"
                + check.problem());
        err.println("此前的 " + check.entries() + " 条记录完好，最后一条完好记录的哈希 " + check.head());
        return ExitCodes.REJECTED;
    }
}
