package cn.liaocheng.strongtown.dashboard.report;

import java.util.List;
import java.util.Optional;

/**
 * A whole report as blocks, with the file name stem for downloads.
 *
 * @param fileStem e.g. {@code 典型经验材料-东昌府区某镇-2025}, without extension
 */
public record ReportDocument(String fileStem, List<ReportBlock> blocks) {

    public ReportDocument {
        blocks = List.copyOf(blocks);
    }

    public String title() {
        return blocks.stream().filter(ReportBlock.Title.class::isInstance).map(b -> ((ReportBlock.Title) b).main())
                .findFirst().orElse("");
    }

    public List<ReportChart> charts() {
        return blocks.stream().filter(ReportBlock.Chart.class::isInstance).map(b -> ((ReportBlock.Chart) b).chart())
                .toList();
    }

    public Optional<ReportChart> chart(String id) {
        return charts().stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
