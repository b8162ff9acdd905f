package cn.liaocheng.strongtown.dashboard.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's start-failure report for an unusable path: what is wrong and how to fix it, no stack trace. */
public class UnusablePathFailureAnalyzer extends AbstractFailureAnalyzer<UnusablePathException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnusablePathException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "请修改配置项 " + cause.setting() + "（application.properties、环境变量或 --" + cause.setting()
                        + "=路径），或修正该路径的权限。 / Fix the setting " + cause.setting() + " or the path's permissions.",
                cause);
    }
}
