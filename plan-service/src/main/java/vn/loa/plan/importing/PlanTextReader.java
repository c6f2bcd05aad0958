package vn.loa.plan.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.plan.Duty;
import vn.loa.plan.plan.ImportNote;
import vn.loa.plan.plan.Section;
import vn.loa.plan.plan.Signer;
import vn.loa.plan.wording.HeaderReader;
import vn.loa.plan.wording.Reading;
import vn.loa.plan.wording.Words;

/**
 * Reads the body of a plan line by line, in the order of Decree 30/2020's layout: the header (number, place and
 * date), "KẾ HOẠCH" and the title, the basis ("Thực hiện …", "Căn cứ …"), the sections I, II, III… with their
 * numbered parts, the closing "Trên đây là …", "Nơi nhận:" and the signature block, then the annex heading.
 * Sections are recognised by their words ("Mục đích", "Chỉ tiêu cụ thể", "Hình thức", "Kinh phí", "Tổ chức thực
 * hiện"), not by their numbers, which differ from plan to plan. A section it does not know is kept as it is.
 */
final class PlanTextReader {

    private enum Part { HEAD, TITLE, BASIS, BODY, CLOSING, RECIPIENTS, SIGNER, AFTER_SIGNER }

    private enum Target { PURPOSES, REQUIREMENTS, TARGETS, THEMES, FORMS, BUDGET, DUTIES, OTHER }

    /** "II. NỘI DUNG"; OCR reads "II." as "I1." or "I11.", hence the digits after the first numeral. */
    private static final Pattern ROMAN = Pattern.compile("^([IVX][IVX1l]{0,3})\\s*[.:\\-]\\s*(\\S.*)$");
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,2})\\s*[.)]\\s*(\\S.*)$");
    private static final Pattern MARKER = Pattern.compile("^[a-zđ]\\)\\s");
    private static final Pattern SIGNER_LINE = Pattern.compile("^(tm|kt|q|tl|tuq)\\s*\\.\\s*\\S");
    private static final Pattern BASIS_START = Pattern.compile("^(th[uy]c hien|can cu|theo|trien khai)\\b");
    private static final Pattern CLOSING = Pattern.compile("^tren day [l1]a\\b");
    private static final Pattern RECIPIENTS = Pattern.compile("^noi nh[a-z]n\\b");
    /** The signature's words at the end of a recipients line: "…; KT.CHU TICH", "…; PHÓ CHỦ TỊCH". */
    private static final Pattern SIGNER_TAIL = Pattern.compile(
            "[;,]\\s*((?:tm|kt)\\s*\\.\\s*\\S.*|(?:pho\\s+)?chu\\s+tich)\\s*$");

    /** "Phụ lục I", "PHỤ LỤC 1": the annex begins. */
    private static final Pattern ANNEX = Pattern.compile("^phu luc\\s*(?:[ivx0-9]+\\b|$)");
    /** A signature block with no "TM."/"KT." line: it starts with the title ("CHỦ TỊCH"). */
    private static final Pattern CHAIR = Pattern.compile("^(?:pho\\s+)?chu\\s+tich$");

    private final HeaderReader header = new HeaderReader();

    // what has been read so far
    String number;
    String place;
    LocalDate issuedOn;
    final List<String> title = new ArrayList<>();
    final List<String> basis = new ArrayList<>();
    final List<String> purposes = new ArrayList<>();
    final List<String> requirements = new ArrayList<>();
    final List<String> targets = new ArrayList<>();
    final List<String> themes = new ArrayList<>();
    final List<String> forms = new ArrayList<>();
    final List<String> budget = new ArrayList<>();
    /** Headings with the items under them, still growing while reading. */
    record Heading(String name, List<String> items) {
    }

    final List<Heading> duties = new ArrayList<>();
    final List<String> recipients = new ArrayList<>();
    final List<Heading> otherSections = new ArrayList<>();
    final List<String> closing = new ArrayList<>();
    final List<String> annexTitle = new ArrayList<>();
    String authority;
    String delegation;
    String signerTitle;
    String signerName;
    final List<ImportNote> notes = new ArrayList<>();

    private Part part = Part.HEAD;
    private Target target = Target.PURPOSES;
    private List<String> items = purposes;
    private boolean sawKeHoach;

    void line(String raw) {
        String line = Words.squeeze(raw);
        if (line.isEmpty()) {
            return;
        }
        String f = Words.fold(line);
        if ((part == Part.RECIPIENTS || part == Part.SIGNER) && ANNEX.matcher(f).find()) {
            part = Part.AFTER_SIGNER; // an annex heading after the recipients, where no name was signed
        }
        switch (part) {
            case HEAD -> head(line, f);
            case TITLE -> {
                if (BASIS_START.matcher(f).find() || ROMAN.matcher(line).matches()) {
                    part = Part.BASIS;
                    line(line);
                } else {
                    title.add(line);
                }
            }
            case BASIS -> {
                if (ROMAN.matcher(line).matches()) {
                    part = Part.BODY;
                    line(line);
                } else {
                    add(basis, line);
                }
            }
            case BODY -> body(line, f);
            case CLOSING -> {
                if (!endOfBody(line, f)) {
                    add(closing, line);
                }
            }
            case RECIPIENTS -> recipient(line, f);
            case SIGNER -> signer(line, f);
            case AFTER_SIGNER -> annexTitle.add(line);
        }
    }

    /** The annex table starts: whatever came before it since the signature was the annex heading. */
    void annexStarts() {
        part = Part.AFTER_SIGNER;
    }

    private void head(String line, String f) {
        if (number == null) {
            Reading<String> n = header.number(line);
            if (n.value() != null) {
                number = n.value();
            }
            n.problems().forEach(p -> note("Phần đầu văn bản", "number", line, p));
        }
        if (issuedOn == null && place == null) {
            Reading<HeaderReader.PlaceAndDate> pd = header.placeAndDate(line);
            if (pd.value() != null) {
                place = pd.value().place();
                issuedOn = pd.value().date();
            }
            pd.problems().forEach(p -> note("Phần đầu văn bản", "issuedOn", line, p));
        }
        if (f.replaceAll("[^a-z ]", "").strip().equals("ke hoach")) {
            sawKeHoach = true;
            part = Part.TITLE;
        } else if (BASIS_START.matcher(f).find() || ROMAN.matcher(line).matches()) {
            note("Phần đầu văn bản", "title", null, "Không thấy dòng \"KẾ HOẠCH\" và tên kế hoạch: hãy nhập tên.");
            part = Part.BASIS;
            line(line);
        }
    }

    private void body(String line, String f) {
        if (endOfBody(line, f)) {
            return;
        }
        if (CLOSING.matcher(f).find()) {
            closing.add(line);
            part = Part.CLOSING;
            return;
        }
        Matcher roman = ROMAN.matcher(line);
        if (roman.matches()) {
            section(roman.group(2));
            return;
        }
        Matcher arabic = ARABIC.matcher(line);
        if (arabic.matches()) {
            String heading = arabic.group(2).replaceAll("[:\\s]+$", "");
            if (target == Target.DUTIES) {
                items = new ArrayList<>();
                duties.add(new Heading(heading, items));
            } else {
                section(heading);
            }
            return;
        }
        add(items, line);
    }

    /** "Nơi nhận" or the signature block ends the body, wherever it comes. */
    private boolean endOfBody(String line, String f) {
        if (RECIPIENTS.matcher(f).find()) {
            part = Part.RECIPIENTS;
            String rest = line.replaceFirst("^[^:]*:?", "").strip();
            if (!rest.isEmpty()) {
                recipient(rest, Words.fold(rest));
            }
            return true;
        }
        if (SIGNER_LINE.matcher(f).find()) {
            part = Part.SIGNER;
            signer(line, f);
            return true;
        }
        return false;
    }

    private void section(String heading) {
        // the words are matched loosely where OCR is known to stumble: "MUC PiCH", "N§i dung", "Hinh thirc"
        String h = Words.folded(heading).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
        target = h.matches("^muc [dp]ich.*") ? Target.PURPOSES
                : h.startsWith("yeu cau") ? Target.REQUIREMENTS
                : h.startsWith("chi tieu") ? Target.TARGETS
                : h.matches("^n.?i dung.*") ? Target.THEMES
                : h.matches("^hinh th[a-z]{1,3}c.*") ? Target.FORMS
                : h.contains("kinh phi") ? Target.BUDGET
                : h.matches(".*\\bt[o0] ch[a-z]{1,2}c th[a-z]{1,2}c hien.*") ? Target.DUTIES
                : Target.OTHER;
        items = switch (target) {
            case PURPOSES -> purposes;
            case REQUIREMENTS -> requirements;
            case TARGETS -> targets;
            case THEMES -> themes;
            case FORMS -> forms;
            case BUDGET -> budget;
            case DUTIES, OTHER -> {
                List<String> list = new ArrayList<>();
                // text under "Tổ chức thực hiện" before its first unit is kept as a section of its own
                otherSections.add(new Heading(heading.replaceAll("[:\\s]+$", ""), list));
                yield list;
            }
        };
    }

    private void recipient(String line, String f) {
        if (SIGNER_LINE.matcher(f).find() || CHAIR.matcher(f).matches()) {
            part = Part.SIGNER;
            signer(line, f);
            return;
        }
        // a scan reads the two columns of the block as one line: "- Sở KHCN (để b/c);   KT. CHỦ TỊCH"
        Matcher signerPart = SIGNER_TAIL.matcher(f);
        if (signerPart.find() && signerPart.start(1) > 0) {
            recipient(line.substring(0, signerPart.start(1)).strip(), f.substring(0, signerPart.start(1)).strip());
            String tail = line.substring(signerPart.start(1));
            part = Part.SIGNER;
            signer(tail, Words.fold(tail));
            return;
        }
        String item = line.replaceFirst("^[-+•*]\\s*", "").replaceAll("[;.,]+$", "").strip();
        if (item.isEmpty()) {
            return;
        }
        if (line.matches("^[-+•*].*") || recipients.isEmpty()) {
            recipients.add(item);
        } else {
            recipients.set(recipients.size() - 1, recipients.getLast() + " " + item);
        }
    }

    private void signer(String line, String f) {
        if (line.matches("^[-+•*].*")) {
            recipient(line, f); // the recipients' column goes on beside the signature
            return;
        }
        if (f.matches("^tm\\s*\\..*")) {
            authority = line;
        } else if (SIGNER_LINE.matcher(f).find()) {
            delegation = line;
        } else if (signerTitle == null && isUpperCase(line)) {
            signerTitle = line;
        } else if (signerName == null) {
            signerName = line;
            part = Part.AFTER_SIGNER;
        }
    }

    /** A paragraph that starts in lower case continues the one before (a page or line break in the source). */
    private static void add(List<String> list, String line) {
        if (!list.isEmpty() && Character.isLowerCase(line.charAt(0)) && !MARKER.matcher(line).find()) {
            list.set(list.size() - 1, list.getLast() + " " + line);
        } else {
            list.add(line);
        }
    }

    private static boolean isUpperCase(String line) {
        return line.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private void note(String where, String field, String text, String message) {
        notes.add(new ImportNote(where, field, text, message));
    }

    boolean sawTitle() {
        return sawKeHoach && !title.isEmpty();
    }

    String titleText() {
        return title.isEmpty() ? null : String.join(" ", title);
    }

    List<Duty> dutyList() {
        return duties.stream().map(h -> new Duty(h.name(), h.items())).toList();
    }

    /** Sections without a field of their own; an empty one (a heading whose parts all had fields) is dropped. */
    List<Section> sectionList() {
        return otherSections.stream().filter(h -> !h.items().isEmpty()).map(h -> new Section(h.name(), h.items()))
                .toList();
    }

    Signer signerBlock() {
        if (authority == null && delegation == null && signerTitle == null && signerName == null) {
            return null;
        }
        return new Signer(authority, delegation, signerTitle, signerName);
    }

    Reading<Period> period() {
        String t = titleText();
        return t == null ? Reading.unread("Không xác định được thời gian thực hiện kế hoạch: hãy nhập.")
                : header.periodOfTitle(t);
    }
}
