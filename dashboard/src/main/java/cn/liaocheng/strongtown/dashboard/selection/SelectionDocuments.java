package cn.liaocheng.strongtown.dashboard.selection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.export.ExportFile;
import cn.liaocheng.strongtown.dashboard.export.ExportTable;
import cn.liaocheng.strongtown.dashboard.export.XlsxExport;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;

/**
 * Documents of a round: the county's recommendation summary (推荐汇总表, .xlsx), and for publishing the
 * 公示 notice with its list (.docx in the GB/T 9704 layout) and the list alone (.xlsx). The official
 * documents are in Chinese whatever the screen language; spreadsheets go through {@link XlsxExport}
 * (and so {@code FormulaGuard}).
 */
@Service
public class SelectionDocuments {

    /** GB/T 9704-2012: A4 and margins top 37, bottom 35, left 28, right 26 mm (in twentieths of a point). */
    static final long A4_WIDTH = 11906;
    static final long A4_HEIGHT = 16838;
    static final long MARGIN_TOP = mm(37);
    static final long MARGIN_BOTTOM = mm(35);
    static final long MARGIN_LEFT = mm(28);
    static final long MARGIN_RIGHT = mm(26);
    /** 2号 = 22 pt, 3号 = 16 pt. */
    static final int TITLE_POINTS = 22;
    static final int BODY_POINTS = 16;
    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    /** 22 lines on the type area of 225 mm: a fixed line pitch of 28.95 pt ≈ 579 twentieths. */
    static final int LINE_PITCH = 579;
    private static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Set<ApplicationState> ON_NOTICE = Set.of(ApplicationState.IN_PUBLIC_NOTICE,
            ApplicationState.DESIGNATED, ApplicationState.REVOKED);

    private final SelectionSupport support;
    private final SelectionRepository repository;
    private final ResultService results;
    private final CountyScope scope;

    public SelectionDocuments(SelectionSupport support, ResultService results, CountyScope scope) {
        this.support = support;
        this.repository = support.repository;
        this.results = results;
        this.scope = scope;
    }

    private static long mm(double millimetres) {
        return Math.round(millimetres / 25.4 * 1440);
    }

    /** The county's applications in order of recommendation, with their state (county staff: their own county). */
    @PreAuthorize(SelectionAccess.APPLICANTS)
    public Download recommendationSummary(long roundId, Locale locale) {
        String county = scope.restrict(null);
        return support.tx(c -> {
            Round round = support.round(c, roundId);
            List<List<Object>> rows = new ArrayList<>();
            for (Application a : repository.applications(c, roundId, county)) {
                rows.add(List.of(a.countyName(), a.priority(), a.townName(), a.townCode(), state(a.state())));
            }
            byte[] xlsx = XlsxExport.write(new ExportTable("推荐汇总表", List.of("县（市、区）", "推荐顺序", "镇（乡、街道）",
                    "区划代码", "状态"), rows, List.of(round.year() + "年度民营经济高质量发展强镇申报推荐汇总表")));
            return new Download(round.year() + "年度强镇推荐汇总表.xlsx", ExportFile.XLSX, xlsx);
        });
    }

    private static String state(ApplicationState s) {
        return switch (s) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "已推荐";
            case RETURNED -> "已退回";
            case ACCEPTED -> "形式审查通过";
            case UNDER_REVIEW -> "专家评审中";
            case SCORED -> "评审完成";
            case PROPOSED -> "拟命名";
            case NOT_SELECTED -> "未入选";
            case IN_PUBLIC_NOTICE -> "公示中";
            case DESIGNATED -> "正式命名";
            case REMOVED -> "取消（异议成立）";
            case DISQUALIFIED -> "不符合条件";
            case WITHDRAWN -> "已撤回";
            case REVOKED -> "摘牌";
        };
    }

    private record Listed(String county, String town, Double combined) {
    }

    private List<Listed> listed(Round round) {
        return support.tx(c -> results.results(c, round)).stream()
                .filter(r -> ON_NOTICE.contains(r.application().state()))
                .map(r -> new Listed(r.application().countyName(), r.application().townName(), r.combined())).toList();
    }

    private Round noticedRound(long roundId) {
        Round round = support.tx(c -> support.round(c, roundId));
        if (round.noticeStart() == null) {
            throw new SelectionException("selection.error.noNotice");
        }
        return round;
    }

    /** The list in the notice as a spreadsheet. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Download noticeList(long roundId) {
        Round round = noticedRound(roundId);
        List<List<Object>> rows = new ArrayList<>();
        int i = 1;
        for (Listed l : listed(round)) {
            rows.add(List.of(i++, l.county(), l.town()));
        }
        byte[] xlsx = XlsxExport.write(new ExportTable("公示名单", List.of("序号", "县（市、区）", "镇（乡、街道办事处）"), rows,
                List.of(title(round), "公示期：" + CN_DATE.format(round.noticeStart()) + "至" + CN_DATE.format(round.noticeEnd()))));
        return new Download(round.year() + "年度强镇拟命名名单.xlsx", ExportFile.XLSX, xlsx);
    }

    static String title(Round round) {
        return "关于" + round.year() + "年度全市民营经济高质量发展强镇（乡、街道办事处）拟命名名单的公示";
    }

    /** The 公示 notice with the list, as a .docx in the GB/T 9704 layout (fonts named, not embedded). */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Download noticeDocument(long roundId) {
        Round round = noticedRound(roundId);
        List<Listed> list = listed(round);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(LINE_PITCH);
            text(title, title(round), TITLE_FONT, TITLE_POINTS, false);
            LocalDate start = round.noticeStart();
            LocalDate end = round.noticeEnd();
            body(doc, "根据《聊城市民营经济高质量发展强镇建设方案》，经镇（乡、街道办事处）自愿申报、县（市、区）推荐、"
                    + "市促进非公有制经济发展工作领导小组办公室形式审查，以及材料复审、实地查看、竞争答辩等程序，拟命名以下"
                    + list.size() + "个镇（乡、街道办事处）为" + round.year()
                    + "年度全市民营经济高质量发展强镇（乡、街道办事处），现予以公示。");
            body(doc, "公示时间：" + CN_DATE.format(start) + "至" + CN_DATE.format(end) + "（"
                    + round.settings().noticeWorkingDays() + "个工作日）。");
            body(doc, "公示期间，对名单如有异议，请以书面形式向市促进非公有制经济发展工作领导小组办公室反映。反映情况应实事求是，"
                    + "以单位名义反映的须加盖公章，以个人名义反映的须署真实姓名并提供联系方式；匿名或逾期反映的不予受理。");
            XWPFParagraph heading = doc.createParagraph();
            fixedPitch(heading);
            heading.setIndentationFirstLine(BODY_POINTS * 20 * 2);
            text(heading, "附：拟命名名单", HEADING_FONT, BODY_POINTS, false);
            XWPFTable table = doc.createTable(list.size() + 1, 3);
            table.setTableAlignment(TableRowAlign.CENTER);
            table.setWidth("100%");
            cell(table.getRow(0).getCell(0), "序号", HEADING_FONT);
            cell(table.getRow(0).getCell(1), "县（市、区）", HEADING_FONT);
            cell(table.getRow(0).getCell(2), "镇（乡、街道办事处）", HEADING_FONT);
            for (int i = 0; i < list.size(); i++) {
                cell(table.getRow(i + 1).getCell(0), String.valueOf(i + 1), BODY_FONT);
                cell(table.getRow(i + 1).getCell(1), list.get(i).county(), BODY_FONT);
                cell(table.getRow(i + 1).getCell(2), list.get(i).town(), BODY_FONT);
            }
            doc.createParagraph();
            XWPFParagraph signer = doc.createParagraph();
            signer.setAlignment(ParagraphAlignment.RIGHT);
            fixedPitch(signer);
            text(signer, "聊城市促进非公有制经济发展工作领导小组办公室", BODY_FONT, BODY_POINTS, false);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            date.setIndentationRight(BODY_POINTS * 20 * 4);
            fixedPitch(date);
            text(date, CN_DATE.format(start), BODY_FONT, BODY_POINTS, false);
            doc.write(out);
            return new Download(round.year() + "年度强镇拟命名名单公示.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    }

    private static void fixedPitch(XWPFParagraph p) {
        p.setSpacingBetween(LINE_PITCH / 20.0, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
    }

    private static void body(XWPFDocument doc, String content) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(BODY_POINTS * 20 * 2);
        fixedPitch(p);
        text(p, content, BODY_FONT, BODY_POINTS, false);
    }

    private static void cell(XWPFTableCell cell, String content, String font) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        text(p, content, font, BODY_POINTS, false);
    }

    /** A run with the font named for every script (East Asian included), so Word and LibreOffice pick it. */
    private static void text(XWPFParagraph p, String content, String font, int points, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(content);
        run.setFontSize(points);
        run.setBold(bold);
        CTRPr pr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
    }
}
