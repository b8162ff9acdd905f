package cn.liaocheng.strongtown.synth;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synth --panel file.csv --spec spec.yaml}: the general synthetic-control estimator on any long-format
 * panel. Prints donor weights, predictor weights V with the balance table, the effect path, pre-RMSPE, the
 * post/pre RMSPE ratio, the in-space placebo p-value, the in-time placebo and fit warnings. Exit status 0 done,
 * 2 bad input (Chinese message on stderr, no stack trace), 1 unexpected failure.
 */
@Command(name = "synth", sortOptions = false,
        description = {"合成控制法（synthetic control）：按面板 CSV 与 YAML 设定估计处理效应，并做安慰剂检验。",
                "Synthetic control: estimate a treatment effect from a panel CSV and a YAML spec, with placebo tests."})
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--panel", required = true, paramLabel = "file.csv",
            description = "长格式面板 CSV（UTF-8，含表头） / long-format panel CSV (UTF-8, with a header)")
    Path panel;

    @Option(names = "--spec", required = true, paramLabel = "spec.yaml", description = "YAML 设定（见 README） / YAML spec (see README)")
    Path spec;

    @Option(names = "--no-placebo", description = "不做空间安慰剂（只估计处理单位） / no in-space placebos")
    boolean noPlacebo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with Chinese usage errors and no stack traces; for embedding in another CLI as well. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new SynthCommand());
        // standalone it has its own help option; inside strongtown the tool's inherited one serves
        line.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("显示本帮助 / show this help").build());
        line.setParameterExceptionHandler((ex, args) -> {
            // picocli's own messages are English; users get Chinese ones
            String reason;
            if (ex instanceof CommandLine.MissingParameterException missing) {
                reason = "缺少必需的选项 " + String.join("、", missing.getMissing().stream()
                        .map(a -> a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel()).toList());
            } else if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                reason = "无法识别的参数 " + String.join(" ", unmatched.getUnmatched());
            } else {
                reason = "参数无效（" + String.join(" ", args) + "）";
            }
            ex.getCommandLine().getErr().println("参数错误：" + reason);
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        line.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof SynthInputException) {
                cmd.getErr().println("输入有误：" + ex.getMessage());
                return 2;
            }
            cmd.getErr().println("估计失败（内部错误），请检查输入或联系维护人员。");
            return 1;
        });
        return line;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        SynthSpec s = SpecYaml.read(spec);
        if (noPlacebo) {
            s = new SynthSpec(s.unitColumn(), s.timeColumn(), s.outcome(), s.treatedUnit(), s.treatmentTime(), s.donors(),
                    s.predictors(), s.fitTimes(), false, s.inTimePlacebo(), s.maxEvaluations());
        }
        Set<String> variables = new LinkedHashSet<>();
        variables.add(s.outcome());
        s.predictors().forEach(p -> variables.add(p.variable()));
        Panel data = PanelCsv.read(panel, s.unitColumn(), s.timeColumn(), variables);
        long start = System.nanoTime();
        SynthAnalysis analysis = SynthAnalysis.run(data, s);
        print(out, s, analysis);
        out.printf(Locale.ROOT, "%n用时 %.2f 秒%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, SynthSpec spec, SynthAnalysis analysis) {
        SynthFit fit = analysis.fit();
        out.printf("处理单位：%s，处理时间：%d，结果变量：%s%n%n", fit.treatedUnit(), fit.treatmentTime(), spec.outcome());
        out.println("对照单位权重 W（≥0，合计 1）：");
        for (int d = 0; d < fit.donors().size(); d++) {
            out.printf(Locale.ROOT, "  %-40s %.4f%n", fit.donors().get(d), fit.weights()[d]);
        }
        if (!fit.droppedDonors().isEmpty()) {
            out.println("  （数据不全、未参与的对照单位：" + String.join("、", fit.droppedDonors()) + "）");
        }
        out.println();
        out.println("预测变量权重 V 与平衡表（处理 / 合成 / 对照均值）：");
        for (int p = 0; p < fit.predictors().size(); p++) {
            out.printf(Locale.ROOT, "  %-48s V=%.4f  %12.4f %12.4f %12.4f%n", fit.predictors().get(p).label(),
                    fit.predictorWeights()[p], fit.treatedPredictors()[p], fit.syntheticPredictors()[p],
                    fit.donorMeanPredictors()[p]);
        }
        out.println();
        out.println("效应路径（时间  处理  合成  差值）：");
        for (int i = 0; i < fit.times().length; i++) {
            out.printf(Locale.ROOT, "  %d %s %12.4f %12.4f %12.4f%n", fit.times()[i],
                    fit.times()[i] >= fit.treatmentTime() ? "*" : " ", fit.treatedPath()[i], fit.syntheticPath()[i],
                    fit.gap()[i]);
        }
        out.println();
        out.printf(Locale.ROOT, "拟合窗 MSPE：%.6f%n", fit.fitMspe());
        out.printf(Locale.ROOT, "处理前 RMSPE：%.6f（%d 期）%n", fit.preRmspe(), fit.preTimes());
        out.printf(Locale.ROOT, "处理后 RMSPE：%.6f%n", fit.postRmspe());
        out.printf(Locale.ROOT, "后/前 RMSPE 比：%.4f%n", fit.rmspeRatio());
        out.printf(Locale.ROOT, "平均效应（%d 起）：%.6f%n", fit.treatmentTime(), fit.averageEffect());
        if (analysis.placebos().isEmpty()) {
            out.println("空间安慰剂：未做");
        } else {
            out.printf(Locale.ROOT, "空间安慰剂 p 值：%.4f（%d 个对照单位逐一作为处理单位重估）%n", analysis.placeboPValue(),
                    analysis.placebos().size());
        }
        SynthFit inTime = analysis.inTimePlacebo();
        if (spec.inTimePlacebo() != null) {
            if (inTime == null) {
                out.printf("时间安慰剂（假定 %d 年处理）：数据不足，无法估计%n", spec.inTimePlacebo());
            } else {
                out.printf(Locale.ROOT, "时间安慰剂（假定 %d 年处理）：%d–%d 平均差值 %.6f，后/前 RMSPE 比 %.4f%n",
                        spec.inTimePlacebo(), spec.inTimePlacebo(), spec.treatmentTime() - 1,
                        inTime.averageEffect(spec.inTimePlacebo(), spec.treatmentTime() - 1),
                        postPreRatio(inTime, spec.treatmentTime()));
            }
        }
        for (SynthAnalysis.Warning w : analysis.warnings()) {
            out.println("注意：" + switch (w) {
                case FEW_PRE_PERIODS -> "处理前不足 " + SynthAnalysis.MIN_PRE_TIMES + " 期，估计不可靠";
                case POOR_PRE_FIT -> "处理前拟合较差（RMSPE 超过结果变量离散程度的 "
                        + Math.round(SynthAnalysis.POOR_FIT_SHARE * 100) + "%），效应不可信";
                case OUTSIDE_DONOR_RANGE -> "处理单位超出对照单位的取值范围，合成控制难以复制其处理前轨迹";
            });
        }
    }

    /** The in-time placebo's ratio over its fake post-period only (up to the real treatment). */
    private static double postPreRatio(SynthFit fit, int realTreatment) {
        double pre = fit.preRmspe();
        double ss = 0;
        int n = 0;
        for (int i = 0; i < fit.times().length; i++) {
            int t = fit.times()[i];
            if (t >= fit.treatmentTime() && t < realTreatment && !Double.isNaN(fit.gap()[i])) {
                ss += fit.gap()[i] * fit.gap()[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n) / pre;
    }
}
