package cn.liaocheng.strongtown.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A source scan: no string literal with letters may be passed to a user-visible setter or text constructor in the
 * dashboard's code, nor be the name of a file the user downloads; such text must come from the translation files.
 * The whole file is scanned at once (comments blanked out first), so a call split over lines is seen too.
 */
class HardCodedTextTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** A string literal up to its first letter. */
    private static final String LITERAL_WITH_LETTER = "\"([^\"\\\\\\n]|\\\\.)*\\p{L}";
    /** One argument: anything but a comma or parentheses, or one level of nested parentheses. */
    private static final String ARGUMENT = "(?:[^,()\"]|\"(?:[^\"\\\\\\n]|\\\\.)*\"|\\((?:[^()]|\\([^()]*\\))*\\))*";
    private static final Pattern VISIBLE = Pattern.compile(
            "(\\.(setText|setLabel|setHeader|setPlaceholder|setHelperText|setTitle|setHeaderTitle|setTooltipText"
                    + "|setEmptySelectionCaption|setAriaLabel|setErrorMessage|setSubmit|setUsername|setPassword"
                    + "|setMessage|setForgotPassword|setAdditionalInformation|show)"
                    + "|new (Span|H1|H2|H3|H4|H5|H6|Paragraph|Button|Div|Anchor|NativeLabel|Text|TextField|PasswordField"
                    + "|Checkbox|ComboBox|Select|Notification|SideNavItem|Tab|Details|StreamResource))"
                    + "\\(\\s*" + LITERAL_WITH_LETTER
                    // a download's file name: the second argument of Vaadin's DownloadResponse
                    + "|new DownloadResponse\\(\\s*" + ARGUMENT + ",\\s*" + LITERAL_WITH_LETTER);

    static List<String> offences(String source) {
        String code = withoutComments(source);
        List<String> found = new ArrayList<>();
        Matcher matcher = VISIBLE.matcher(code);
        while (matcher.find()) {
            int line = lineOf(code, matcher.start());
            found.add(line + ": " + source.split("\n", -1)[line - 1].strip());
        }
        return found;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The source with comments replaced by spaces (line breaks kept, so that line numbers stay), strings kept. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, source.length());
                out.append(source, i, j);
                i = j;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (; i < end; i++) {
                    out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
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
    void theScanSeesCallsSplitOverLinesAndDownloadFileNames() {
        assertThat(offences("class A {\n  void a() {\n    Notification.show(\n        \"保存成功\", 3000,\n"
                + "        Position.MIDDLE);\n  }\n}")).containsExactly("3: Notification.show(");
        assertThat(offences("button.setText(\n    \"Save\");")).hasSize(1);
        assertThat(offences("return new DownloadResponse(new ByteArrayInputStream(csv), \"校验报告.csv\", \"text/csv\","
                + " csv.length);")).hasSize(1);
        assertThat(offences("return new DownloadResponse(new ByteArrayInputStream(csv),\n    \"report.csv\","
                + " \"text/csv\", csv.length);")).hasSize(1);
        assertThat(offences("return new DownloadResponse(in, file.fileName(), \"text/csv\", n);"))
                .as("a MIME type is not text").isEmpty();
        assertThat(offences("// button.setText(\"Save\");\n/* new H2(\n \"标题\") */ x = \"// new H2(\\\"y\\\")\";"))
                .as("comments and strings that look like calls").isEmpty();
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
