package cn.liaocheng.strongtown.cli.audit;

import java.util.concurrent.Callable;

import cn.liaocheng.strongtown.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongtown audit}: the one audit trail (subcommand {@code verify}). */
@Command(name = "audit", description = {"审计链：strongtown audit verify 校验链条是否完整、未被改动。",
        "The audit trail: strongtown audit verify checks that the chain is whole and unaltered."},
        subcommands = {AuditVerifyCommand.class})
public class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("错误：缺少子命令（例如 strongtown audit verify）。");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
