package vn.loa.report.document;

import vn.loa.platform.time.VnTime;
import vn.loa.report.dashboard.Engagement;
import vn.loa.report.dashboard.Engagements;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.loa.document.Decree30Docx;
import vn.loa.report.dashboard.CommuneDashboard.Count;
import vn.loa.report.document.ReportData.ActivityRow;
import vn.loa.report.document.ReportData.ChannelKind;
import vn.loa.report.document.ReportData.TaskResult;

/**
 * The report's figures as workbooks with Vietnamese headers, one sheet per section: a commune's report, and the
 * province's aggregate of all its communes (one row per commune, then every commune's tasks, channels and
 * activities). Streaming (SXSSF), so a province of hundreds of communes stays small in memory.
 */
public final class XlsxWriter {

    private XlsxWriter() {
    }

    public static byte[] commune(ReportData data) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Styles s = new Styles(wb);
            Sheet summary = sheet(wb, "Tổng hợp", s, "Chỉ tiêu", "Giá trị");
            add(summary, s, "Đơn vị", data.commune().name());
            add(summary, s, "Mã đơn vị", data.commune().code());
            add(summary, s, "Kỳ báo cáo", data.period().label() + " (" + data.period().inWords() + ")");
            add(summary, s, "Thời gian lấy số liệu", data.period().windowInWords());
            add(summary, s, "Số nhiệm vụ", data.totals().tasks());
            add(summary, s, "Số nhiệm vụ có chỉ tiêu trong kỳ", data.totals().tasksWithTarget());
            add(summary, s, "Số nhiệm vụ đạt chỉ tiêu", data.totals().tasksMet());
            add(summary, s, "Số tin, bài đã đăng", data.totals().publications());
            add(summary, s, "Số kênh đã sử dụng", data.totals().channels());
            add(summary, s, "Số hoạt động đã tổ chức", data.totals().activities());
            add(summary, s, "Lượt tiếp cận (xem, nghe, tải, tiếp cận)",
                    data.engagement() == null ? 0 : data.engagement().reached());
            add(summary, s, "Trạng thái báo cáo", data.submissionLabel());
            if (data.addressing() != null) {
                Addressing.Signature sign = data.addressing().signature();
                add(summary, s, "Kính gửi", String.join("; ", data.addressing().addressees()));
                add(summary, s, "Người ký", String.join(" / ", java.util.stream.Stream.of(sign.authority(),
                        sign.delegation(), sign.title(), sign.name()).filter(x -> x != null && !x.isBlank()).toList()));
            }

            Sheet tasks = sheet(wb, "Nhiệm vụ", s, "STT", "Kế hoạch", "Nhiệm vụ", "Đơn vị chủ trì", "Chỉ tiêu",
                    "Chỉ tiêu trong kỳ", "Kết quả", "Đánh giá");
            for (TaskResult t : data.tasks()) {
                add(tasks, s, t.no(), t.planNumber(), t.title(), t.leadUnit(), t.quota(), t.target(), t.achieved(),
                        t.assessment());
            }
            Sheet pubs = sheet(wb, "Tin bài theo kênh", s, "Kênh thông tin", "Loại sản phẩm", "Số lượng");
            for (ChannelKind c : data.publications()) {
                add(pubs, s, c.channelLabel(), c.kindLabel(), c.count());
            }
            add(pubs, s, "Tổng cộng", "", data.totals().publications());
            Sheet activities = sheet(wb, "Hoạt động", s, "STT", "Ngày", "Hoạt động", "Hình thức", "Đơn vị thực hiện");
            int i = 0;
            for (ActivityRow a : data.activities()) {
                add(activities, s, ++i, a.heldOn().format(VnTime.DAY), a.title(), a.kindLabel(), a.unit());
            }
            engagement(wb, s, data.engagement());
            Sheet notes = sheet(wb, "Đánh giá", s, "Mục", "Nội dung");
            add(notes, s, "Kết quả nổi bật", nz(data.notes().highlights()));
            add(notes, s, "Khó khăn, vướng mắc", nz(data.notes().difficulties()));
            add(notes, s, "Đề xuất, kiến nghị", nz(data.notes().proposals()));
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The province's aggregate: every commune of the province, with or without data. */
    public static byte[] province(String provinceName, String periodLabel, String periodWords, String window,
            List<ReportData> communes) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Styles s = new Styles(wb);
            List<String> channels = new ArrayList<>();
            Map<String, String> channelLabels = new LinkedHashMap<>();
            for (ReportData d : communes) {
                for (Count c : d.byChannel()) {
                    if (!channelLabels.containsKey(c.key())) {
                        channelLabels.put(c.key(), c.label());
                        channels.add(c.key());
                    }
                }
            }
            List<String> headers = new ArrayList<>(List.of("STT", "Mã xã", "Tên xã", "Số nhiệm vụ",
                    "Nhiệm vụ có chỉ tiêu", "Nhiệm vụ đạt chỉ tiêu", "Tin, bài đã đăng", "Hoạt động đã tổ chức"));
            channels.forEach(c -> headers.add("Tin, bài: " + channelLabels.get(c)));
            headers.add("Lượt tiếp cận");
            headers.add("Trạng thái báo cáo");
            Sheet summary = sheet(wb, "Tổng hợp theo xã", s, headers.toArray(String[]::new));
            summary.createRow(summary.getLastRowNum() + 1).createCell(0).setCellValue(provinceName + " — kỳ "
                    + periodLabel + " (" + periodWords + "), số liệu " + window);
            long[] totals = new long[6 + channels.size()];
            int i = 0;
            for (ReportData d : communes) {
                List<Object> row = new ArrayList<>(List.of(++i, d.commune().code(), d.commune().name(),
                        d.totals().tasks(), d.totals().tasksWithTarget(), d.totals().tasksMet(),
                        d.totals().publications(), d.totals().activities()));
                totals[0] += d.totals().tasks();
                totals[1] += d.totals().tasksWithTarget();
                totals[2] += d.totals().tasksMet();
                totals[3] += d.totals().publications();
                totals[4] += d.totals().activities();
                for (int c = 0; c < channels.size(); c++) {
                    String key = channels.get(c);
                    long n = d.byChannel().stream().filter(x -> x.key().equals(key)).mapToLong(Count::count).sum();
                    totals[5 + c] += n;
                    row.add(n);
                }
                long reached = d.engagement() == null ? 0 : d.engagement().reached();
                totals[5 + channels.size()] += reached;
                row.add(reached);
                row.add(d.submissionLabel());
                add(summary, s, row.toArray());
            }
            List<Object> total = new ArrayList<>(List.of("", "", "Tổng cộng"));
            for (long t : totals) {
                total.add(t);
            }
            add(summary, s, total.toArray());

            Sheet tasks = sheet(wb, "Nhiệm vụ", s, "Mã xã", "Tên xã", "STT", "Kế hoạch", "Nhiệm vụ",
                    "Đơn vị chủ trì", "Chỉ tiêu trong kỳ", "Kết quả", "Đánh giá");
            for (ReportData d : communes) {
                for (TaskResult t : d.tasks()) {
                    add(tasks, s, d.commune().code(), d.commune().name(), t.no(), t.planNumber(), t.title(),
                            t.leadUnit(), t.target(), t.achieved(), t.assessment());
                }
            }
            Sheet pubs = sheet(wb, "Tin bài theo kênh", s, "Mã xã", "Tên xã", "Kênh thông tin", "Loại sản phẩm",
                    "Số lượng");
            for (ReportData d : communes) {
                for (ChannelKind c : d.publications()) {
                    add(pubs, s, d.commune().code(), d.commune().name(), c.channelLabel(), c.kindLabel(), c.count());
                }
            }
            Sheet activities = sheet(wb, "Hoạt động", s, "Mã xã", "Tên xã", "Ngày", "Hoạt động", "Hình thức",
                    "Đơn vị thực hiện");
            for (ReportData d : communes) {
                for (ActivityRow a : d.activities()) {
                    add(activities, s, d.commune().code(), d.commune().name(), a.heldOn().format(VnTime.DAY),
                            a.title(), a.kindLabel(), a.unit());
                }
            }
            List<String> engagementHeaders = new ArrayList<>(List.of("Mã xã", "Tên xã", "Kênh thông tin"));
            engagementHeaders.addAll(Engagements.LABELS.values());
            engagementHeaders.add("Tổng lượt tiếp cận");
            Sheet engaged = sheet(wb, "Hiệu quả tuyên truyền", s, engagementHeaders.toArray(String[]::new));
            for (ReportData d : communes) {
                if (d.engagement() == null) {
                    continue;
                }
                for (Engagement.ChannelRow c : d.engagement().byChannel()) {
                    List<Object> row = new ArrayList<>(List.of(d.commune().code(), d.commune().name()));
                    row.addAll(figuresRow(c.label(), c.figures(), c.reached()));
                    add(engaged, s, row.toArray());
                }
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** «Hiệu quả tuyên truyền»: one row per channel and the total, then the most-read items. */
    private static void engagement(SXSSFWorkbook wb, Styles s, Engagement e) {
        List<String> headers = new ArrayList<>(List.of("Kênh thông tin"));
        headers.addAll(Engagements.LABELS.values());
        headers.add("Tổng lượt tiếp cận");
        Sheet sheet = sheet(wb, "Hiệu quả tuyên truyền", s, headers.toArray(String[]::new));
        if (e == null) {
            return;
        }
        for (Engagement.ChannelRow c : e.byChannel()) {
            add(sheet, s, figuresRow(c.label(), c.figures(), c.reached()).toArray());
        }
        add(sheet, s, figuresRow("Tổng cộng", e.totals(), e.reached()).toArray());
        if (!e.topItems().isEmpty()) {
            sheet.createRow(sheet.getLastRowNum() + 2).createCell(0).setCellValue(
                    "Tin, bài được quan tâm nhiều nhất");
            for (Engagement.ItemRow r : e.topItems()) {
                add(sheet, s, figuresRow(r.title(), r.figures(), r.reached()).toArray());
            }
        }
    }

    private static List<Object> figuresRow(String first, List<Engagement.Figure> figures, long reached) {
        List<Object> row = new ArrayList<>();
        row.add(first);
        figures.forEach(f -> row.add(f.count()));
        row.add(reached);
        return row;
    }

    private record Styles(CellStyle header) {
        Styles(Workbook wb) {
            this(headerStyle(wb));
        }

        private static CellStyle headerStyle(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName(Decree30Docx.FONT);
            CellStyle style = wb.createCellStyle();
            style.setFont(bold);
            style.setWrapText(true);
            return style;
        }
    }

    private static Sheet sheet(SXSSFWorkbook wb, String name, Styles s, String... headers) {
        SXSSFSheet sheet = wb.createSheet(name);
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.length; c++) {
            var cell = row.createCell(c);
            cell.setCellValue(headers[c]);
            cell.setCellStyle(s.header());
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, headers[c].length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void add(Sheet sheet, Styles s, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int c = 0; c < values.length; c++) {
            var cell = row.createCell(c);
            switch (values[c]) {
                case null -> cell.setCellValue("");
                case Number n -> cell.setCellValue(n.doubleValue());
                default -> cell.setCellValue(values[c].toString());
            }
        }
    }

    private static byte[] bytes(SXSSFWorkbook wb) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
