package cn.liaocheng.strongtown.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaGuardTest {

    @Test
    void flagsTheSixFormulaStartersOnly() {
        for (String bad : new String[] {"=A1", "+1", "-1", "@x", "\tx", "\rx"}) {
            assertThat(FormulaGuard.dangerous(bad)).as(bad).isTrue();
            assertThat(FormulaGuard.neutralised(bad)).isEqualTo("'" + bad);
        }
        for (String fine : new String[] {"", "古楼街道", "a=b", " =x", "'=x", "1-2"}) {
            assertThat(FormulaGuard.dangerous(fine)).as(fine).isFalse();
            assertThat(FormulaGuard.neutralised(fine)).isEqualTo(fine);
        }
        assertThat(FormulaGuard.dangerous(null)).isFalse();
    }
}
