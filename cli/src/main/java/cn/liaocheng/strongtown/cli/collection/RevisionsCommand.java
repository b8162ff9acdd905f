package cn.liaocheng.strongtown.cli.collection;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;

/** {@code strongtown revisions}: the declaration revisions of a year, oldest first. */
@Command(name = "revisions", description = {"列出某年度申报数据的各个版本（按版本号）。",
        "List the declaration revisions of a year, by number."})
public class RevisionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "年度 / year")
    int year;

    @Override
    public Integer call() {
        var revisions = new DeclarationIntake(where.towns(), where.catalogs(), where.lake()).revisions(year);
        if (revisions.isEmpty()) {
            spec.commandLine().getOut().println(year + " 年度还没有申报数据版本。");
        }
        for (RevisionInfo r : revisions) {
            spec.commandLine().getOut().printf("第 %d 版  %s  %s  %d 个数值  %s%n", r.revision(), r.submittedAt(),
                    r.submittedBy(), r.values(), r.sourceSha256() == null ? "" : r.sourceSha256());
        }
        return ExitCodes.OK;
    }
}
