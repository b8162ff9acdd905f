package cn.liaocheng.strongtown.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A source scan: no string literal with letters may be passed to a user-visible setter or text
 * constructor in the dashboard's code; such text must come from the translation files.
 */
class HardCodedTextTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern VISIBLE = Pattern.compile(
            "(\\.(setText|setLabel|setHeader|setPlaceholder|setHelperText|setTitle|setHeaderTitle|setTooltipText"
                    + "|setEmptySelectionCaption|setAriaLabel|setErrorMessage|setSubmit|setUsername|setPassword"
                    + "|setMessage|setForgotPassword|setAdditionalInformation|show)"
                    + "|new (Span|H1|H2|H3|H4|H5|H6|Paragraph|Button|Div|Anchor|NativeLabel|Text|TextField|PasswordField"
                    + "|Checkbox|ComboBox|Select|Notification|SideNavItem|Tab|Details))"
                    + "\\(\\s*\"([^\"\\\\]|\\\\.)*\\p{L}");

    static List<String> offences(String source) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("//") || line.startsWith("*")) {
                continue;
            }
            if (VISIBLE.matcher(lines[i]).find()) {
                found.add((i + 1) + ": " + line);
            }
        }
        return found;
    }

    @Test
    void theScanCatchesHardCodedText() {
        assertThat(offences("add(new H2(\"乡镇排行榜\"));")).hasSize(1);
        assertThat(offences("button.setText(\"Save\");")).hasSize(1);
        assertThat(offences("Notification.show(\"保存成功\", 3000, Position.MIDDLE);")).hasSize(1);
        assertThat(offences("add(new H2(getTranslation(\"league.title\")));")).isEmpty();
        assertThat(offences("span.setText(\"—\");")).as("symbols are not words").isEmpty();
        assertThat(offences("anchor.add(new Span(\" \" + getTranslation(key)));")).isEmpty();
    }

    @Test
    void noUserVisibleTextIsHardCoded() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String offence : offences(Files.readString(file, StandardCharsets.UTF_8))) {
                    offences.add(SOURCES.relativize(file) + ":" + offence);
                }
            }
        }
        assertThat(offences).isEmpty();
    }
}
