package cn.liaocheng.strongtown.dashboard.report;

/**
 * One block of a report, in reading order. The .docx writer and the browser preview render the same
 * blocks, so the preview shows what the download contains.
 */
public sealed interface ReportBlock {

    /** The two-line title: main title and subtitle (subtitle may be empty). */
    record Title(String main, String subtitle) implements ReportBlock {
    }

    /** A heading: level 1 (一、 黑体) or level 2 ((一) 楷体). */
    record Heading(int level, String text) implements ReportBlock {
    }

    /** Body text; {@code narrativeKey} names the editable narrative it shows, null for generated text. */
    record Text(String text, String narrativeKey) implements ReportBlock {
    }

    /**
     * A generated figure with its source.
     *
     * @param value the number quoted (raw, in the snapshot's unit), null for wording without one
     */
    record Figure(String text, Double value, ReportSource source) implements ReportBlock {
    }

    /** A simple table: header row and rows. */
    record Table(java.util.List<String> header, java.util.List<java.util.List<String>> rows) implements ReportBlock {
        public Table {
            header = java.util.List.copyOf(header);
            rows = rows.stream().map(java.util.List::copyOf).toList();
        }
    }

    /** A native chart. */
    record Chart(ReportChart chart) implements ReportBlock {
    }

    /** A remark in smaller type (data notes, the synthetic-data statement). */
    record Note(String text) implements ReportBlock {
    }
}
