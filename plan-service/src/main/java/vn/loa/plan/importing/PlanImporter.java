package vn.loa.plan.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.Quota;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.importing.DocxBlocks.Block;
import vn.loa.plan.importing.DocxBlocks.Paragraph;
import vn.loa.plan.importing.DocxBlocks.Table;
import vn.loa.plan.plan.Duty;
import vn.loa.plan.plan.ImportNote;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.PlanRules;
import vn.loa.plan.plan.Section;
import vn.loa.plan.wording.Reading;
import vn.loa.platform.problem.InvalidInput;

/**
 * Reads a plan from its Word file (.docx): the document's fields as far as its layout allows, the annex tables as
 * tasks (quotas and due dates read from their Vietnamese wording), the quotas written in the duties as plan-level
 * tasks after them ({@link DutyQuotaReader}), and a list of what a person should check. The
 * result is a draft: nothing read here is issued without a person looking at it. A file that is not a .docx is
 * refused with a clear message, never a server error.
 */
@Component
public class PlanImporter {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    public ImportedPlan read(byte[] docx) {
        checkFormat(docx);
        List<Block> blocks;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            blocks = DocxBlocks.of(document);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput("file", "Không đọc được tệp: tệp bị hỏng hoặc không phải văn bản Word (.docx).");
        }
        if (blocks.stream().noneMatch(b -> b instanceof Table || !((Paragraph) b).text().isEmpty())) {
            throw new InvalidInput("file", "Văn bản Word không có nội dung.");
        }
        return read(blocks);
    }

    /** A quick look at the first bytes, so that the usual mistakes get their own message. */
    private static void checkFormat(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput("file", "Tệp tải lên rỗng.");
        }
        if (startsWith(bytes, OLE2)) {
            throw new InvalidInput("file", "Tệp ở định dạng Word 97-2003 (.doc) chưa được hỗ trợ: hãy mở bằng Word và "
                    + "lưu lại dưới dạng .docx.");
        }
        if (!startsWith(bytes, ZIP)) {
            throw new InvalidInput("file", "Tệp không phải văn bản Word (.docx).");
        }
    }

    private static ImportedPlan read(List<Block> blocks) {
        PlanTextReader text = new PlanTextReader();
        List<Table> annexes = new ArrayList<>();
        for (Block block : blocks) {
            switch (block) {
                case Paragraph p -> text.line(p.text());
                case Table t when AnnexTableReader.isAnnex(t) -> {
                    text.annexStarts();
                    annexes.add(t);
                }
                // a layout table (header, signature block): its cells read as lines, row by row
                case Table t -> t.rows().forEach(row -> row.forEach(cell -> cell.paragraphs().forEach(text::line)));
            }
        }
        List<ImportNote> notes = new ArrayList<>(text.notes);
        Reading<Period> period = text.period();
        period.problems().forEach(p -> notes.add(new ImportNote("Tên kế hoạch", "period", text.titleText(), p)));
        if (!text.sawTitle()) {
            notes.add(new ImportNote("Phần đầu văn bản", "title", null, "Không đọc được tên kế hoạch: hãy nhập."));
        }
        if (text.number == null && notes.stream().noneMatch(n -> "number".equals(n.field()))) {
            notes.add(new ImportNote("Phần đầu văn bản", "number", null,
                    "Không thấy số ký hiệu (Số: …/KH-UBND): hãy nhập trước khi ban hành."));
        }
        if (text.issuedOn == null && notes.stream().noneMatch(n -> "issuedOn".equals(n.field()))) {
            notes.add(new ImportNote("Phần đầu văn bản", "issuedOn", null,
                    "Không thấy ngày ban hành (…, ngày … tháng … năm …): hãy nhập trước khi ban hành."));
        }

        List<TaskDetails> tasks = new ArrayList<>();
        AnnexTableReader annexReader = new AnnexTableReader();
        for (Table annex : annexes) {
            AnnexTableReader.Result result = annexReader.read(annex, tasks.size(), period.value());
            tasks.addAll(result.tasks());
            notes.addAll(result.notes());
        }
        if (annexes.isEmpty()) {
            notes.add(new ImportNote("Phụ lục", "tasks", null, "Không thấy bảng danh mục nhiệm vụ (cột \"Nhiệm vụ\" và "
                    + "\"Cơ quan chủ trì\"): hãy thêm các nhiệm vụ."));
        }
        // quotas written in the duties ("Tổ chức thực hiện") and not in the annex: plan-level tasks, each with a note;
        // an annex with a "Chỉ tiêu" column (Loa's own export) states every quota of the plan there already
        if (annexes.stream().noneMatch(AnnexTableReader::hasQuotaColumn)) {
            tasks.addAll(new DutyQuotaReader().read(text.dutyList(), tasks, notes));
        }
        if (tasks.size() > PlanRules.MAX_TASKS) {
            notes.add(new ImportNote("Phụ lục", "tasks", null, "Bảng có " + tasks.size() + " nhiệm vụ, chỉ lấy "
                    + PlanRules.MAX_TASKS + " nhiệm vụ đầu."));
            tasks = new ArrayList<>(tasks.subList(0, PlanRules.MAX_TASKS));
        }
        Clip clip = new Clip(notes);
        PlanContent content = new PlanContent(
                clip.text("number", text.number, PlanRules.NUMBER),
                clip.text("title", text.titleText(), PlanRules.TITLE),
                clip.text("place", text.place, PlanRules.SHORT),
                text.issuedOn,
                period.value(),
                clip.items("basis", text.basis),
                clip.items("purposes", text.purposes),
                clip.items("requirements", text.requirements),
                clip.items("targets", text.targets),
                clip.items("themes", text.themes),
                clip.items("forms", text.forms),
                clip.text("budget", text.budget.isEmpty() ? null : String.join("\n", text.budget), PlanRules.ITEM),
                text.dutyList().stream().map(d -> new Duty(clip.text("duties", d.unit(),
                        PlanRules.SHORT), clip.items("duties", d.items()))).toList(),
                text.recipients.stream().map(r -> clip.text("recipients", r, PlanRules.SHORT)).toList(),
                text.signerBlock(),
                text.sectionList().stream().limit(PlanRules.LIST).map(s -> new Section(
                        clip.text("otherSections", s.heading(), PlanRules.SHORT),
                        clip.items("otherSections", s.items()))).toList(),
                clip.text("closing", text.closing.isEmpty() ? null : String.join("\n", text.closing), PlanRules.ITEM),
                clip.text("annexTitle", text.annexTitle.isEmpty() ? null : String.join("\n", text.annexTitle),
                        PlanRules.TASK_TITLE));
        if (content.title() == null) {
            content = withTitle(content, "Kế hoạch (chưa đọc được tên)");
        }
        List<TaskDetails> fitted = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            String prefix = "tasks[" + i + "].";
            fitted.add(fit(prefix, i + 1, clip.task(prefix, tasks.get(i)), content.period(), notes));
        }
        return new ImportedPlan(content, fitted, notes);
    }

    /**
     * Makes a task a valid draft task: a quota or due date outside the plan period is dropped (and noted) rather
     * than failing the whole import; a task without a name gets a placeholder the user will see.
     */
    private static TaskDetails fit(String prefix, int order, TaskDetails t, Period period, List<ImportNote> notes) {
        String where = "Phụ lục, nhiệm vụ " + order;
        String title = t.title() != null ? t.title() : "Nhiệm vụ " + order + " (chưa đọc được tên)";
        Quota quota = t.quota();
        Due due = t.due();
        for (var problem : new PlanRules().details(t, period, prefix)) {
            if (problem.field().startsWith(prefix + "quota") && quota != null) {
                notes.add(new ImportNote(where, prefix + "quota", null, problem.message() + " Chưa đặt chỉ tiêu."));
                quota = null;
            } else if (problem.field().equals(prefix + "due.date") && due != null && due.date() != null) {
                notes.add(new ImportNote(where, prefix + "due", due.text(), problem.message() + " Chưa đặt hạn."));
                due = new Due(null, due.text());
            }
        }
        return new TaskDetails(title, t.description(), t.leadUnit(), t.coordinatingUnits(), t.productKinds(),
                t.channels(), t.audience(), t.scale(), quota, due);
    }

    private static PlanContent withTitle(PlanContent c, String title) {
        return new PlanContent(c.number(), title, c.place(), c.issuedOn(), c.period(), c.basis(), c.purposes(),
                c.requirements(), c.targets(), c.themes(), c.forms(), c.budget(), c.duties(), c.recipients(),
                c.signer(), c.otherSections(), c.closing(), c.annexTitle());
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Cuts what exceeds the plan's limits, and says so: an import never fails on a long paragraph. */
    private record Clip(List<ImportNote> notes) {

        String text(String field, String value, int max) {
            if (value == null || value.length() <= max) {
                return value;
            }
            notes.add(new ImportNote("Toàn văn bản", field, value.substring(0, 80) + "…", "Đoạn dài " + value.length()
                    + " ký tự, đã cắt còn " + max + " ký tự: hãy kiểm tra."));
            return value.substring(0, max);
        }

        List<String> items(String field, List<String> items) {
            List<String> out = items.stream().map(i -> text(field, i, PlanRules.ITEM)).toList();
            if (out.size() > PlanRules.ITEMS) {
                notes.add(new ImportNote("Toàn văn bản", field, null, "Có " + out.size() + " mục, chỉ lấy "
                        + PlanRules.ITEMS + " mục đầu."));
                return out.subList(0, PlanRules.ITEMS);
            }
            return out;
        }

        TaskDetails task(String prefix, TaskDetails t) {
            return new TaskDetails(text(prefix + "title", t.title(), PlanRules.TASK_TITLE),
                    text(prefix + "description", t.description(), PlanRules.DESCRIPTION),
                    text(prefix + "leadUnit", t.leadUnit(), PlanRules.SHORT),
                    t.coordinatingUnits().stream().limit(PlanRules.LIST)
                            .map(u -> text(prefix + "coordinatingUnits", u, PlanRules.SHORT)).toList(),
                    t.productKinds(), t.channels(),
                    text(prefix + "audience", t.audience(), PlanRules.ITEM),
                    text(prefix + "scale", t.scale(), PlanRules.ITEM),
                    t.quota(), t.due() == null || t.due().text() == null || t.due().text().length() <= PlanRules.SHORT
                            ? t.due()
                            : new Due(t.due().date(),
                                    text(prefix + "due.text", t.due().text(), PlanRules.SHORT)));
        }
    }
}
