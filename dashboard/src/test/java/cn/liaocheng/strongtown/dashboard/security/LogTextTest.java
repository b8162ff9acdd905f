package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersBecomeVisibleEscapes() {
        assertThat(LogText.safe("eve\r\nINFO forged\u0000\u2028x")).isEqualTo("eve\\u000d\\u000aINFO forged\\u0000\\u2028x");
        assertThat(LogText.safe("张三 (zhang.san)")).isEqualTo("张三 (zhang.san)");
        assertThat(LogText.safe(null)).isNull();
    }

    @Test
    void longTextIsCut() {
        assertThat(LogText.safe("长".repeat(5000))).hasSize(LogText.MAX_LENGTH + 1).endsWith("…");
    }
}
