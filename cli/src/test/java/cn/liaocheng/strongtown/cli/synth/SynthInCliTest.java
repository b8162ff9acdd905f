package cn.liaocheng.strongtown.cli.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.cli.ExitCodes;

/** {@code strongtown synth}: the general synthetic-control estimator behind the one command-line tool. */
class SynthInCliTest {

    @TempDir
    Path dir;

    /** Four donors; the treated unit follows A's wiggle before 2018 and is 3 higher after: only A can match it. */
    private Path panel() throws IOException {
        StringBuilder csv = new StringBuilder("unit,year,y\n");
        for (int year = 2008; year <= 2022; year++) {
            double a = 20 + 0.8 * (year - 2008) + 3 * Math.sin(year);
            double b = 20 + 0.5 * (year - 2008);
            double c = 40 + 2 * (year - 2008);
            double d = 5 + 0.1 * (year - 2008) * (year - 2008);
            double t = a + (year >= 2018 ? 3 : 0);
            for (Object[] row : new Object[][] {{"A", a}, {"B", b}, {"C", c}, {"D", d}, {"T", t}}) {
                csv.append(row[0]).append(',').append(year).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", (double) row[1])).append('\n');
            }
        }
        return Files.writeString(dir.resolve("panel.csv"), csv);
    }

    private Path spec(String treated) throws IOException {
        return Files.writeString(dir.resolve("spec.yaml"), "unit: unit\ntime: year\noutcome: y\ntreated: " + treated
                + "\ntreatment_time: 2018\npredictors: [{variable: y, times: [2010, 2013, 2016]}]\n"
                + "fit: {times: [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017]}\n");
    }

    @Test
    void estimatesWeightsAndEffectThroughStrongtown() throws IOException {
        CliRun run = CliRun.run("synth", "--panel", panel().toString(), "--spec", spec("T").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("\\n  A\\s+(0\\.9[5-9]|1\\.0)\\d*");
    }

    @Test
    void badInputIsOneChineseLineAndExitCodeTwo() throws IOException {
        CliRun run = CliRun.run("synth", "--panel", panel().toString(), "--spec", spec("Z").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        CliRun missing = CliRun.run("synth", "--spec", spec("T").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.oneChineseErrorLine()).as(missing.err()).isTrue();
    }
}
