package cn.liaocheng.strongtown.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.dashboard.i18n.Formats;

class SparklineTest {

    @Test
    void sparklinesRiseRedFallGreenAndSkipGaps() {
        String rising = Sparkline.svg(Arrays.asList(1.0, null, 3.0));
        assertThat(rising).contains("stroke=\"" + Formats.RISE_RED + "\"").contains("points=\"2.0,22.0 94.0,2.0\"");
        assertThat(Sparkline.svg(List.of(3.0, 1.0))).contains(Formats.FALL_GREEN);
        assertThat(Sparkline.svg(List.of(3.0))).contains("points=\"\"");
    }
}
