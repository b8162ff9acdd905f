package cn.liaocheng.strongtown.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.html.Span;

class RankChangeTest {

    @Test
    void risesAreRedAndFallsAreGreen() {
        Span rise = RankChange.of(3);
        assertThat(rise.getText()).isEqualTo("▲3");
        assertThat(rise.getStyle().get("color")).isEqualTo(RankChange.RISE_RED);
        Span fall = RankChange.of(-2);
        assertThat(fall.getText()).isEqualTo("▼2");
        assertThat(fall.getStyle().get("color")).isEqualTo(RankChange.FALL_GREEN);
    }

    @Test
    void noChangeOrNoPreviousYearIsADash() {
        assertThat(RankChange.of(0).getText()).isEqualTo("—");
        assertThat(RankChange.of(null).getText()).isEqualTo("—");
    }
}
