package cn.liaocheng.strongtown.dashboard.collection;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.reading.WorkbookReader;
import cn.liaocheng.strongtown.collection.declaration.TemplateWriter;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Writes the year's declaration template and reads it back once, in the background at start, so that the first
 * upload of a workbook does not pay for Apache POI's and XMLBeans' class loading and initialisation: in the soak
 * (R3, Run 4) the first upload's POST took 4.4–5.0 s against a median of 1.2 s, and a profile put the difference in
 * {@code XSSFRelation.<clinit>}, {@code SchemaTypeImpl} and the first {@code WorkbookReader.read}. Nothing is
 * written anywhere; the workbook only lives in memory.
 */
@Component
class WorkbookWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbookWarmUp.class);

    private final TemplateWriter templates;

    WorkbookWarmUp(TownRegistry towns, CatalogRepository catalogs) {
        this.templates = new TemplateWriter(towns, catalogs);
    }

    /** At the lowest priority, so that it yields to the first start's lake preparation and to requests. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpInBackground() {
        Thread thread = new Thread(this::warmUp, "workbook-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Writes last year's whole-city template and reads it as an upload would be; true when it read back whole. */
    boolean warmUp() {
        long start = System.nanoTime();
        try {
            byte[] workbook = templates.write(CollectionService.lastYear(), null);
            WorkbookReader.Read read = WorkbookReader.read(workbook);
            LOG.info("Excel 读写组件已预热（{} ms），首次上传无需再加载", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return read.table() != null && read.stamp() != null;
        } catch (RuntimeException e) {
            // only the first upload's speed depends on it
            LOG.warn("Excel 读写组件预热未完成，首次上传会慢一些：{}", e.getMessage());
            return false;
        }
    }
}
