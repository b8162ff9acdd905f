package cn.liaocheng.strongtown.dashboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EventStudyTest {

    @Test
    void recoversAPlantedStepAgainstPeersWithAnIntervalThatExcludesZeroAfterDesignation() {
        Random random = new Random(11);
        Map<String, Map<Integer, Double>> series = new HashMap<>();
        List<String> peers = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            String code = "P" + p;
            peers.add(code);
            Map<Integer, Double> values = new HashMap<>();
            double level = 40 + 10 * random.nextDouble();
            for (int y = 2018; y <= 2025; y++) {
                values.put(y, level + 0.5 * (y - 2018) + 0.3 * random.nextGaussian());
            }
            series.put(code, values);
        }
        Map<Integer, Double> own = new HashMap<>();
        for (int y = 2018; y <= 2025; y++) {
            own.put(y, 45 + 0.5 * (y - 2018) + (y > 2022 ? 4.0 : 0.0) + 0.3 * random.nextGaussian());
        }
        series.put("T", own);
        EventStudy study = EventStudy.of("T", 2022, peers, series, peers);
        assertThat(study.points()).hasSize(8);
        EventStudy.Point reference = study.points().stream().filter(p -> p.relativeYear() == 0).findFirst().orElseThrow();
        assertThat(reference.estimate()).isCloseTo(0.0, within(1e-9));
        for (EventStudy.Point p : study.points()) {
            if (p.relativeYear() > 0) {
                assertThat(p.estimate()).isCloseTo(4.0, within(1.5));
                assertThat(p.low()).isGreaterThan(0);
            } else if (p.relativeYear() < 0) {
                assertThat(p.low()).isLessThan(p.estimate());
                assertThat(Math.abs(p.estimate())).isLessThan(1.5);
            }
        }
    }
}
