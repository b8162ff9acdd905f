package cn.liaocheng.strongtown.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.lake.DataDir;

/**
 * Abadie &amp; Gardeazabal's Basque case through the general entry ({@code synth --panel --spec}), against the
 * numbers pysyncon's test suite publishes: Cataluña 0.851, Madrid 0.149 (±0.025), average effect 1975–1997
 * −0.70 (±2.5 %). Reads ../shared/conformance/synth-basque/ when present.
 */
class BasqueConformanceTest {

    static final Path CASE = DataDir.locate().toAbsolutePath().getParent().getParent()
            .resolve("shared").resolve("conformance").resolve("synth-basque");

    @Test
    void reproducesThePublishedSyntheticBasqueCountryThroughTheCommand() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(CASE.resolve("basque.csv")),
                "未找到一致性测试数据 " + CASE + "（shared/conformance 不在项目旁），跳过 Basque 一致性测试");
        Path spec = Path.of(getClass().getResource("basque.yaml").toURI());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var line = SynthCommand.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int status = line.execute("--panel", CASE.resolve("basque.csv").toString(), "--spec", spec.toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Cataluna", "空间安慰剂 p 值", "后/前 RMSPE 比");

        // the same estimate, read back as numbers (the command prints them rounded)
        SynthSpec s = SpecYaml.read(spec);
        Panel panel = PanelCsv.read(CASE.resolve("basque.csv"), s.unitColumn(), s.timeColumn(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(s.outcome()),
                        s.predictors().stream().map(Predictor::variable)).distinct().toList());
        SynthFit fit = SyntheticControl.fit(panel, s);
        System.out.println(out);
        assertThat(fit.weightOf("Cataluna")).isCloseTo(0.851, within(0.025));
        assertThat(fit.weightOf("Madrid (Comunidad De)")).isCloseTo(0.149, within(0.025));
        double others = 1 - fit.weightOf("Cataluna") - fit.weightOf("Madrid (Comunidad De)");
        assertThat(others).isLessThan(0.025);
        assertThat(fit.averageEffect(1975, 1997)).isCloseTo(-0.6996, within(0.025 * 0.6996));
        assertThat(out.toString()).containsPattern("Cataluna\\s+0\\.8[2-7]");
    }
}
