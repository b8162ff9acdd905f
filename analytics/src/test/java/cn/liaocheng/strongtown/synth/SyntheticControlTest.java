package cn.liaocheng.strongtown.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SyntheticControlTest {

    static final int FIRST = 2010;
    static final int TREATED_FROM = 2020;
    static final int LAST = 2025;

    /**
     * A factor-model panel: y = trend + loadings·factors + noise; the treated unit's loadings are a mix of
     * three donors' (so a synthetic control exists), and {@code uplift} is added to it from 2020 on.
     */
    static Panel generated(long seed, int donors, double uplift) {
        Random random = new Random(seed);
        int years = LAST - FIRST + 1;
        double[][] factors = new double[2][years];
        for (int f = 0; f < 2; f++) {
            double level = 0;
            for (int t = 0; t < years; t++) {
                level += random.nextGaussian();
                factors[f][t] = level;
            }
        }
        Panel.Builder panel = new Panel.Builder();
        double[][] loadings = new double[donors + 1][2];
        for (int u = 1; u <= donors; u++) {
            loadings[u] = new double[] {random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2};
        }
        loadings[0] = new double[] {0.5 * loadings[1][0] + 0.3 * loadings[2][0] + 0.2 * loadings[3][0],
                0.5 * loadings[1][1] + 0.3 * loadings[2][1] + 0.2 * loadings[3][1]};
        for (int u = 0; u <= donors; u++) {
            String unit = u == 0 ? "T" : "D" + u;
            for (int t = 0; t < years; t++) {
                int year = FIRST + t;
                double y = 50 + 0.8 * t + loadings[u][0] * factors[0][t] + loadings[u][1] * factors[1][t]
                        + 0.3 * random.nextGaussian();
                if (u == 0 && year >= TREATED_FROM) {
                    y += uplift;
                }
                panel.put(unit, year, "y", y);
                panel.put(unit, year, "x", loadings[u][0] + 0.1 * random.nextGaussian());
            }
        }
        return panel.build();
    }

    static SynthSpec spec(String treated) {
        return new SynthSpec("unit", "year", "y", treated, TREATED_FROM, List.of(),
                List.of(new Predictor("y", List.of(2010, 2011, 2012, 2013), Predictor.Aggregation.MEAN),
                        new Predictor("y", List.of(2014, 2015, 2016), Predictor.Aggregation.MEAN),
                        new Predictor("y", List.of(2017, 2018, 2019), Predictor.Aggregation.MEAN),
                        new Predictor("x", List.of(2015, 2016, 2017, 2018, 2019), Predictor.Aggregation.MEAN)),
                List.of(2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019), true, 2017, 600);
    }

    @Test
    void findsAPlantedUpliftWithASmallPlaceboPValue() {
        SynthAnalysis analysis = SynthAnalysis.run(generated(7, 24, 5.0), spec("T"));
        SynthFit fit = analysis.fit();
        assertThat(fit.averageEffect(TREATED_FROM, LAST)).isCloseTo(5.0, within(1.0));
        assertThat(Arrays.stream(fit.weights()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(Arrays.stream(fit.weights()).min().getAsDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(Arrays.stream(fit.predictorWeights()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(analysis.placebos()).hasSize(24);
        assertThat(analysis.placeboPValue()).isLessThanOrEqualTo(0.1);
        assertThat(fit.rmspeRatio()).isGreaterThan(3);
        // in-time placebo (fake treatment 2017): no effect before the real treatment
        assertThat(Math.abs(analysis.inTimePlacebo().averageEffect(2017, 2019))).isLessThan(1.0);
    }

    @Test
    void placeboPValuesAreMostlyNotSignificantWithoutAnUplift() {
        int significant = 0;
        int runs = 10;
        for (long seed = 100; seed < 100 + runs; seed++) {
            SynthAnalysis analysis = SynthAnalysis.run(generated(seed, 19, 0.0), spec("T"));
            if (analysis.placeboPValue() <= 0.05) {
                significant++;
            }
        }
        assertThat(significant).as("runs with p ≤ 0.05 out of %d", runs).isLessThanOrEqualTo(2);
    }

    @Test
    void activeSetWeightsAgreeWithOjAlgosQuadraticProgramme() {
        Random random = new Random(3);
        for (int run = 0; run < 50; run++) {
            int k = 2 + random.nextInt(6);
            int donors = 3 + random.nextInt(60);
            double[] x1 = new double[k];
            double[][] x0 = new double[k][donors];
            double[] v = new double[k];
            for (int p = 0; p < k; p++) {
                x1[p] = random.nextGaussian();
                v[p] = random.nextDouble();
                for (int d = 0; d < donors; d++) {
                    x0[p][d] = random.nextGaussian();
                }
            }
            double[] fast = DonorWeights.ActiveSet.solve(x1, x0, v);
            double[] reference = DonorWeights.solveQp(x1, x0, v);
            assertThat(fast).isNotNull();
            assertThat(Arrays.stream(fast).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(Arrays.stream(fast).min().getAsDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(loss(x1, x0, v, fast)).isCloseTo(loss(x1, x0, v, reference), within(1e-6));
            assertThat(loss(x1, x0, v, fast)).isLessThanOrEqualTo(loss(x1, x0, v, reference) + 1e-9);
        }
    }

    private static double loss(double[] x1, double[][] x0, double[] v, double[] w) {
        double loss = 0;
        for (int p = 0; p < x1.length; p++) {
            double s = 0;
            for (int d = 0; d < w.length; d++) {
                s += x0[p][d] * w[d];
            }
            loss += v[p] * (x1[p] - s) * (x1[p] - s);
        }
        return loss;
    }

    @Test
    void warnsAboutFewPreYearsAndATreatedUnitOutsideTheDonorsRange() {
        Panel.Builder b = new Panel.Builder();
        for (int year = 2020; year <= 2025; year++) {
            b.put("T", year, "y", 100 + year - 2020);
            for (int d = 1; d <= 5; d++) {
                b.put("D" + d, year, "y", 10 * d + year - 2020);
            }
        }
        SynthSpec spec = new SynthSpec("unit", "year", "y", "T", 2023, List.of(),
                List.of(new Predictor("y", List.of(2020, 2021, 2022), Predictor.Aggregation.MEAN)),
                List.of(2020, 2021, 2022), true, null, 200);
        SynthAnalysis analysis = SynthAnalysis.run(b.build(), spec);
        assertThat(analysis.warnings()).contains(SynthAnalysis.Warning.FEW_PRE_PERIODS,
                SynthAnalysis.Warning.OUTSIDE_DONOR_RANGE, SynthAnalysis.Warning.POOR_PRE_FIT);
    }

    @Test
    void badInputIsReportedInChineseWithRowAndColumn() throws Exception {
        String csv = "unit,year,y\nA,2020,1\nB,二〇二〇,2\n";
        assertThatThrownBy(() -> PanelCsv.read(new StringReader(csv), "p.csv", "unit", "year", List.of("y")))
                .isInstanceOf(SynthInputException.class).hasMessageContaining("第 3 行").hasMessageContaining("year");
        String csv2 = "unit,year,y\nA,2020,abc\n";
        assertThatThrownBy(() -> PanelCsv.read(new StringReader(csv2), "p.csv", "unit", "year", List.of("y")))
                .hasMessageContaining("第 2 行").hasMessageContaining("不是数字");
        assertThatThrownBy(() -> PanelCsv.read(new StringReader(csv2), "p.csv", "unit", "year", List.of("z")))
                .hasMessageContaining("缺少列“z”");
        String yaml = "unit: u\ntime: t\noutcome: y\ntreated: A\ntreatment_time: 2020\npredictors: []\nfit: {from: 2019, to: 2010}\n";
        assertThatThrownBy(() -> SpecYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "s.yaml"))
                .isInstanceOf(SynthInputException.class).hasMessageContaining("早于");
        String unknown = "unit: u\ncolour: red\n";
        assertThatThrownBy(() -> SpecYaml.read(new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8)), "s.yaml"))
                .hasMessageContaining("未知的键“colour”");
    }

    @Test
    void theCommandPrintsAChineseMessageAndNoStackTraceOnBadInput() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("synth");
        java.nio.file.Path panel = dir.resolve("p.csv");
        java.nio.file.Files.writeString(panel, "unit,year,y\nA,2020,1\n");
        java.nio.file.Path spec = dir.resolve("s.yaml");
        java.nio.file.Files.writeString(spec, "unit: unit\ntime: year\noutcome: y\ntreated: Z\ntreatment_time: 2021\n"
                + "predictors: [{variable: y, times: [2020]}]\nfit: {times: [2020]}\n");
        java.io.StringWriter err = new java.io.StringWriter();
        var line = SynthCommand.commandLine();
        line.setErr(new java.io.PrintWriter(err));
        line.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(line.execute("--panel", panel.toString(), "--spec", spec.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("没有处理单位“Z”").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(line.execute("--panel", dir.resolve("missing.csv").toString(), "--spec", spec.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("找不到面板文件");
        assertThat(line.execute("--spec", spec.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("缺少必需的选项 --panel").doesNotContain("Missing");
        assertThat(line.execute("--panel", panel.toString(), "--spec", spec.toString(), "--colour")).isEqualTo(2);
        assertThat(err.toString()).contains("无法识别的参数 --colour").doesNotContain("Unknown option");
    }
}
