package vn.loa.plan.plan;

import java.time.LocalDate;
import java.util.List;
import vn.loa.plan.calendar.Period;

/**
 * Everything a plan document says outside its annex: number and symbol, title (trích yếu), place and date, the
 * period it covers, legal basis, purposes, requirements, specific targets ("Chỉ tiêu cụ thể"), themes, forms and
 * channels, budget, duties per unit, recipients ("Nơi nhận"), signer. List items keep their own markers ("a) …",
 * "- …") so nested lists survive as written. This is also the body of {@code POST/PUT /api/plans}.
 *
 * @param otherSections parts without a field of their own, kept with their heading
 * @param closing       the closing paragraph ("Trên đây là Kế hoạch …")
 * @param annexTitle    the annex heading ("DANH MỤC NHIỆM VỤ CỤ THỂ …", "Phụ lục 1 …")
 */
public record PlanContent(
        String number,
        String title,
        String place,
        LocalDate issuedOn,
        Period period,
        List<String> basis,
        List<String> purposes,
        List<String> requirements,
        List<String> targets,
        List<String> themes,
        List<String> forms,
        String budget,
        List<Duty> duties,
        List<String> recipients,
        Signer signer,
        List<Section> otherSections,
        String closing,
        String annexTitle) {

    public PlanContent {
        basis = orEmpty(basis);
        purposes = orEmpty(purposes);
        requirements = orEmpty(requirements);
        targets = orEmpty(targets);
        themes = orEmpty(themes);
        forms = orEmpty(forms);
        duties = orEmpty(duties);
        recipients = orEmpty(recipients);
        otherSections = orEmpty(otherSections);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
